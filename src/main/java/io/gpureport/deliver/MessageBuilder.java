package io.gpureport.deliver;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Builds the report e-mail (docs/metrics.md, "The message"): {@code multipart/alternative} with the
 * text report ({@code text/plain; charset=UTF-8}) first and the HTML report ({@code text/html;
 * charset=UTF-8}) second, and the From, To, Subject, Date and Message-ID headers. With charts, the
 * second alternative is a {@code multipart/related; type="text/html"}: the HTML, then one {@code
 * image/png} part per chart ({@code Content-ID: <id>}, {@code Content-Disposition: inline}) that
 * the HTML references as {@code cid:id}.
 */
final class MessageBuilder {
  static final String CHARSET = "UTF-8";

  private MessageBuilder() {}

  /** The finished message without images. */
  static MimeMessage build(EmailSettings s, String subject, String text, String html, Date date)
      throws MessagingException {
    return build(s, subject, text, html, List.of(), date);
  }

  /** The finished message; {@link MimeMessage#saveChanges()} has run, so Message-ID is set. */
  static MimeMessage build(
      EmailSettings s,
      String subject,
      String text,
      String html,
      List<Mailer.InlineImage> images,
      Date date)
      throws MessagingException {
    MimeMessage m = headers(s, subject, date);
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(part(text, "plain"));
    if (images.isEmpty()) {
      alternative.addBodyPart(part(html, "html"));
    } else {
      MimeMultipart related = new Related();
      related.addBodyPart(part(html, "html"));
      for (Mailer.InlineImage image : images) {
        related.addBodyPart(image(image));
      }
      MimeBodyPart wrapper = new MimeBodyPart();
      wrapper.setContent(related);
      alternative.addBodyPart(wrapper);
    }
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  /**
   * The message of a text-only output: one {@code text/plain; charset=UTF-8} part
   * (quoted-printable) with the same headers; {@link MimeMessage#saveChanges()} has run.
   */
  static MimeMessage buildText(EmailSettings s, String subject, String text, Date date)
      throws MessagingException {
    MimeMessage m = headers(s, subject, date);
    m.setText(text, CHARSET, "plain");
    m.setHeader("Content-Transfer-Encoding", "quoted-printable");
    m.saveChanges();
    return m;
  }

  /** A message with its From, To, Subject and Date headers and no content yet. */
  private static MimeMessage headers(EmailSettings s, String subject, Date date)
      throws MessagingException {
    Properties p = new Properties();
    // The Message-ID's right-hand side comes from mail.from (no local host name lookup).
    p.setProperty("mail.from", SmtpAttempt.envelopeAddress(s.from()));
    Session session = Session.getInstance(p);
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(s.from(), true));
    m.setRecipients(Message.RecipientType.TO, addresses(s.recipients()));
    m.setSubject(subject, CHARSET);
    m.setSentDate(date);
    return m;
  }

  /** The recipients as addresses, in command-line order; the To header joins them with ", ". */
  static InternetAddress[] addresses(List<String> recipients) throws MessagingException {
    InternetAddress[] out = new InternetAddress[recipients.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new InternetAddress(recipients.get(i), true);
    }
    return out;
  }

  /** An inline PNG part: base64, {@code Content-ID: <id>}, {@code Content-Disposition: inline}. */
  private static MimeBodyPart image(Mailer.InlineImage image) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(image.png(), "image/png")));
    part.setContentID("<" + image.contentId() + ">");
    part.setDisposition(Part.INLINE);
    part.setFileName(image.fileName());
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /** {@code multipart/related} with the {@code type} parameter of its root part (RFC 2387). */
  private static final class Related extends MimeMultipart {
    Related() throws MessagingException {
      super("related");
      ContentType type = new ContentType(contentType);
      type.setParameter("type", "text/html");
      contentType = type.toString();
    }
  }

  private static MimeBodyPart part(String content, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(content, CHARSET, subtype);
    // Quoted-printable keeps the text report byte-exact through relays: trailing spaces (the
    // centred title line) are encoded as =20 instead of being exposed to whitespace stripping.
    part.setHeader("Content-Transfer-Encoding", "quoted-printable");
    return part;
  }
}
