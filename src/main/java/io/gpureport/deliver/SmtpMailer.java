package io.gpureport.deliver;

import io.gpureport.errors.GpuReportException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Sends the report over SMTP with Jakarta Mail / Angus Mail (docs/metrics.md, "SMTP", D10, D14).
 *
 * <p>Ports are tried in order: {@code --smtp-port}, then 25 if different, then 587 if different
 * from both. Each failed port prints {@code Warning: sending via <host>:<port> failed: <reason>};
 * the first success prints {@code Email sent successfully to <n> recipient(s): <a, b>} and stops.
 * When every port failed, a {@link GpuReportException} {@code failed to send email: <last reason>}
 * is thrown (exit status 1; the report was already written).
 *
 * <p>A failure before the message was handed over (the server's 354 answer to DATA), or a 4xx/5xx
 * refusal of the content, leaves the message undelivered and moves on to the next port. A missing
 * or late final reply after the 354 leaves the outcome unknown (the server may hold the message),
 * so it ends the sending: the recipients never get the report twice (docs/metrics.md, "After DATA:
 * no second port").
 */
public final class SmtpMailer implements Mailer {
  /** The port that speaks implicit TLS (SMTPS). */
  public static final int SMTPS_PORT = 465;

  /** The ports tried after {@code --smtp-port}. */
  public static final List<Integer> FALLBACK_PORTS = List.of(25, 587);

  private final PrintStream err;
  private final List<Integer> fallbackPorts;
  private final int implicitTlsPort;

  /** The product mailer: status lines and the {@code --email-debug} trace go to {@code err}. */
  public SmtpMailer(PrintStream err) {
    this(err, FALLBACK_PORTS, SMTPS_PORT);
  }

  /**
   * A mailer with other fallback ports and another implicit-TLS port, so that tests can run against
   * servers on unprivileged ports without ever touching a real port 25, 465 or 587.
   */
  SmtpMailer(PrintStream err, List<Integer> fallbackPorts, int implicitTlsPort) {
    this.err = err;
    this.fallbackPorts = List.copyOf(fallbackPorts);
    this.implicitTlsPort = implicitTlsPort;
  }

  /** {@code first}, then each fallback port that is not already in the list, in order. */
  static List<Integer> portsToTry(int first, List<Integer> fallbacks) {
    List<Integer> ports = new ArrayList<>();
    ports.add(first);
    for (int p : fallbacks) {
      if (!ports.contains(p)) {
        ports.add(p);
      }
    }
    return ports;
  }

  @Override
  public void send(
      EmailSettings settings, String subject, String text, String html, List<InlineImage> images) {
    MimeMessage message;
    try {
      message = MessageBuilder.build(settings, subject, text, html, images, new Date());
    } catch (MessagingException e) {
      throw new GpuReportException("failed to send email: " + SmtpAttempt.reason(e), e);
    }
    handOver(settings, message);
  }

  @Override
  public void sendText(EmailSettings settings, String subject, String text) {
    MimeMessage message;
    try {
      message = MessageBuilder.buildText(settings, subject, text, new Date());
    } catch (MessagingException e) {
      throw new GpuReportException("failed to send email: " + SmtpAttempt.reason(e), e);
    }
    handOver(settings, message);
  }

  /** Tries the ports in order until one takes the message (see the class comment). */
  private void handOver(EmailSettings settings, MimeMessage message) {
    String last = "no port to try";
    SmtpAttempt.Failure lastFailure = null;
    for (int port : portsToTry(settings.port(), fallbackPorts)) {
      SmtpAttempt attempt = new SmtpAttempt(settings, port, port == implicitTlsPort, err);
      try {
        attempt.send(message);
        err.println(
            "Email sent successfully to "
                + settings.recipients().size()
                + " recipient(s): "
                + String.join(", ", settings.recipients()));
        err.flush();
        return;
      } catch (SmtpAttempt.Failure f) {
        last = f.getMessage();
        lastFailure = f;
        err.println("Warning: sending via " + settings.server() + ":" + port + " failed: " + last);
        err.flush();
        if (!f.notDelivered()) {
          throw new GpuReportException("failed to send email: " + unconfirmed(f), f);
        }
      }
    }
    throw new GpuReportException("failed to send email: " + last, lastFailure);
  }

  /**
   * The error when the server took the message but never confirmed it: it may hold the message, so
   * no other port is tried (a second copy would reach the recipients twice).
   */
  static String unconfirmed(SmtpAttempt.Failure f) {
    return "the server did not confirm the message; it may or may not have been delivered ("
        + f.getMessage()
        + ")";
  }
}
