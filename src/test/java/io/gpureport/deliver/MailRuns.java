package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A command's run that e-mails its output to GreenMail (plain SMTP on its port, no STARTTLS, the
 * closed ports {@code fallbacks} after it), checked to have sent exactly one message.
 */
final class MailRuns {
  private MailRuns() {}

  /** Runs {@code args} with the e-mail options added; the run, after one message arrived. */
  static CliResult send(GreenMailExtension mail, List<Integer> fallbacks, List<String> args) {
    List<String> a = new ArrayList<>(args);
    a.addAll(
        List.of(
            "--email-to",
            "ops@example.org",
            "--email-from",
            "reports@example.org",
            "--smtp-server",
            "127.0.0.1",
            "--smtp-port",
            Integer.toString(mail.getSmtp().getPort()),
            "--smtp-starttls",
            "off",
            "--email-timeout",
            "3"));
    CliResult r = Cli.with().mailer(err -> new SmtpMailer(err, fallbacks, 0)).run(a);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(mail.waitForIncomingEmail(5000, 1));
    assertEquals(1, mail.getReceivedMessages().length);
    assertTrue(
        r.err().endsWith("Email sent successfully to 1 recipient(s): ops@example.org\n"), r.err());
    return r;
  }
}
