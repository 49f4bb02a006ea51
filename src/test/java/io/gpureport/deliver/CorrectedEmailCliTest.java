package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --rules corrected --email-to …} on the corrected worked example (CORRECTED §9,
 * Appendix A.4): the subject's three percentages and the text and HTML reports v2 as its parts.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorrectedEmailCliTest {
  /** The fixed clock's date; TOTAL, Prioritized (TOTAL), Open Capacity (TOTAL). */
  static final String SUBJECT = "CHTC GPU Allocation 2025-12-03 24h (50.0% | 50.0% | 50.0%)";

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup[] {MailServerSetups.smtp()})
          .withPerMethodLifecycle(true);

  @RegisterExtension final ClosedPorts closed = new ClosedPorts();

  @TempDir Path dir;
  private List<Integer> fallbacks;

  @BeforeEach
  void setUp() throws Exception {
    ExampleData.buildCorrected(dir);
    fallbacks = closed.fallbacks();
  }

  private List<String> reportArgs(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "report",
                "--rules",
                "corrected",
                "--data-dir",
                dir.toString(),
                "--exclude-hosts-yaml",
                dir.resolve("masked_hosts.yaml").toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString()));
    a.addAll(Arrays.asList(extra));
    return a;
  }

  private static String report(List<String> args) {
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r.out();
  }

  /** Sends the report to GreenMail ({@link MailRuns}) and returns the one message received. */
  private MimeMessage send(String... extra) throws Exception {
    MailRuns.send(mail, fallbacks, reportArgs(extra));
    return mail.getReceivedMessages()[0];
  }

  private static String text(Object content) {
    return ((String) content).replace("\r\n", "\n");
  }

  @Test
  void sendsTheSubjectPercentagesAndTheReportsV2() throws Exception {
    MimeMessage m = send("--no-charts");
    assertEquals(SUBJECT, m.getSubject());
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    String text = text(parts.getBodyPart(0).getContent());
    assertEquals(report(reportArgs()), text);
    assertTrue(text.contains("\nRules: corrected\n"), text);
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    String html = text(parts.getBodyPart(1).getContent());
    assertEquals(report(reportArgs("--output-format", "html", "--no-charts")), html);
    assertTrue(html.contains("<strong style=\"color:#ffffff;\">Rules:</strong> corrected"), html);
  }

  /** The e-mail's HTML v2 references the device chart as a cid: image part. */
  @Test
  void theDeviceChartIsAnInlineImagePart() throws Exception {
    Path out = dir.resolve("report.html");
    MimeMessage m = send("--output-format", "html", "--output-file", out.toString());
    assertEquals(SUBJECT, m.getSubject());
    MimeMultipart alternative = (MimeMultipart) m.getContent();
    assertEquals(report(reportArgs()), text(alternative.getBodyPart(0).getContent()));
    MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
    assertEquals(2, related.getCount(), "the HTML and the device chart");
    String html = text(related.getBodyPart(0).getContent());
    assertFalse(html.contains("data:image"), html);
    MimeBodyPart image = (MimeBodyPart) related.getBodyPart(1);
    assertTrue(image.isMimeType("image/png"), image.getContentType());
    assertEquals("<devices@gpureport>", image.getContentID());
    assertTrue(html.contains("<img src=\"cid:devices@gpureport\""), html);
    byte[] png;
    try (InputStream in = image.getInputStream()) {
      png = in.readAllBytes();
    }
    String withDataUri =
        html.replace(
            "src=\"cid:devices@gpureport\"",
            "src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"");
    assertEquals(Files.readString(out, StandardCharsets.UTF_8), withDataUri);
  }

  @Test
  void monthlySubjectNamesTheMonth() throws Exception {
    MimeMessage m =
        send("--analysis-type", "monthly", "--end-time", "2025-12-01 00:00:00", "--no-charts");
    assertEquals(
        "CHTC GPU Allocation 2025-12-03 November 2025 (50.0% | 50.0% | 50.0%)", m.getSubject());
    String html = text(((MimeMultipart) m.getContent()).getBodyPart(1).getContent());
    assertTrue(html.contains("<title>CHTC Monthly GPU Report - November 2025</title>"), html);
  }
}
