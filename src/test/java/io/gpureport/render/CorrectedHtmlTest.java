package io.gpureport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
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
 * The HTML report v2 (CORRECTED §7) of the corrected worked example beyond its golden page: the
 * other paths, the device chart, and escaping of every data-controlled value.
 */
class CorrectedHtmlTest {
  private static final String EVIL_HOST = "<script>alert('h')</script>&\"q\"";
  private static final String EVIL_USER = "<script>alert('u')</script>&\"u\"";
  private static final String EVIL_DEVICE = "NVIDIA L40S <svg onload=x>&\"d\"";
  private static final String EVIL_REASON = "<b>reason</b> & \"quotes\"";
  private static final String EVIL_PROJECT = "Proj<Z>&\"p\"";
  private static final String EVIL_EXCLUSION = "<i>masked</i> & 'why'";

  @TempDir Path dir;

  /** Runs {@code report --rules corrected} on the example built in {@code dir}; returns stdout. */
  private String run(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString(),
                "--rules",
                "corrected"));
    if (!Arrays.asList(extra).contains("--exclude-hosts")) {
      args.addAll(List.of("--exclude-hosts-yaml", dir.resolve("masked_hosts.yaml").toString()));
    }
    args.addAll(Arrays.asList(extra));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r.out();
  }

  private String html(String... extra) {
    List<String> a = new ArrayList<>(Arrays.asList(extra));
    a.addAll(List.of("--output-format", "html", "--no-charts"));
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

  private static List<String> h2(String html) {
    return all("<h2[^>]*>(.*?)</h2>", html);
  }

  /** The data rows of every table: each row's cell texts joined with {@code |}. */
  private static List<String> rows(String html) {
    List<String> out = new ArrayList<>();
    for (String tbody : all("<tbody>(.*?)</tbody>", html)) {
      for (String tr : all("<tr[^>]*>(.*?)</tr>", tbody)) {
        out.add(String.join("|", all("<td[^>]*>(.*?)</td>", tr)));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------- the paths

  @Test
  void allDevicesFullHostTableMarksTheExcludedHost() throws Exception {
    ExampleData.buildCorrected(dir);
    String html = html("--all-devices", "--host-table", "full");
    assertTrue(h2(html).contains("Real Slots"), h2(html).toString());
    assertTrue(h2(html).stream().noneMatch(h -> h.contains("(filtered)")), h2(html).toString());
    assertFalse(h2(html).contains("Filtered GPU Models"), "no model is filtered");
    assertTrue(
        html.contains(
            "<tr class=\"excluded\" style=\"color:#6b7785;font-style:italic;\">\n"
                + "<td style=\"padding:6px 10px 6px 50px;border:1px solid #d5dce4;text-align:left;\">"
                + "voyles2000.chtc.wisc.edu (excluded)</td>"),
        html);
    assertTrue(rows(html).contains("TOTAL (6 hosts)|11|50.0%|5.5|0.5|11.0"), rows(html).toString());
    assertTrue(rows(html).contains("L40S (1 host)|2|50.0%|1.0|0.0|2.0"), rows(html).toString());
    assertTrue(rows(html).contains("voyles2000.chtc.wisc.edu (excluded)|1|0.0%|0.0|0.0|1.0"));
    assertEquals(1, all("(class=\"excluded\")", html).size());
  }

  @Test
  void allocationSummaryHasTwoGroupRowsAndNoDeviceSections() throws Exception {
    ExampleData.buildCorrected(dir);
    String html = html("--no-group-by-device", "--host-table", "off");
    assertEquals(
        List.of(
            "Allocation Summary (filtered)",
            "Machines with Zero Active Primary GPUs (filtered)",
            "GPU Draining Status (filtered)",
            "GPUs with PreventJobsReason Set (filtered)",
            "Filtered GPU Models",
            "Excluded Hosts",
            "Methodology (corrected rules)"),
        h2(html));
    List<String> summary = rows(html).subList(0, 8);
    assertEquals("Primary", summary.get(0));
    assertEquals("Researcher-Owned Hardware|25.0%|1.0|0.0|4.0|1.0", summary.get(1));
    assertEquals("Secondary (Backfill)", summary.get(4));
    assertEquals("Open Capacity|50.0%|1.0|0.0|2.0|0.0", summary.get(7));
    assertEquals(2, all("(colspan=\"6\")", html).size());
  }

  /** The reference example's file has no PreventJobsReason column (F8). */
  @Test
  void notRecordedPrintsNaAndTheSingleLineParagraph() throws Exception {
    ExampleData.build(dir);
    String html = html();
    assertTrue(html.contains(">PreventJobsReason was not recorded for this period.</p>"), html);
    List<String> real = rows(html);
    assertTrue(real.get(0).startsWith("TOTAL (primary + secondary)|"), real.get(0));
    assertTrue(real.get(0).endsWith("|n/a"), real.get(0));
  }

  @Test
  void monthlyTitlesAndFlagshipNone() throws Exception {
    ExampleData.buildCorrected(dir);
    String html =
        html(
            "--analysis-type",
            "monthly",
            "--end-time",
            "2025-12-01 00:00:00",
            "--flagship-models=");
    assertTrue(html.contains("<title>CHTC Monthly GPU Report - November 2025</title>"), html);
    assertTrue(html.contains(">CHTC MONTHLY GPU REPORT - NOVEMBER 2025</h1>"), html);
    assertTrue(html.contains("</strong> 720 hours</p>"), html);
    assertTrue(html.contains("<strong style=\"color:#ffffff;\">Rules:</strong> corrected</p>"));
    assertTrue(html.contains("2025-11-01 00:00:00 to 2025-11-30 23:59:59</p>"), html);
    assertTrue(html.contains(">Flagship models: (none)</p>"), html);
    // Every device is Standard without flagship models.
    assertTrue(rows(html).contains("Standard|25.0%|1.0|0.0|4.0|1.0"), rows(html).toString());
  }

  // ------------------------------------------------------------------------------ the chart

  @Test
  void theDeviceChartOpensUsageByDeviceType() throws Exception {
    ExampleData.buildCorrected(dir);
    String charted = run("--output-format", "html");
    String plain = html();
    List<String> images = all("(<img [^>]*>)", charted);
    assertEquals(1, images.size(), "the device chart only: v2 has no over-time chart");
    assertTrue(images.get(0).contains("alt=\"Bar chart: allocated vs. available GPUs"));
    assertTrue(images.get(0).contains("Open Capacity (Primary): H100 80GB 0.5 of 2.0, L40S 0.5"));
    int heading = charted.indexOf(">Usage by Device Type (filtered)</h2>");
    int image = charted.indexOf("<img ");
    int firstClass = charted.indexOf(">Researcher-Owned Hardware (Primary)</h3>");
    assertTrue(heading < image && image < firstClass, "chart between the heading and the tables");
    assertEquals(
        plain, charted.replaceAll("<div style=\"margin:12px 0 6px 0;\"><img [^>]*></div>\n", ""));
    assertEquals(0, all("(<img )", run("--output-format", "html", "--no-group-by-device")).size());
  }

  // -------------------------------------------------------------------------------- escaping

  private void hostileData() throws Exception {
    ExampleData.buildCorrected(dir);
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gpu_state_2025-11.db"))) {
      update(c, "Machine", EVIL_HOST, "Machine = 'flagopen1.chtc.wisc.edu'");
      update(c, "RemoteOwner", EVIL_USER, "RemoteOwner = 'bob'");
      update(c, "GPUs_DeviceName", EVIL_DEVICE, "GPUs_DeviceName = 'NVIDIA L40S'");
      update(c, "PreventJobsReason", EVIL_REASON, "PreventJobsReason = 'Node maintenance'");
      update(c, "PrioritizedProjects", EVIL_PROJECT, "PrioritizedProjects = 'ProjZ'");
    }
  }

  private static void update(Connection c, String column, String value, String where)
      throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE gpu_state SET \"" + column + "\" = ? WHERE " + where)) {
      ps.setString(1, value);
      assertTrue(ps.executeUpdate() > 0, column);
    }
  }

  private String hostile(String format) {
    String exclusions =
        "{\"voyles2000\": \"" + EVIL_EXCLUSION + "\", \"nomatch<script>\": \"x&y\"}";
    List<String> args =
        new ArrayList<>(
            List.of(
                "--exclude-hosts", exclusions, "--host-table", "full", "--output-format", format));
    return run(args.toArray(String[]::new));
  }

  @Test
  void htmlEscapesEveryDataValueWithAndWithoutCharts() throws Exception {
    hostileData();
    String html = hostile("html");
    assertTrue(html.contains("<img "), "charted: the alt text carries device names too");
    for (String page : List.of(html, html("--exclude-hosts", "{}", "--host-table", "full"))) {
      assertFalse(page.contains("<script"), "unescaped script tag");
      assertFalse(page.contains("<svg"), "unescaped svg tag");
      assertFalse(page.contains("<b>reason"), "unescaped reason markup");
      assertFalse(page.contains("Proj<Z>"), "unescaped project");
      assertTrue(
          page.contains("&lt;script&gt;alert(&#39;h&#39;)&lt;/script&gt;&amp;&quot;q&quot;"));
      assertTrue(
          page.contains("&lt;script&gt;alert(&#39;u&#39;)&lt;/script&gt;&amp;&quot;u&quot;"));
      assertTrue(page.contains("L40S &lt;svg onload=x&gt;&amp;&quot;d&quot;"));
      assertTrue(page.contains("&lt;b&gt;reason&lt;/b&gt; &amp; &quot;quotes&quot;"));
      assertTrue(page.contains("Proj&lt;Z&gt;&amp;&quot;p&quot;"));
    }
    assertFalse(html.contains("<i>masked"), "unescaped exclusion reason");
    assertTrue(html.contains("&lt;i&gt;masked&lt;/i&gt; &amp; &#39;why&#39;"), html);
    assertTrue(html.contains("nomatch&lt;script&gt;"), html);
  }

  @Test
  void textAndJsonKeepTheValuesAsTheyAre() throws Exception {
    hostileData();
    String text = hostile("text");
    assertTrue(text.contains("    " + EVIL_USER + ": 0.50 hrs (66.7%)"), text);
    assertTrue(text.contains("  voyles2000: " + EVIL_EXCLUSION + "\n"), text);
    assertTrue(text.contains(EVIL_REASON + "\n"), text);
    JsonNode j = new ObjectMapper().readTree(hostile("json"));
    assertEquals(EVIL_USER, j.at("/h200Users/0/users/0/user").asText());
    assertEquals(EVIL_HOST, j.at("/preventedGpus/hosts/0/host").asText());
    assertEquals(EVIL_REASON, j.at("/preventedGpus/hosts/0/reasons/0").asText());
    assertEquals(EVIL_PROJECT, j.at("/zeroActiveMachines/machines/0/projects/0").asText());
    assertEquals(EVIL_EXCLUSION, j.at("/excludedHosts/0/reason").asText());
  }
}
