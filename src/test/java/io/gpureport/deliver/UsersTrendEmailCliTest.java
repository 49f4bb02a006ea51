package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpureport users} and {@code gpureport trend} with {@code --email-to …} on the worked
 * example, through GreenMail, as {@link HostsEmailCliTest} for hosts: the report's e-mail options
 * and mailer; with {@code --output-format html} the page and the text output as two alternatives
 * (trend's chart as an inline image part), the text output alone otherwise.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UsersTrendEmailCliTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup[] {MailServerSetups.smtp()})
          .withPerMethodLifecycle(true);

  @RegisterExtension final ClosedPorts closed = new ClosedPorts();

  @TempDir Path dir;
  private List<Integer> fallbacks;

  @BeforeEach
  void setUp() throws Exception {
    ExampleData.build(dir);
    fallbacks = closed.fallbacks();
  }

  /** The command on the worked example; trend over its day 2025-11-03, users over 48 hours. */
  private List<String> args(String command, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                command,
                "--data-dir",
                dir.toString(),
                "--exclude-hosts-yaml",
                dir.resolve("masked_hosts.yaml").toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString()));
    a.addAll(
        command.equals("trend")
            ? List.of("--no-cache", "--period", "day", "--from", "2025-11-03", "--to", "2025-11-03")
            : List.of("--hours-back", "48"));
    a.addAll(List.of(extra));
    return a;
  }

  /** A run without e-mail: its standard output. */
  private static String output(List<String> args) {
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r.out();
  }

  /** Sends to GreenMail ({@link MailRuns}); returns the one message that arrived. */
  private MimeMessage send(List<String> args) throws Exception {
    MailRuns.send(mail, fallbacks, args);
    return mail.getReceivedMessages()[0];
  }

  private static String text(Object content) {
    return ((String) content).replace("\r\n", "\n");
  }

  /**
   * Trend as HTML: the text output and a multipart/related of the page and its one chart, which the
   * page references as cid:trend@gpureport; put back as a data: URI, the page is the file's.
   */
  @Test
  void trendHtmlSendsThePageWithItsChartInlineAndTheText() throws Exception {
    Path out = dir.resolve("trend.html");
    MimeMessage m = send(args("trend", "--output-format", "html", "--output-file", out.toString()));
    assertEquals("CHTC GPU Allocation Trend 2025-12-03 24h", m.getSubject());
    assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
    MimeMultipart alternative = (MimeMultipart) m.getContent();
    assertEquals(2, alternative.getCount());
    String plain = text(alternative.getBodyPart(0).getContent());
    assertEquals(output(args("trend")), plain);
    assertTrue(plain.contains("2025-11-03  real              3.5       7.0    50.0%"), plain);
    MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
    assertEquals(2, related.getCount(), "the page and the chart");
    String html = text(related.getBodyPart(0).getContent());
    assertFalse(html.contains("data:image"), html);
    MimeBodyPart image = (MimeBodyPart) related.getBodyPart(1);
    assertTrue(image.isMimeType("image/png"), image.getContentType());
    assertEquals(Part.INLINE, image.getDisposition());
    assertEquals("<trend@gpureport>", image.getContentID());
    String png = Base64.getEncoder().encodeToString(image.getInputStream().readAllBytes());
    String file = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(file, html.replace("cid:trend@gpureport", "data:image/png;base64," + png));
  }

  @Test
  void trendCsvWritesCsvAndMailsTheText() throws Exception {
    MimeMessage m = send(args("trend", "--output-format", "csv", "--email-subject-prefix", "Pool"));
    assertEquals("Pool Trend 2025-12-03 24h", m.getSubject());
    assertTrue(m.isMimeType("text/plain"), m.getContentType());
    // GreenMail keeps the body without the CRLF of its last line (HostsEmailCliTest#body)
    assertEquals(output(args("trend")), text(m.getContent()) + "\n");
  }

  @Test
  void usersHtmlSendsThePageAndTheTextAsAlternatives() throws Exception {
    Path out = dir.resolve("users.html");
    MimeMessage m = send(args("users", "--output-format", "html", "--output-file", out.toString()));
    assertEquals("CHTC GPU Allocation Users 2025-12-03 2d", m.getSubject());
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertEquals(output(args("users")), text(parts.getBodyPart(0).getContent()));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    String html = text(parts.getBodyPart(1).getContent());
    assertEquals(Files.readString(out, StandardCharsets.UTF_8), html);
    assertTrue(html.contains(">GPU USERS: CONCURRENT GPUS PER USER</h1>"), html);
  }

  @Test
  void usersTextSendsTheTextAloneAsPlainText() throws Exception {
    MimeMessage m = send(args("users"));
    assertTrue(m.isMimeType("text/plain"), m.getContentType());
    assertEquals(output(args("users")), text(m.getContent()) + "\n");
  }

  @Test
  void theReportsEmailChecksApply() {
    for (String command : List.of("users", "trend")) {
      for (List<String> bad :
          List.of(
              List.of("--email-to", "ops@example.org"),
              List.of("--email-to", "ops@example.org", "--email-from", "not an address"),
              List.of("--smtp-port", "0"),
              List.of("--email-timeout", "0"))) {
        CliResult r = Cli.run(args(command, bad.toArray(String[]::new)).toArray(String[]::new));
        assertEquals(2, r.exitCode(), command + " " + bad + ": " + r.err());
        assertTrue(r.err().startsWith("Error: "), bad + ": " + r.err());
      }
    }
    assertEquals(0, mail.getReceivedMessages().length);
  }
}
