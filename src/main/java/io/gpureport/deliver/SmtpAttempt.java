package io.gpureport.deliver;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One delivery attempt on one port (docs/metrics.md, "SMTP"): implicit TLS on the SMTPS port,
 * otherwise plain text upgraded with STARTTLS per {@code --smtp-starttls}; certificates and host
 * names verified unless {@code --smtp-insecure}; credentials only over an encrypted connection.
 */
final class SmtpAttempt {
  /** The attempt failed; {@code getMessage()} is the one-line reason. */
  static final class Failure extends Exception {
    private final HandoverTransport.Stage stage;

    /** A failure before the message was handed over. */
    Failure(String reason, Throwable cause) {
      this(reason, cause, HandoverTransport.Stage.ENVELOPE);
    }

    Failure(String reason, Throwable cause, HandoverTransport.Stage stage) {
      super(reason, cause);
      this.stage = stage;
    }

    /** How far the message got. */
    HandoverTransport.Stage stage() {
      return stage;
    }

    /**
     * True when the message is known not to be delivered (never handed over, or refused after its
     * content), so another port may be tried (docs/metrics.md, "After DATA: no second port"); false
     * when its fate is unknown.
     */
    boolean notDelivered() {
      return stage != HandoverTransport.Stage.CONTENT;
    }
  }

  private final EmailSettings s;
  private final int port;
  private final boolean implicitTls;
  private final PrintStream err;

  SmtpAttempt(EmailSettings settings, int port, boolean implicitTls, PrintStream err) {
    this.s = settings;
    this.port = port;
    this.implicitTls = implicitTls;
    this.err = err;
  }

  /** The JavaMail protocol of this attempt: {@code smtps} (implicit TLS) or {@code smtp}. */
  String protocol() {
    return implicitTls ? "smtps" : "smtp";
  }

  boolean authenticates() {
    return s.user() != null;
  }

  /** The session properties of this attempt. */
  Properties properties() {
    String k = "mail." + protocol() + ".";
    Properties p = new Properties();
    p.setProperty(k + "host", s.server());
    p.setProperty(k + "port", Integer.toString(port));
    String ms = Integer.toString(Math.multiplyExact(s.timeoutSeconds(), 1000));
    p.setProperty(k + "connectiontimeout", ms);
    p.setProperty(k + "timeout", ms);
    p.setProperty(k + "writetimeout", ms);
    // Envelope sender (MAIL FROM) = the address of --email-from, without a display name.
    String envelope = envelopeAddress(s.from());
    p.setProperty(k + "from", envelope);
    p.setProperty("mail.from", envelope);
    p.setProperty(k + "auth", Boolean.toString(authenticates()));
    if (!implicitTls) {
      boolean enable = s.startTls() != EmailSettings.StartTls.OFF;
      // With credentials, plain text is never acceptable: STARTTLS must succeed before AUTH.
      boolean required =
          enable && (s.startTls() == EmailSettings.StartTls.REQUIRED || authenticates());
      p.setProperty(k + "starttls.enable", Boolean.toString(enable));
      p.setProperty(k + "starttls.required", Boolean.toString(required));
    }
    if (s.insecure()) {
      p.setProperty(k + "ssl.trust", "*");
      p.setProperty(k + "ssl.checkserveridentity", "false");
    } else {
      p.setProperty(k + "ssl.checkserveridentity", "true");
    }
    return p;
  }

  /**
   * Connects, (upgrades, authenticates,) sends and disconnects; a failure tells whether the server
   * had accepted the message's content (DATA answered 354) before it happened.
   */
  void send(MimeMessage message) throws Failure {
    if (authenticates() && !implicitTls && s.startTls() == EmailSettings.StartTls.OFF) {
      throw new Failure(
          "credentials are sent only over an encrypted connection, and --smtp-starttls off"
              + " disables STARTTLS on port "
              + port,
          null);
    }
    Session session = Session.getInstance(properties());
    if (s.debug()) {
      session.setDebugOut(err);
      session.setDebug(true);
    }
    HandoverTransport transport = new HandoverTransport(session, implicitTls);
    try {
      transport.connect(s.server(), port, s.user(), s.password());
      boolean encrypted = implicitTls || isSsl(transport);
      if (authenticates() && !encrypted) {
        throw new Failure("credentials are sent only over an encrypted connection", null);
      }
      if (authenticates() && !offersAuth(transport)) {
        throw new Failure(s.server() + ":" + port + " does not offer authentication (AUTH)", null);
      }
      if (!encrypted && s.startTls() == EmailSettings.StartTls.OPPORTUNISTIC) {
        err.println(
            "Warning: STARTTLS not supported by "
                + s.server()
                + ":"
                + port
                + ", sending without encryption");
      }
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      String reason = reason(e);
      if (authenticates()
          && !implicitTls
          && s.startTls() != EmailSettings.StartTls.REQUIRED
          && reason.contains("STARTTLS")) {
        reason += " (credentials are sent only over an encrypted connection)";
      }
      throw new Failure(reason, e, transport.stage());
    } catch (RuntimeException e) {
      throw new Failure(reason(e), e, transport.stage());
    } finally {
      try {
        transport.close();
      } catch (MessagingException | RuntimeException ignored) {
        // the attempt's outcome is already decided
      }
    }
  }

  /** The bare address of {@code from} ({@code Name <a@b>} → {@code a@b}). */
  static String envelopeAddress(String from) {
    try {
      return new InternetAddress(from, true).getAddress();
    } catch (AddressException e) {
      return from;
    }
  }

  private static boolean isSsl(SMTPTransport t) {
    return t.isSSL();
  }

  private static boolean offersAuth(SMTPTransport t) {
    return t.supportsExtension("AUTH") || t.supportsExtension("AUTH=LOGIN");
  }

  /**
   * A one-line reason: the distinct messages of the exception chain (including JavaMail's "next"
   * exceptions), joined with ": ", whitespace collapsed.
   */
  static String reason(Throwable e) {
    List<String> parts = new ArrayList<>();
    Throwable t = e;
    int depth = 0;
    while (t != null && depth++ < 8) {
      String m = t.getMessage();
      if (m == null || m.isBlank()) {
        m = t.getClass().getSimpleName();
      }
      String line = m.replaceAll("\\s+", " ").strip();
      if (parts.stream().noneMatch(prev -> prev.contains(line))) {
        parts.add(line);
      }
      Throwable next = t instanceof MessagingException me ? me.getNextException() : null;
      t = next != null ? next : t.getCause();
    }
    return String.join(": ", parts);
  }
}
