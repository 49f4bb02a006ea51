package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.deliver.CountingSmtpServer.Behaviour;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another port is tried only while the message has not been handed over (before the server's 354
 * answer to DATA); after it, a late or negative final reply ends the sending, so the report is
 * never delivered twice. Against real SMTP servers on loopback ports.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandoverIT {
  @RegisterExtension final ClosedPorts closed = new ClosedPorts();
  @TempDir Path dir;

  @BeforeEach
  void exampleData() throws Exception {
    ExampleData.build(dir);
  }

  /** Mails the worked example's report via 127.0.0.1:{@code port}, then {@code fallback}. */
  private CliResult mail(int port, int fallback) {
    List<String> args =
        List.of(
            "report",
            "--hours-back",
            "24",
            "--data-dir",
            dir.toString(),
            "--exclude-hosts-yaml",
            dir.resolve("masked_hosts.yaml").toString(),
            "--chtc-owned",
            dir.resolve("chtc_owned_hosts.txt").toString(),
            "--no-charts",
            "--email-to",
            "ops@example.org",
            "--email-from",
            "reports@example.org",
            "--smtp-server",
            "127.0.0.1",
            "--smtp-port",
            Integer.toString(port),
            "--smtp-starttls",
            "off",
            "--email-timeout",
            "1");
    List<Integer> fallbacks = List.of(fallback, closed.port());
    int implicitTls = closed.port();
    return Cli.with().mailer(err -> new SmtpMailer(err, fallbacks, implicitTls)).run(args);
  }

  private static List<String> errorLines(CliResult r) {
    return r.err().lines().filter(l -> l.startsWith("Error:")).toList();
  }

  @Test
  void aLateFinalReplyIsAnUnknownOutcomeAndNoOtherPortIsTried() throws Exception {
    CountDownLatch finalReply = new CountDownLatch(1);
    try (CountingSmtpServer primary =
            new CountingSmtpServer(Behaviour.HOLD_FINAL_REPLY, finalReply);
        CountingSmtpServer fallback =
            new CountingSmtpServer(Behaviour.HOLD_FINAL_REPLY, finalReply)) {
      CliResult r = mail(primary.port(), fallback.port());

      assertEquals(1, r.exitCode(), r.err());
      List<String> errors = errorLines(r);
      assertEquals(1, errors.size(), r.err());
      String prefix =
          "Error: failed to send email: the server did not confirm the message;"
              + " it may or may not have been delivered (";
      assertTrue(errors.get(0).startsWith(prefix), errors.get(0));
      assertTrue(errors.get(0).toLowerCase().contains("timed out"), errors.get(0));
      assertTrue(
          r.err().contains("Warning: sending via 127.0.0.1:" + primary.port() + " failed: "),
          r.err());
      assertTrue(
          r.err()
              .lines()
              .noneMatch(l -> l.startsWith("Warning: sending via 127.0.0.1:" + fallback.port())),
          r.err());
      assertEquals(0, fallback.connections(), "the fallback port was never tried");
      assertEquals(1, primary.connections());
      assertEquals(List.of(), primary.accepted(), "the primary still holds its final reply");

      primary.release();
      assertTrue(primary.awaitAccepted(10), "the primary delivers once released");
      assertEquals(1, primary.accepted().size());
      assertTrue(primary.accepted().get(0).contains("CHTC GPU UTILIZATION REPORT"));
      assertEquals(List.of(), fallback.accepted());
    }
  }

  @Test
  void aRefusalAfterTheContentIsNotADeliverySoTheNextPortIsTried() throws Exception {
    // docs/metrics.md, "SMTP": a rejection by the server moves on; the message is known not
    // delivered.
    try (CountingSmtpServer primary = new CountingSmtpServer(Behaviour.REFUSE_CONTENT);
        CountingSmtpServer fallback = new CountingSmtpServer(Behaviour.ACCEPT)) {
      CliResult r = mail(primary.port(), fallback.port());

      assertFellBackOnce(r, primary.port(), "554 5.7.1 content refused");
      assertEquals(List.of(), primary.accepted());
      assertEquals(1, fallback.accepted().size(), "delivered once, by the fallback");
    }
  }

  @Test
  void aRefusedRecipientStillFallsBack() throws Exception {
    try (CountingSmtpServer primary = new CountingSmtpServer(Behaviour.REFUSE_RECIPIENTS);
        CountingSmtpServer fallback = new CountingSmtpServer(Behaviour.ACCEPT)) {
      CliResult r = mail(primary.port(), fallback.port());

      assertFellBackOnce(r, primary.port(), "550");
      assertEquals(1, primary.connections());
      assertEquals(List.of(), primary.accepted());
      assertEquals(1, fallback.accepted().size(), "delivered once, by the fallback");
    }
  }

  @Test
  void anUnansweredDataCommandStillFallsBack() throws Exception {
    try (SilentAtDataServer primary = new SilentAtDataServer();
        CountingSmtpServer fallback = new CountingSmtpServer(Behaviour.ACCEPT)) {
      CliResult r = mail(primary.port(), fallback.port());

      assertTrue(primary.awaitData(10), "the client reached DATA on the primary");
      assertFellBackOnce(r, primary.port(), "timed out");
      assertEquals(1, fallback.accepted().size(), "delivered once, by the fallback");
    }
  }

  /**
   * Exit 0 after one warning for {@code primaryPort} whose reason contains {@code reason} (case
   * ignored), then the success line of the fallback port.
   */
  private static void assertFellBackOnce(CliResult r, int primaryPort, String reason) {
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(2, lines.size(), r.err());
    assertTrue(
        lines.get(0).startsWith("Warning: sending via 127.0.0.1:" + primaryPort + " failed: "),
        r.err());
    assertTrue(lines.get(0).toLowerCase().contains(reason.toLowerCase()), r.err());
    assertEquals("Email sent successfully to 1 recipient(s): ops@example.org", lines.get(1));
  }
}
