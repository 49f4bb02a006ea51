package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpureport hosts --email-to …} on the worked example, through GreenMail: the report's
 * e-mail options and mailer; the HTML page and the text output as two alternatives with {@code
 * --output-format html}, the text output alone otherwise.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostsEmailCliTest {
  /** The prefix's default, the word Hosts, the fixed clock's date and the window. */
  static final String SUBJECT = "CHTC GPU Allocation Hosts 2025-12-03 24h";

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

  private List<String> hostsArgs(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "hosts",
                "--data-dir",
                dir.toString(),
                "--exclude-hosts-yaml",
                dir.resolve("masked_hosts.yaml").toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString(),
                "--gaps",
                "--min-idle-hours",
                "0"));
    a.addAll(Arrays.asList(extra));
    return a;
  }

  /** A run without e-mail. */
  private static String hosts(List<String> args) {
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r.out();
  }

  /** Sends to GreenMail ({@link MailRuns}); returns the run. */
  private CliResult send(String... extra) {
    return MailRuns.send(mail, fallbacks, hostsArgs(extra));
  }

  private static MimeMessage received() {
    return mail.getReceivedMessages()[0];
  }

  private static String text(Object content) {
    return ((String) content).replace("\r\n", "\n");
  }

  /**
   * The body of a single-part message as sent: GreenMail stores it without the CRLF that ends its
   * last line, which SMTP sends as the first CRLF of the end-of-data mark (RFC 5321, 4.1.1.4);
   * {@link #theTextMessageEndsWithItsLastLine} shows the message built has it.
   */
  private static String body(MimeMessage m) throws Exception {
    return text(m.getContent()) + "\n";
  }

  @Test
  void theTextMessageEndsWithItsLastLine() throws Exception {
    EmailSettings s =
        new EmailSettings(
            List.of("ops@example.org"),
            "reports@example.org",
            "P",
            "127.0.0.1",
            25,
            EmailSettings.StartTls.OFF,
            null,
            null,
            false,
            3,
            false);
    MimeMessage m = MessageBuilder.buildText(s, "S", "first\nlast line\n", new java.util.Date());
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    m.writeTo(raw);
    String wire = raw.toString(StandardCharsets.UTF_8);
    assertTrue(wire.endsWith("\r\n\r\nfirst\r\nlast line\r\n"), wire);
    assertTrue(wire.contains("Content-Type: text/plain; charset=UTF-8\r\n"), wire);
  }

  @Test
  void htmlSendsThePageAndTheTextAsAlternatives() throws Exception {
    Path out = dir.resolve("hosts.html");
    CliResult r = send("--output-format", "html", "--output-file", out.toString());
    assertEquals("", r.out());
    MimeMessage m = received();
    assertEquals(SUBJECT, m.getSubject());
    assertEquals("reports@example.org", m.getHeader("From", null));
    assertEquals("ops@example.org", m.getHeader("To", null));
    assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    String plain = text(parts.getBodyPart(0).getContent());
    assertEquals(hosts(hostsArgs()), plain);
    assertTrue(plain.contains("    resgpu1.chtc.wisc.edu       2  66.7%"), plain);
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertTrue(parts.getBodyPart(1).getContentType().toLowerCase().contains("charset=utf-8"));
    String html = text(parts.getBodyPart(1).getContent());
    assertEquals(Files.readString(out, StandardCharsets.UTF_8), html);
    assertTrue(html.contains(">GPU HOSTS: WHERE THE IDLE CAPACITY IS</h1>"), html);
  }

  @Test
  void textSendsTheTextAloneAsPlainText() throws Exception {
    CliResult r = send();
    assertEquals(hosts(hostsArgs()), r.out());
    MimeMessage m = received();
    assertEquals(SUBJECT, m.getSubject());
    assertTrue(m.isMimeType("text/plain"), m.getContentType());
    assertTrue(m.getContentType().toLowerCase().contains("charset=utf-8"), m.getContentType());
    assertEquals(r.out(), body(m));
  }

  @Test
  void csvWritesCsvAndMailsTheText() throws Exception {
    CliResult r =
        send("--output-format", "csv", "--email-subject-prefix", "Pool", "--hours-back", "168");
    assertTrue(r.out().startsWith("host,gpu,start,end,hours,open\r\n"), r.out());
    MimeMessage m = received();
    assertEquals("Pool Hosts 2025-12-03 1w", m.getSubject());
    assertTrue(m.isMimeType("text/plain"), m.getContentType());
    String body = body(m);
    assertEquals(hosts(hostsArgs("--hours-back", "168")), body);
    assertFalse(body.contains("host,gpu,start"), body);
  }

  @Test
  void theReportsEmailChecksApply() {
    for (List<String> bad :
        List.of(
            List.of("--email-to", "ops@example.org"),
            List.of("--email-to", "ops@example.org", "--email-from", "not an address"),
            List.of("--smtp-port", "0"),
            List.of("--email-timeout", "0"),
            List.of(
                "--email-to",
                "ops@example.org",
                "--email-from",
                "r@example.org",
                "--smtp-user",
                "bot"))) {
      CliResult r = Cli.run(hostsArgs(bad.toArray(String[]::new)).toArray(String[]::new));
      assertEquals(2, r.exitCode(), bad + ": " + r.err());
      assertTrue(r.err().startsWith("Error: "), bad + ": " + r.err());
    }
    assertEquals(0, mail.getReceivedMessages().length);
  }
}
