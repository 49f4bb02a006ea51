package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpureport report --email-to …} end to end on the worked example (SEMANTICS §12). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmailCliTest {
  static final String USER = "bot@example.org";
  static final String PASSWORD = "s3cret pass\u00e9";
  static final String SUBJECT =
      "CHTC GPU Allocation 2025-12-03 24h (66.7% | 75.0% | 33.3% | 33.3%)";

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup[] {MailServerSetups.smtp(), MailServerSetups.smtps()})
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD))
          .withPerMethodLifecycle(true);

  @RegisterExtension final ClosedPorts closed = new ClosedPorts();

  @TempDir Path dir;
  private List<Integer> fallbacks;

  @BeforeEach
  void setUp() throws Exception {
    ExampleData.build(dir);
    fallbacks = closed.fallbacks();
  }

  /** The report options of the worked example, without any e-mail option. */
  private List<String> reportArgs(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "report",
                "--hours-back",
                "24",
                "--data-dir",
                dir.toString(),
                "--exclude-hosts-yaml",
                dir.resolve("masked_hosts.yaml").toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString()));
    a.addAll(Arrays.asList(extra));
    return a;
  }

  /** The report options plus sender, server and a short timeout. */
  private List<String> args(String... extra) {
    List<String> a = reportArgs("--smtp-server", "127.0.0.1", "--email-timeout", "3");
    if (!Arrays.asList(extra).contains("--email-from")) {
      a.addAll(List.of("--email-from", "reports@example.org"));
    }
    a.addAll(Arrays.asList(extra));
    return a;
  }

  /** A plain report run (no e-mail) with the same fixed clock. */
  private static CliResult report(List<String> args) {
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  /**
   * Runs the CLI with an {@link SmtpMailer} whose fallback ports are closed and whose implicit-TLS
   * port is GreenMail's SMTPS port; its status lines go to the CLI's stderr.
   */
  private CliResult run(Map<String, String> env, String... extra) {
    int smtps = mail.getSmtps().getPort();
    return Cli.with()
        .env(env)
        .mailer(err -> new SmtpMailer(err, fallbacks, smtps))
        .run(args(extra));
  }

  private CliResult run(String... extra) {
    return run(Map.of(), extra);
  }

  private String smtpPort() {
    return Integer.toString(mail.getSmtp().getPort());
  }

  private String smtpsPort() {
    return Integer.toString(mail.getSmtps().getPort());
  }

  private static long errorLines(String err) {
    return err.lines().filter(l -> l.startsWith("Error:")).count();
  }

  // -------------------------------------------------------------------------------- success

  /** Without charts the message keeps its two-part shape; {@link #chartsAreInlineImageParts}. */
  @Test
  void sendsTheTextAndHtmlReports() throws Exception {
    CliResult r =
        run(
            "--email-to",
            "ops@example.org, ,admin@example.org",
            "--smtp-port",
            smtpPort(),
            "--no-charts");
    assertEquals(0, r.exitCode(), r.err());

    // stdout carries only the text report; the status lines are on stderr.
    CliResult text = report(reportArgs());
    assertEquals(text.out(), r.out());
    assertTrue(
        r.err()
            .contains(
                "Warning: STARTTLS not supported by 127.0.0.1:"
                    + smtpPort()
                    + ", sending without encryption\n"),
        r.err());
    assertTrue(
        r.err()
            .endsWith(
                "Email sent successfully to 2 recipient(s): ops@example.org, admin@example.org\n"),
        r.err());
    assertEquals(0, errorLines(r.err()), r.err());

    assertTrue(mail.waitForIncomingEmail(5000, 2));
    MimeMessage[] received = mail.getReceivedMessages();
    assertEquals(2, received.length);
    MimeMessage m = received[0];
    assertEquals(SUBJECT, m.getSubject());
    assertEquals("reports@example.org", m.getHeader("From", null));
    assertEquals("ops@example.org, admin@example.org", m.getHeader("To", null));
    assertTrue(m.getHeader("Date", null) != null && m.getHeader("Message-ID", null) != null);
    assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());

    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
    assertEquals(text.out(), ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));

    CliResult html = report(reportArgs("--output-format", "html", "--no-charts"));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertTrue(parts.getBodyPart(1).getContentType().toLowerCase().contains("charset=utf-8"));
    assertEquals(html.out(), ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n"));
  }

  @Test
  void htmlOutputStillMailsTheTextReportAsThePlainPart() throws Exception {
    Path out = dir.resolve("report.html");
    CliResult r =
        run(
            "--email-to",
            "ops@example.org",
            "--smtp-port",
            smtpPort(),
            "--smtp-starttls",
            "off",
            "--output-format",
            "html",
            "--output-file",
            out.toString(),
            "--no-charts");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertTrue(mail.waitForIncomingEmail(5000, 1));
    MimeMultipart parts = (MimeMultipart) mail.getReceivedMessages()[0].getContent();
    assertTrue(
        ((String) parts.getBodyPart(0).getContent()).contains("CHTC GPU UTILIZATION REPORT"));
    assertEquals(
        Files.readString(out, StandardCharsets.UTF_8),
        ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n"));
  }

  /**
   * With charts (the default) the HTML alternative is a multipart/related: the HTML, then one
   * inline image/png part per chart, each referenced by the HTML as cid:&lt;its Content-ID&gt;. Put
   * the images back as data: URIs and the HTML is the HTML file's, byte for byte.
   */
  @Test
  void chartsAreInlineImageParts() throws Exception {
    Path out = dir.resolve("report.html");
    CliResult r =
        run(
            "--email-to",
            "ops@example.org",
            "--smtp-port",
            smtpPort(),
            "--smtp-starttls",
            "off",
            "--output-format",
            "html",
            "--output-file",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("Warning: charts disabled"), r.err());
    assertTrue(mail.waitForIncomingEmail(5000, 1));
    MimeMessage m = mail.getReceivedMessages()[0];
    assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
    MimeMultipart alternative = (MimeMultipart) m.getContent();
    assertEquals(2, alternative.getCount());
    assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
    assertEquals(
        report(reportArgs()).out(),
        ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n"));

    BodyPart htmlBranch = alternative.getBodyPart(1);
    assertTrue(htmlBranch.isMimeType("multipart/related"), htmlBranch.getContentType());
    assertEquals("text/html", new ContentType(htmlBranch.getContentType()).getParameter("type"));
    MimeMultipart related = (MimeMultipart) htmlBranch.getContent();
    assertEquals(3, related.getCount(), "the HTML and the two charts");
    assertTrue(related.getBodyPart(0).isMimeType("text/html"));
    assertTrue(related.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
    String html = ((String) related.getBodyPart(0).getContent()).replace("\r\n", "\n");
    assertFalse(
        html.contains("data:image"), "the e-mail references its images, it does not inline them");

    String withDataUris = html;
    for (int i = 1; i < related.getCount(); i++) {
      MimeBodyPart image = (MimeBodyPart) related.getBodyPart(i);
      assertTrue(image.isMimeType("image/png"), image.getContentType());
      assertEquals(Part.INLINE, image.getDisposition());
      String contentId = image.getContentID();
      assertTrue(contentId.matches("<[^<>@\\s]+@gpureport>"), contentId);
      String cid = "cid:" + contentId.substring(1, contentId.length() - 1);
      assertEquals(
          1,
          html.split(java.util.regex.Pattern.quote("<img src=\"" + cid + "\""), -1).length - 1,
          "the HTML references " + cid + " once");
      byte[] png;
      try (InputStream in = image.getInputStream()) {
        png = in.readAllBytes();
      }
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      assertTrue(img != null && img.getWidth() == 820, "a PNG 820 pixels wide: " + cid);
      assertTrue(html.contains("<img src=\"" + cid + "\" alt=\""), cid);
      assertTrue(
          html.contains("width=\"" + img.getWidth() + "\" height=\"" + img.getHeight() + "\""),
          cid);
      withDataUris =
          withDataUris.replace(
              "src=\"" + cid + "\"",
              "src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"");
    }
    assertEquals(Files.readString(out, StandardCharsets.UTF_8), withDataUris);
  }

  @Test
  void emailDebugPrintsTheSubjectAndTheProtocolTraceOnStderr() {
    CliResult r = run("--email-to", "ops@example.org", "--smtp-port", smtpPort(), "--email-debug");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("DEBUG: Email subject would be: " + SUBJECT + "\n"), r.err());
    assertTrue(r.err().contains("EHLO "), r.err());
    assertTrue(r.err().contains("MAIL FROM:<reports@example.org>"), r.err());
    assertFalse(
        r.out().contains("EHLO") || r.out().contains("DEBUG"), "stdout holds only the report");
  }

  @Test
  void authenticatesOverSmtpsWithInsecure() throws Exception {
    CliResult r =
        run(
            Map.of("GPUREPORT_SMTP_PASSWORD", PASSWORD),
            "--email-to",
            "ops@example.org",
            "--smtp-port",
            smtpsPort(),
            "--smtp-user",
            USER,
            "--smtp-insecure",
            "--email-debug");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err().lines().anyMatch(l -> l.matches("DEBUG SMTP: AUTH \\S+ succeeded")),
        "authenticated: " + r.err());
    assertFalse(r.err().contains(PASSWORD), "the password never appears");
    assertTrue(mail.waitForIncomingEmail(5000, 1));
    assertEquals(SUBJECT, mail.getReceivedMessages()[0].getSubject());
  }

  // -------------------------------------------------------------------------------- failures

  @Test
  void startTlsRequiredAgainstAServerWithoutItFailsAndKeepsTheReport() throws Exception {
    Path out = dir.resolve("report.txt");
    CliResult r =
        run(
            "--email-to",
            "ops@example.org",
            "--smtp-port",
            smtpPort(),
            "--smtp-starttls",
            "required",
            "--output-file",
            out.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(1, errorLines(r.err()), r.err());
    String error = r.err().lines().filter(l -> l.startsWith("Error:")).findFirst().orElseThrow();
    assertTrue(error.startsWith("Error: failed to send email: "), error);
    assertTrue(
        r.err()
            .lines()
            .findFirst()
            .orElseThrow()
            .startsWith("Warning: sending via 127.0.0.1:" + smtpPort() + " failed: STARTTLS"),
        r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
    assertEquals(0, mail.getReceivedMessages().length);
    // The report was written before the send failed.
    assertTrue(
        Files.readString(out, StandardCharsets.UTF_8).contains("CHTC GPU UTILIZATION REPORT"));
    assertEquals("", r.out());
  }

  @Test
  void refusedConnectionsTryEveryFallbackPort() throws Exception {
    int refused = closed.port();
    Path out = dir.resolve("report.json");
    CliResult r =
        run(
            "--email-to",
            "ops@example.org",
            "--smtp-port",
            Integer.toString(refused),
            "--output-format",
            "json",
            "--output-file",
            out.toString());
    assertEquals(1, r.exitCode(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(4, lines.size(), r.err());
    assertTrue(
        lines.get(0).startsWith("Warning: sending via 127.0.0.1:" + refused + " failed: "),
        r.err());
    assertTrue(
        lines.get(1).startsWith("Warning: sending via 127.0.0.1:" + fallbacks.get(0) + " failed: "),
        r.err());
    assertTrue(
        lines.get(2).startsWith("Warning: sending via 127.0.0.1:" + fallbacks.get(1) + " failed: "),
        r.err());
    assertTrue(lines.get(3).startsWith("Error: failed to send email: "), r.err());
    assertTrue(
        lines.get(3).contains(Integer.toString(fallbacks.get(1))), "last reason: " + r.err());
    assertTrue(Files.readString(out, StandardCharsets.UTF_8).startsWith("{"));
  }

  @Test
  void plainTextAuthenticationIsRefused() {
    CliResult r =
        run(
            Map.of("GPUREPORT_SMTP_PASSWORD", PASSWORD),
            "--email-to",
            "ops@example.org",
            "--smtp-port",
            smtpPort(),
            "--smtp-user",
            USER,
            "--email-debug");
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().lines().noneMatch(l -> l.startsWith("AUTH")), "no AUTH command: " + r.err());
    assertTrue(
        r.err().contains("Warning: sending via 127.0.0.1:" + smtpPort() + " failed: "), r.err());
    assertEquals(0, mail.getReceivedMessages().length);
  }

  @Test
  void smtpsCertificateIsVerifiedWithoutInsecure() {
    CliResult r =
        run(
            Map.of("GPUREPORT_SMTP_PASSWORD", PASSWORD),
            "--email-to",
            "ops@example.org",
            "--smtp-port",
            smtpsPort(),
            "--smtp-user",
            USER);
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(0, mail.getReceivedMessages().length);
  }

  // -------------------------------------------------------------------------- usage errors (2)

  @Test
  void headerInjectionIsAUsageError() throws Exception {
    Path out = dir.resolve("never.txt");
    for (String[] bad :
        List.of(
            new String[] {"--email-to", "ops@example.org\r\nBcc: victim@example.org"},
            new String[] {"--email-to", "ops@example.org\nX-Evil: 1"},
            new String[] {
              "--email-to",
              "ops@example.org",
              "--email-subject-prefix",
              "Report\r\nBcc: victim@example.org"
            },
            new String[] {
              "--email-to", "ops@example.org", "--email-subject-prefix", "Report\nX: y"
            },
            new String[] {
              "--email-to", "ops@example.org", "--email-from", "a@example.org\r\nBcc: v@example.org"
            })) {
      List<String> extra = new ArrayList<>(Arrays.asList(bad));
      extra.addAll(List.of("--smtp-port", smtpPort(), "--output-file", out.toString()));
      CliResult r = run(extra.toArray(String[]::new));
      assertEquals(2, r.exitCode(), Arrays.toString(bad) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("Error: "), r.err());
      assertFalse(Files.exists(out), "no output file on a usage error");
    }
    assertEquals(0, mail.getReceivedMessages().length);
  }

  @Test
  void smtpUserWithoutPasswordIsAUsageError() {
    CliResult r =
        run("--email-to", "ops@example.org", "--smtp-port", smtpPort(), "--smtp-user", USER);
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("Error: "), r.err());
  }
}
