package io.gpureport.deliver;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An Angus SMTP transport that records how far a message got: whether the server had accepted DATA
 * (354) and so may hold the message, and whether it refused the message after its content.
 */
final class HandoverTransport extends SMTPTransport {
  /** How far the message got when sending stopped. */
  enum Stage {
    /** Not handed over: connect, greeting, STARTTLS, AUTH, MAIL FROM, RCPT TO or DATA failed. */
    ENVELOPE,
    /** DATA was answered with 354: the content was being sent or waiting for its final reply. */
    CONTENT,
    /** The server answered the content with a 4xx or 5xx reply: refused, not delivered. */
    REFUSED
  }

  private volatile Stage stage = Stage.ENVELOPE;

  /** A transport for {@code smtps} (implicit TLS, as Angus' SMTPSSLTransport) or {@code smtp}. */
  HandoverTransport(Session session, boolean implicitTls) {
    this(session, implicitTls ? "smtps" : "smtp", implicitTls);
  }

  private HandoverTransport(Session session, String protocol, boolean implicitTls) {
    super(session, new URLName(protocol, null, -1, null, null, null), protocol, implicitTls);
  }

  /** How far the last message got. */
  Stage stage() {
    return stage;
  }

  /** Issues DATA; once the server answered 354, the message counts as handed over. */
  @Override
  protected OutputStream data() throws MessagingException {
    OutputStream content = super.data();
    stage = Stage.CONTENT;
    return content;
  }

  /** Sends the final "." and reads the reply; a 4xx/5xx reply is a refusal of the content. */
  @Override
  protected void finishData() throws IOException, MessagingException {
    try {
      super.finishData();
    } catch (SMTPSendFailedException e) {
      if (e.getReturnCode() >= 400 && e.getReturnCode() < 600) {
        stage = Stage.REFUSED;
      }
      throw e;
    }
  }

  /**
   * BDAT (CHUNKING, only with {@code mail.smtp.chunksize}, which is never set) sends the content
   * with its commands: counted as handed over from the start, which never risks a second copy.
   */
  @Override
  protected OutputStream bdat() throws MessagingException {
    stage = Stage.CONTENT;
    return super.bdat();
  }
}
