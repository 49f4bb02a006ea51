package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.gpureport.errors.GpuReportException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmtpMailer} on its own: ports, session properties, message shape, TLS and auth rules. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SmtpMailerTest {
  static final String USER = "bot@example.org";
  static final String PASSWORD = "s3cret";

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup[] {MailServerSetups.smtp(), MailServerSetups.smtps()})
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD))
          .withPerMethodLifecycle(true);

  @RegisterExtension final ClosedPorts closed = new ClosedPorts();

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private static EmailSettings settings(
      int port, EmailSettings.StartTls tls, String user, String password, boolean insecure) {
    return new EmailSettings(
        List.of("ops@example.org", "Admin <admin@example.org>"),
        "reports@example.org",
        "CHTC GPU Allocation",
        "127.0.0.1",
        port,
        tls,
        user,
        password,
        insecure,
        3,
        false);
  }

  private static EmailSettings plain(int port) {
    return settings(port, EmailSettings.StartTls.OPPORTUNISTIC, null, null, false);
  }

  private SmtpMailer mailer(List<Integer> fallbacks) {
    return new SmtpMailer(err, fallbacks, mail.getSmtps().getPort());
  }

  // ------------------------------------------------------------------------------- port order

  @Test
  void portsFollowTheFallbackRule() {
    List<Integer> f = SmtpMailer.FALLBACK_PORTS;
    assertEquals(List.of(25, 587), SmtpMailer.portsToTry(25, f));
    assertEquals(List.of(587, 25), SmtpMailer.portsToTry(587, f));
    assertEquals(List.of(2525, 25, 587), SmtpMailer.portsToTry(2525, f));
    assertEquals(List.of(465, 25, 587), SmtpMailer.portsToTry(465, f));
    assertEquals(465, SmtpMailer.SMTPS_PORT);
  }

  // ------------------------------------------------------------------------ session properties

  @Test
  void implicitTlsOnTheSmtpsPortWithVerificationAndTimeouts() {
    Properties p =
        new SmtpAttempt(
                settings(465, EmailSettings.StartTls.OFF, null, null, false), 465, true, err)
            .properties();
    assertEquals("smtps", new SmtpAttempt(plain(465), 465, true, err).protocol());
    assertEquals("true", p.getProperty("mail.smtps.ssl.checkserveridentity"));
    assertEquals(null, p.getProperty("mail.smtps.ssl.trust"));
    assertEquals("3000", p.getProperty("mail.smtps.connectiontimeout"));
    assertEquals("3000", p.getProperty("mail.smtps.timeout"));
    assertEquals("3000", p.getProperty("mail.smtps.writetimeout"));
    assertEquals("reports@example.org", p.getProperty("mail.smtps.from"));
    assertEquals("false", p.getProperty("mail.smtps.auth"));
    assertEquals(null, p.getProperty("mail.smtps.starttls.enable"));
  }

  @Test
  void startTlsModesMapToProperties() {
    Properties opp = new SmtpAttempt(plain(25), 25, false, err).properties();
    assertEquals("true", opp.getProperty("mail.smtp.starttls.enable"));
    assertEquals("false", opp.getProperty("mail.smtp.starttls.required"));
    assertEquals("true", opp.getProperty("mail.smtp.ssl.checkserveridentity"));

    Properties req =
        new SmtpAttempt(
                settings(25, EmailSettings.StartTls.REQUIRED, null, null, false), 25, false, err)
            .properties();
    assertEquals("true", req.getProperty("mail.smtp.starttls.enable"));
    assertEquals("true", req.getProperty("mail.smtp.starttls.required"));

    Properties off =
        new SmtpAttempt(settings(25, EmailSettings.StartTls.OFF, null, null, false), 25, false, err)
            .properties();
    assertEquals("false", off.getProperty("mail.smtp.starttls.enable"));
    assertEquals("false", off.getProperty("mail.smtp.starttls.required"));

    // Credentials make STARTTLS mandatory even in opportunistic mode.
    Properties auth =
        new SmtpAttempt(
                settings(587, EmailSettings.StartTls.OPPORTUNISTIC, USER, PASSWORD, false),
                587,
                false,
                err)
            .properties();
    assertEquals("true", auth.getProperty("mail.smtp.starttls.required"));
    assertEquals("true", auth.getProperty("mail.smtp.auth"));

    Properties insecure =
        new SmtpAttempt(
                settings(25, EmailSettings.StartTls.REQUIRED, null, null, true), 25, false, err)
            .properties();
    assertEquals("*", insecure.getProperty("mail.smtp.ssl.trust"));
    assertEquals("false", insecure.getProperty("mail.smtp.ssl.checkserveridentity"));
  }

  @Test
  void reasonsAreOneLine() {
    MessagingException e =
        new MessagingException("535 5.7.8 bad\r\n credentials", new IOException("inner\nproblem"));
    assertEquals("535 5.7.8 bad credentials: inner problem", SmtpAttempt.reason(e));
  }

  // -------------------------------------------------------------------------- message delivery

  @Test
  void sendsMultipartAlternativeWithTextThenHtml() throws Exception {
    String text =
        "\n" + "=".repeat(70) + "\n    Title with trailing spaces    \nGr\u00fc\u00dfe & <tags>\n";
    String html =
        "<!DOCTYPE html><html><body><p>Gr\u00fc\u00dfe &amp; caf\u00e9</p></body></html>\n";
    String subject = "CHTC GPU Allocation 2025-12-03 24h (66.7% | 75.0%) \u2013 caf\u00e9";
    mailer(closed.fallbacks()).send(plain(mail.getSmtp().getPort()), subject, text, html);

    assertTrue(mail.waitForIncomingEmail(5000, 2));
    MimeMessage[] received = mail.getReceivedMessages();
    assertEquals(2, received.length, "one copy per recipient");
    MimeMessage m = received[0];
    assertEquals(subject, m.getSubject());
    assertEquals("reports@example.org", m.getHeader("From", null));
    assertEquals(
        "ops@example.org, Admin <admin@example.org>",
        m.getHeader("To", null).replaceAll("\\r\\n\\s+", " "));
    assertNotNull(m.getHeader("Date", null));
    assertNotNull(m.getSentDate());
    String messageId = m.getHeader("Message-ID", null);
    assertNotNull(messageId);
    assertTrue(messageId.matches("<[^<>@\\s]+@example\\.org>"), messageId);
    assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());

    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
    assertEquals(text, crlf(parts.getBodyPart(0).getContent()));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertTrue(parts.getBodyPart(1).getContentType().toLowerCase().contains("charset=utf-8"));
    assertEquals(html, crlf(parts.getBodyPart(1).getContent()));

    // Envelope: MAIL FROM = --email-from, RCPT TO = both recipients.
    assertArrayEquals(new String[] {"<reports@example.org>"}, m.getHeader("Return-Path"));
    List<String> to = new ArrayList<>();
    for (MimeMessage r : received) {
      to.addAll(Arrays.stream(r.getAllRecipients()).map(Address::toString).toList());
    }
    assertTrue(to.contains("ops@example.org"));
    assertTrue(
        err()
            .contains(
                "Warning: STARTTLS not supported by 127.0.0.1:"
                    + mail.getSmtp().getPort()
                    + ", sending without encryption\n"),
        err());
    assertTrue(
        err()
            .endsWith(
                "Email sent successfully to 2 recipient(s): ops@example.org, Admin <admin@example.org>\n"),
        err());
  }

  private static String crlf(Object content) {
    return ((String) content).replace("\r\n", "\n");
  }

  @Test
  void aDisplayNameInTheSenderStaysOutOfTheEnvelope() throws Exception {
    EmailSettings s =
        new EmailSettings(
            List.of("ops@example.org"),
            "GPU Reports <reports@example.org>",
            "p",
            "127.0.0.1",
            mail.getSmtp().getPort(),
            EmailSettings.StartTls.OFF,
            null,
            null,
            false,
            3,
            false);
    mailer(closed.fallbacks()).send(s, "s", "t\n", "<p>h</p>");
    assertTrue(mail.waitForIncomingEmail(5000, 1));
    MimeMessage m = mail.getReceivedMessages()[0];
    assertEquals("GPU Reports <reports@example.org>", m.getHeader("From", null));
    assertArrayEquals(new String[] {"<reports@example.org>"}, m.getHeader("Return-Path"));
    assertTrue(
        m.getHeader("Message-ID", null).endsWith("@example.org>"), m.getHeader("Message-ID", null));
  }

  @Test
  void startTlsOffSendsWithoutTheWarning() throws Exception {
    mailer(closed.fallbacks())
        .send(
            settings(mail.getSmtp().getPort(), EmailSettings.StartTls.OFF, null, null, false),
            "s",
            "t\n",
            "<p>h</p>");
    assertTrue(mail.waitForIncomingEmail(5000, 2));
    assertFalse(err().contains("Warning"), err());
  }

  @Test
  void startTlsRequiredFailsAgainstAServerWithoutIt() throws Exception {
    List<Integer> fallbacks = closed.fallbacks();
    int port = mail.getSmtp().getPort();
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                mailer(fallbacks)
                    .send(
                        settings(port, EmailSettings.StartTls.REQUIRED, null, null, false),
                        "s",
                        "t\n",
                        "<p>h</p>"));
    assertTrue(e.getMessage().startsWith("failed to send email: "), e.getMessage());
    assertTrue(err().startsWith("Warning: sending via 127.0.0.1:" + port + " failed: "), err());
    assertTrue(err().lines().findFirst().orElseThrow().contains("STARTTLS"), err());
    assertEquals(0, mail.getReceivedMessages().length);
  }

  @Test
  void everyPortIsTriedInOrderAndTheLastReasonIsReported() throws Exception {
    int first = closed.port();
    List<Integer> fallbacks = closed.fallbacks();
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () -> mailer(fallbacks).send(plain(first), "s", "t\n", "<p>h</p>"));
    List<String> lines = err().lines().toList();
    assertEquals(3, lines.size(), err());
    assertTrue(
        lines.get(0).startsWith("Warning: sending via 127.0.0.1:" + first + " failed: "), err());
    assertTrue(
        lines.get(1).startsWith("Warning: sending via 127.0.0.1:" + fallbacks.get(0) + " failed: "),
        err());
    assertTrue(
        lines.get(2).startsWith("Warning: sending via 127.0.0.1:" + fallbacks.get(1) + " failed: "),
        err());
    String last = lines.get(2).substring(lines.get(2).indexOf(" failed: ") + " failed: ".length());
    assertEquals("failed to send email: " + last, e.getMessage());
  }

  @Test
  void aFallbackPortCanSucceed() throws Exception {
    int first = closed.port();
    mailer(List.of(mail.getSmtp().getPort(), closed.port()))
        .send(
            settings(first, EmailSettings.StartTls.OFF, null, null, false), "s", "t\n", "<p>h</p>");
    assertTrue(mail.waitForIncomingEmail(5000, 2));
    List<String> lines = err().lines().toList();
    assertEquals(2, lines.size(), err());
    assertTrue(
        lines.get(0).startsWith("Warning: sending via 127.0.0.1:" + first + " failed: "), err());
    assertTrue(lines.get(1).startsWith("Email sent successfully to 2 recipient(s): "), err());
  }

  @Test
  void aSilentServerHitsTheReadTimeout() throws Exception {
    // Listening but never accepting: the kernel completes the connection (backlog), and nobody
    // ever writes the greeting. Closing the socket at the end resets the connection.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      EmailSettings s =
          new EmailSettings(
              List.of("ops@example.org"),
              "reports@example.org",
              "p",
              "127.0.0.1",
              silent.getLocalPort(),
              EmailSettings.StartTls.OPPORTUNISTIC,
              null,
              null,
              false,
              1,
              false);
      List<Integer> fallbacks = closed.fallbacks();
      long t0 = System.nanoTime();
      assertThrows(
          GpuReportException.class, () -> mailer(fallbacks).send(s, "s", "t\n", "<p>h</p>"));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 8000, "took " + ms + " ms");
      assertTrue(
          err().lines().findFirst().orElseThrow().toLowerCase().contains("timed out"), err());
    }
  }

  // ------------------------------------------------------------------------------ TLS and auth

  @Test
  void smtpsWithInsecureAuthenticates() throws Exception {
    int port = mail.getSmtps().getPort();
    mailer(closed.fallbacks())
        .send(
            settings(port, EmailSettings.StartTls.REQUIRED, USER, PASSWORD, true),
            "s",
            "t\n",
            "<p>h</p>");
    assertTrue(mail.waitForIncomingEmail(5000, 2));
    assertFalse(err().contains("Warning"), err());
  }

  @Test
  void smtpsWithAWrongPasswordFails() throws Exception {
    int port = mail.getSmtps().getPort();
    List<Integer> fallbacks = closed.fallbacks();
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                mailer(fallbacks)
                    .send(
                        settings(port, EmailSettings.StartTls.REQUIRED, USER, "wrong", true),
                        "s",
                        "t\n",
                        "<p>h</p>"));
    assertTrue(err().lines().findFirst().orElseThrow().contains("535"), err());
    assertTrue(e.getMessage().startsWith("failed to send email: "));
    assertEquals(0, mail.getReceivedMessages().length);
  }

  @Test
  void smtpsVerifiesTheCertificateByDefault() throws Exception {
    int port = mail.getSmtps().getPort();
    List<Integer> fallbacks = closed.fallbacks();
    assertThrows(
        GpuReportException.class,
        () ->
            mailer(fallbacks)
                .send(
                    settings(port, EmailSettings.StartTls.OPPORTUNISTIC, null, null, false),
                    "s",
                    "t\n",
                    "<p>h</p>"));
    String first = err().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("Warning: sending via 127.0.0.1:" + port + " failed: "), err());
    assertTrue(first.toLowerCase().contains("certif") || first.contains("PKIX"), first);
    assertEquals(0, mail.getReceivedMessages().length);
  }

  @Test
  void credentialsAreNeverSentInPlainText() throws Exception {
    int port = mail.getSmtp().getPort();
    List<Integer> fallbacks = closed.fallbacks();
    EmailSettings s =
        new EmailSettings(
            List.of("ops@example.org"),
            "reports@example.org",
            "p",
            "127.0.0.1",
            port,
            EmailSettings.StartTls.OPPORTUNISTIC,
            USER,
            PASSWORD,
            false,
            3,
            true);
    assertThrows(GpuReportException.class, () -> mailer(fallbacks).send(s, "s", "t\n", "<p>h</p>"));
    String trace = err();
    assertTrue(trace.contains("EHLO"), "the --email-debug trace is on stderr: " + trace);
    assertTrue(trace.contains("250-AUTH"), "the server offers AUTH: " + trace);
    assertTrue(
        trace.lines().noneMatch(l -> l.startsWith("AUTH")),
        "the client never sends AUTH: " + trace);
    assertFalse(trace.contains(PASSWORD), trace);
    assertTrue(trace.contains("Warning: sending via 127.0.0.1:" + port + " failed: "), trace);
    assertFalse(trace.contains("Warning: STARTTLS not supported"), trace);
    assertTrue(trace.contains("credentials are sent only over an encrypted connection"), trace);
    assertEquals(0, mail.getReceivedMessages().length);
  }

  @Test
  void credentialsWithStartTlsOffFailWithoutConnecting() throws Exception {
    int port = mail.getSmtp().getPort();
    List<Integer> fallbacks = closed.fallbacks();
    assertThrows(
        GpuReportException.class,
        () ->
            mailer(fallbacks)
                .send(
                    settings(port, EmailSettings.StartTls.OFF, USER, PASSWORD, false),
                    "s",
                    "t\n",
                    "<p>h</p>"));
    String first = err().lines().findFirst().orElseThrow();
    assertTrue(
        first.startsWith(
            "Warning: sending via 127.0.0.1:"
                + port
                + " failed: credentials are sent only"
                + " over an encrypted connection"),
        first);
    assertEquals(0, mail.getReceivedMessages().length);
  }
}
