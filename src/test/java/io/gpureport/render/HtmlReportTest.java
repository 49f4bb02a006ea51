package io.gpureport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.Golden;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.errors.GpuReportException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report (SEMANTICS §10) of the worked example: a golden page, the "HTML checks" of {@code
 * example/README.md}, the other analyses, and escaping of every data-controlled value.
 */
class HtmlReportTest {
  private static final List<String> CHTC_HOSTS =
      List.of(
          "blengerichgpu4000.chtc.wisc.edu",
          "ssilwalgpu4000.chtc.wisc.edu",
          "amuraligpu4000.chtc.wisc.edu",
          "btellman-jsullivangpu4000.chtc.wisc.edu",
          "mkhodakgpu4000.chtc.wisc.edu",
          "txie-dsigpu4000.chtc.wisc.edu",
          "cxiaogpu4000.chtc.wisc.edu");

  private static final List<String> CLASS_ORDER =
      List.of(
          "Prioritized (Researcher Owned)",
          "Prioritized (CHTC Owned)",
          "Open Capacity",
          "Backfill (Researcher Owned)",
          "Backfill (CHTC Owned)",
          "Backfill (Open Capacity)");

  @TempDir Path dir;

  // ------------------------------------------------------------------------------------ helpers

  private List<String> baseArgs(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString()));
    if (!Arrays.asList(extra).contains("--exclude-hosts")) {
      args.addAll(List.of("--exclude-hosts-yaml", dir.resolve("masked_hosts.yaml").toString()));
    }
    args.addAll(Arrays.asList(extra));
    return args;
  }

  /** Runs the CLI (fixed clock) on the worked example and returns stdout. */
  private String run(String... extra) throws Exception {
    if (!Files.exists(dir.resolve("gpu_state_2025-11.db"))) {
      ExampleData.build(dir);
    }
    CliResult r = Cli.run(baseArgs(extra).toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("Error:"), r.err());
    return r.out();
  }

  /**
   * The HTML report without charts: the golden page and the layout checks stay byte-stable (the
   * PNGs depend on the machine's fonts); {@link ChartsTest} covers the charted page.
   */
  private String html(String... extra) throws Exception {
    List<String> a = new ArrayList<>(Arrays.asList(extra));
    a.addAll(List.of("--output-format", "html", "--no-charts"));
    return run(a.toArray(String[]::new));
  }

  /** The HTML report with its charts (the default). */
  private String chartedHtml(String... extra) throws Exception {
    List<String> a = new ArrayList<>(Arrays.asList(extra));
    a.addAll(List.of("--output-format", "html"));
    return run(a.toArray(String[]::new));
  }

  private static List<String> all(String regex, String html) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> headings(String level, String html) {
    return all("<" + level + "[^>]*>(.*?)</" + level + ">", html).stream()
        .map(HtmlReportTest::text)
        .toList();
  }

  /** Text content: tags dropped, the five entities decoded, whitespace collapsed. */
  private static String text(String html) {
    return html.replaceAll("<[^>]*>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** The data rows of every table: each row's cell texts joined with {@code |}. */
  private static List<String> rows(String html) {
    List<String> out = new ArrayList<>();
    for (String tbody : all("<tbody>(.*?)</tbody>", html)) {
      for (String tr : all("<tr[^>]*>(.*?)</tr>", tbody)) {
        out.add(
            String.join(
                "|", all("<td[^>]*>(.*?)</td>", tr).stream().map(HtmlReportTest::text).toList()));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------- golden

  @Test
  void defaultReportMatchesGoldenHtml() throws Exception {
    String html = html("--hours-back", "24");
    Golden.check("default-html", "expected.html", html);
  }

  // ------------------------------------------------------------------------- HTML checks (R1)

  @Test
  void pageStructureFollowsTheHtmlChecks() throws Exception {
    String html = html("--hours-back", "24");

    assertTrue(html.startsWith("<!DOCTYPE html>\n<html"), html.substring(0, 40));
    assertTrue(html.contains("<meta charset=\"utf-8\">"));
    assertEquals(List.of("CHTC GPU Allocation Report"), all("<title>(.*?)</title>", html));
    assertEquals(List.of("CHTC GPU ALLOCATION REPORT"), headings("h1", html));
    assertTrue(text(html).contains("Period: 24 hours"), "period paragraph");

    List<String> h2 = headings("h2", html);
    assertEquals(
        List.of(
            "Real Slots",
            "Real Slots by Memory Category (filtered)",
            "Backfill Slots",
            "H200 Usage by Slot Type and User",
            "Backfill Usage by Slot Type and User (filtered)",
            "Usage by Device Type (filtered)",
            "Excluded Hosts",
            "Methodology"),
        h2);

    // Six class headings between "Usage by Device Type (filtered)" and "Excluded Hosts".
    String devices =
        html.substring(
            html.indexOf(">Usage by Device Type (filtered)</h2>"),
            html.indexOf(">Excluded Hosts</h2>"));
    assertEquals(CLASS_ORDER, headings("h3", devices));
    assertEquals(6, all("(<table)", devices).size());
    assertTrue(devices.indexOf("<td", devices.indexOf("Prioritized (CHTC Owned)</h3>")) > 0);

    // The memory row label is escaped; nothing prints a raw '>' category.
    assertTrue(html.contains(">&gt;80GB</td>"), "escaped >80GB");
    assertFalse(html.contains(">>80GB<"));

    // Excluded hosts: one row voyles2000 / reason.
    String excluded =
        html.substring(html.indexOf(">Excluded Hosts</h2>"), html.indexOf(">Methodology</h2>"));
    assertEquals(List.of("voyles2000|Prioritized via hardcoded start expression"), rows(excluded));
    assertEquals(List.of("Host", "Reason"), all("<th(?:\\s[^>]*)?>(.*?)</th>", excluded));

    // The methodology box ends with the seven CHTC-owned hosts, in file order.
    int box = html.indexOf(">Methodology</h2>");
    String methodology = html.substring(box, html.indexOf("</div>", box));
    assertTrue(methodology.contains(">CHTC-owned machines used for this report</h3>"));
    String tail = methodology.substring(methodology.lastIndexOf("<ul"));
    assertEquals(CHTC_HOSTS, all("<li[^>]*>(.*?)</li>", tail));
    assertTrue(tail.strip().endsWith("</ul>"), tail);

    // The data-period box, then the footer (fixed clock: 0.00 s, 2025-12-03 08:00:00 UTC).
    assertTrue(text(html).contains("Data Period: 2025-11-03 10:00:05 to 2025-11-03 10:15:04"));
    assertTrue(html.indexOf("Data Period:") > html.lastIndexOf("cxiaogpu4000.chtc.wisc.edu"));
    assertTrue(
        text(html).endsWith("Report generated in 0.00 seconds | Generated: 2025-12-03 08:00:00"),
        text(html));

    // A self-contained page: no scripts, no external resources.
    assertFalse(html.toLowerCase().contains("<script"));
    assertFalse(html.contains("src="));
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("http://") || html.contains("https://"));
  }

  @Test
  void tablesCarryTheNumbersOfTheTextReport() throws Exception {
    String text = run("--hours-back", "24");
    String html = html("--hours-back", "24");

    List<String> expected = new ArrayList<>();
    Pattern stat = Pattern.compile("^ +(.+): ([\\d.]+%) \\((?:avg )?([\\d.]+)/([\\d.]+) GPUs\\)$");
    Pattern cls =
        Pattern.compile("^  (.+ \\(\\d+ users\\)): ([\\d.]+) GPU-hours \\(([\\d.]+%)\\)$");
    Pattern user = Pattern.compile("^    (.+): ([\\d.]+) hrs \\(([\\d.]+%)\\)$");
    for (String line : text.split("\n")) {
      Matcher m;
      if ((m = stat.matcher(line)).matches()) {
        String label = m.group(1).startsWith("TOTAL") ? "TOTAL" : m.group(1);
        expected.add(label + "|" + m.group(2) + "|" + m.group(3) + "|" + m.group(4));
      } else if ((m = cls.matcher(line)).matches() || (m = user.matcher(line)).matches()) {
        expected.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
      }
    }
    String tables = html.substring(0, html.indexOf(">Excluded Hosts</h2>"));
    List<String> actual = new ArrayList<>(rows(tables));
    assertEquals(24 + 7, expected.size(), expected.toString());
    assertTrue(actual.contains("TOTAL|60.0%|3.0|5.0"), actual.toString());
    assertTrue(
        actual.contains("Prioritized (CHTC Owned) (2 users)|36.0|100.0%"), actual.toString());
    assertTrue(actual.contains("bob|24.0|66.7%"), actual.toString());
    expected.sort(null);
    actual.sort(null);
    assertEquals(expected, actual);
  }

  @Test
  void deviceTablesPutTheTotalRowFirst() throws Exception {
    String html = html("--hours-back", "24", "--all-devices");
    int from = html.indexOf(">Open Capacity</h3>");
    String table = html.substring(from, html.indexOf("</table>", from));
    assertEquals(
        List.of("TOTAL|40.0%|1.0|2.5", "A40|50.0%|0.5|1.0", "L40S|25.0%|0.5|1.5"), rows(table));
    assertEquals(
        List.of("Device Type", "Allocated %", "Allocated (avg.)", "Available (avg.)"),
        all("<th(?:\\s[^>]*)?>(.*?)</th>", table));
    String body = table.substring(table.indexOf("<tbody>"));
    String[] trs = body.split("</tr>");
    assertTrue(trs[0].contains("font-weight:bold"), "emphasised TOTAL row");
    assertFalse(trs[1].contains("font-weight:bold"), "plain device row");
  }

  // ----------------------------------------------------------------------------- other analyses

  @Test
  void nonDevicePathShowsTheAllocationSummary() throws Exception {
    String html = html("--hours-back", "24", "--no-group-by-device");
    assertEquals(
        List.of("Allocation Summary", "Excluded Hosts", "Methodology"), headings("h2", html));
    String table =
        html.substring(
            html.indexOf(">Allocation Summary</h2>"), html.indexOf(">Excluded Hosts</h2>"));
    assertEquals(
        List.of(
            "Prioritized (Researcher Owned)|50.0%|1.0|2.0",
            "Prioritized (CHTC Owned)|75.0%|1.5|2.0",
            "Open Capacity|33.3%|1.0|3.0",
            "Backfill (Researcher Owned)|50.0%|0.5|1.0",
            "Backfill (CHTC Owned)|0.0%|0.0|0.5",
            "Backfill (Open Capacity)|25.0%|0.5|1.5"),
        rows(table));
    assertEquals(
        List.of("Class", "Allocated %", "Allocated (avg.)", "Available (avg.)"),
        all("<th(?:\\s[^>]*)?>(.*?)</th>", table));
  }

  @Test
  void timeSeriesShowsSummaryAndRecentTrend() throws Exception {
    String html = html("--hours-back", "24", "--analysis-type", "timeseries");
    assertEquals(
        List.of("Time Series Analysis", "Recent Trend", "Excluded Hosts", "Methodology"),
        headings("h2", html));
    String summary =
        html.substring(
            html.indexOf(">Time Series Analysis</h2>"), html.indexOf(">Recent Trend</h2>"));
    assertEquals(
        List.of("Priority|62.5%|2.5|4.0", "Shared|33.3%|1.0|3.0", "Backfill|33.3%|1.0|3.0"),
        rows(summary));
    String trend =
        html.substring(html.indexOf(">Recent Trend</h2>"), html.indexOf(">Excluded Hosts</h2>"));
    assertEquals(
        List.of("Bucket", "Priority", "Shared", "Backfill"),
        all("<th(?:\\s[^>]*)?>(.*?)</th>", trend));
    assertEquals(
        List.of(
            "11-03 10:00|50.0% (2/4)|33.3% (1/3)|0.0% (0/3)",
            "11-03 10:15|75.0% (3/4)|33.3% (1/3)|66.7% (2/3)"),
        rows(trend));
  }

  @Test
  void monthlyPageHasTheMonthlyTitlePeriodAndDataPeriod() throws Exception {
    ExampleData.build(dir);
    ExampleData.addDecemberFile(dir);
    String html = html("--analysis-type", "monthly");
    assertEquals(
        List.of("CHTC Monthly GPU Report - November 2025"), all("<title>(.*?)</title>", html));
    assertEquals(List.of("CHTC MONTHLY GPU REPORT - NOVEMBER 2025"), headings("h1", html));
    assertTrue(text(html).contains("Period: 720 hours"));
    assertEquals(
        List.of(
            "Real Slots",
            "Real Slots by Memory Category (filtered)",
            "Backfill Slots",
            "H200 Usage by Slot Type and User",
            "Usage by Device Type (filtered)",
            "Excluded Hosts",
            "Methodology"),
        headings("h2", html));
    assertTrue(rows(html).contains("bob|720.0|66.7%"), rows(html).toString());
    assertTrue(text(html).contains("Data Period: 2025-11-01 00:00:00 to 2025-11-30 23:59:59"));
  }

  @Test
  void noExclusionsMeansNoExcludedHostsSection() throws Exception {
    String html = html("--hours-back", "24", "--exclude-hosts", "{}");
    assertFalse(html.contains("Excluded Hosts"));
    assertFalse(html.contains("FILTERING") || html.contains("Filtering impact"));
  }

  @Test
  void emptyChtcListPrintsNone() throws Exception {
    ExampleData.build(dir);
    Files.writeString(dir.resolve("chtc_owned_hosts.txt"), "# nothing\n", StandardCharsets.UTF_8);
    String html = html("--hours-back", "24");
    int box = html.indexOf(">CHTC-owned machines used for this report</h3>");
    assertEquals(
        "(none)",
        text(html.substring(box + 1, html.indexOf("</div>", box)))
            .replace("CHTC-owned machines used for this report", "")
            .strip());
  }

  // ------------------------------------------------------------------------------------ escaping

  @Test
  void everyDataValueIsEscaped() throws Exception {
    ExampleData.build(dir);
    String evilUser = "<script>alert(\"eve\")</script>&'";
    String evilDevice = "<b>L40S</b> & \"x\" 'y'";
    String evilHost = "evil<script>alert(1)</script>&\"'.example";
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gpu_state_2025-11.db"))) {
      try (PreparedStatement s =
          c.prepareStatement("UPDATE gpu_state SET RemoteOwner = ? WHERE RemoteOwner = 'eve'")) {
        s.setString(1, evilUser);
        assertEquals(2, s.executeUpdate());
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE gpu_state SET GPUs_DeviceName = ? WHERE GPUs_DeviceName = 'NVIDIA L40S'")) {
        s.setString(1, evilDevice);
        assertEquals(10, s.executeUpdate());
      }
    }
    Files.writeString(
        dir.resolve("chtc_owned_hosts.txt"),
        String.join("\n", CHTC_HOSTS) + "\n" + evilHost + "\n",
        StandardCharsets.UTF_8);
    String html =
        html(
            "--hours-back",
            "24",
            "--exclude-hosts",
            "{\"voyles2000|<img src=x onerror=alert(1)>\": \"<script>alert('r')</script> & \\\"q\\\"\"}");

    assertFalse(html.toLowerCase().contains("<script"), "no script element");
    assertFalse(html.contains("<img"));
    assertFalse(html.contains("<b>"));
    // user (backfill user table)
    assertTrue(
        html.contains("&lt;script&gt;alert(&quot;eve&quot;)&lt;/script&gt;&amp;&#39;</td>"),
        "user");
    // device display name (raw name, no display mapping)
    assertTrue(
        html.contains(">&lt;b&gt;L40S&lt;/b&gt; &amp; &quot;x&quot; &#39;y&#39;</td>"), "device");
    // host in the CHTC-owned list
    assertTrue(
        html.contains(">evil&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;.example</li>"),
        "host");
    // exclusion pattern and reason
    assertTrue(html.contains(">voyles2000|&lt;img src=x onerror=alert(1)&gt;</td>"), "pattern");
    assertTrue(
        html.contains(">&lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt; &amp; &quot;q&quot;</td>"),
        "reason");
    // decoded, the values are intact
    assertTrue(rows(html).contains(evilUser + "|12.0|50.0%"), rows(html).toString());
    assertTrue(rows(html).contains(evilDevice + "|25.0%|0.5|1.5"), rows(html).toString());

    // With charts, the device names also reach the images' alt texts: escaped there too.
    String charted =
        chartedHtml(
            "--hours-back",
            "24",
            "--exclude-hosts",
            "{\"voyles2000|<img src=x onerror=alert(1)>\": \"r\"}");
    assertEquals(2, all("(<img )", charted).size(), "exactly the two chart images");
    assertFalse(charted.toLowerCase().contains("<script"));
    assertFalse(charted.contains("<b>"));
    List<String> alts = all("<img [^>]*alt=\"([^\"]*)\"", charted);
    assertTrue(
        alts.get(1).contains("&lt;b&gt;L40S&lt;/b&gt; &amp; &quot;x&quot; &#39;y&#39; 0.5 of 1.5"),
        alts.get(1));
  }

  @Test
  void methodologyMarkupIsRenderedAndEscaped() {
    HtmlModel.Page page =
        new HtmlModel.Page(
            "t",
            "h",
            "1 hour",
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            List.of(),
            Methodology.convert(
                "# Head <&>\n- **bold <b>** and `code & more` and ** lone\n\nplain `x <y>\n"),
            List.of(),
            "a to b",
            "0.00 seconds",
            "2025-01-01 00:00:00",
            null,
            null);
    String html = HtmlReport.process(HtmlReport.TEMPLATE, page);
    assertTrue(html.contains(">Head &lt;&amp;&gt;</h2>"), html);
    assertTrue(
        html.contains("<li style=\"margin:0 0 5px 0;\"><strong>bold &lt;b&gt;</strong> and <code"),
        html);
    assertTrue(html.contains(">code &amp; more</code> and ** lone</li>"), html);
    assertTrue(html.contains(">plain `x &lt;y&gt;</p>"), html);
    assertTrue(html.contains("<p style=\"margin:0 0 10px 0;\">(none)</p>"), html);
  }

  @Test
  void bundledMethodologyIsTheSharedText() throws Exception {
    String html = html("--hours-back", "24");
    // ** pairs become <strong>, and there is no literal ** left anywhere.
    assertTrue(html.contains("<strong>Prioritized (Researcher Owned):</strong>"));
    assertFalse(html.contains("**"));
    assertTrue(
        headings("h3", html).containsAll(List.of("Data collection", "Metrics", "Host exclusions")));
  }

  // ------------------------------------------------------------------------------ errors, footer

  @Test
  void templateErrorBecomesAOneLineGpuReportException() {
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () -> HtmlReport.process("broken-for-test.ftlh", new Object()));
    assertTrue(e.getMessage().startsWith("cannot render the HTML report: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    GpuReportException missing =
        assertThrows(
            GpuReportException.class,
            () -> HtmlReport.process("no-such-template.ftlh", new Object()));
    assertNotNull(missing.getMessage());
  }

  @Test
  void runtimeFormat() {
    assertEquals("0.00 seconds", HtmlReport.runtime(0));
    assertEquals("1.25 seconds", HtmlReport.runtime(1.25));
    assertEquals("59.99 seconds", HtmlReport.runtime(59.99));
    assertEquals("1m 0.0s", HtmlReport.runtime(60));
    assertEquals("1m 5.2s", HtmlReport.runtime(65.25));
    assertEquals("2m 0.0s", HtmlReport.runtime(119.96));
    assertEquals("61m 1.5s", HtmlReport.runtime(3661.5));
  }
}
