package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpureport site}: the pages of the last complete day, week and month, kept across runs; the
 * front page linking every page, newest first, with relative links only; the report pages equal to
 * {@code report}'s; errors as one line with the usual exit codes.
 */
class SiteCommandTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  private static Path data;
  private Path site;

  @BeforeAll
  static void sample() throws Exception {
    data = nineDays(shared.resolve("data"));
  }

  /**
   * Nine days of a small simulated pool in {@code dir}, Monday 2025-11-24 to Wednesday 2025-12-03
   * 00:00, and an empty CHTC-owned list {@code none.txt} beside them.
   */
  static Path nineDays(Path dir) throws Exception {
    CliResult r =
        Cli.run(
            "sample",
            "--out",
            dir.toString(),
            "--days",
            "9",
            "--hosts",
            "24",
            "--seed",
            "7",
            "--start",
            "2025-11-24",
            "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    Files.writeString(dir.resolve("none.txt"), "");
    return dir;
  }

  @BeforeEach
  void siteFolder() {
    site = dir.resolve("site");
  }

  private CliResult site(String endTime, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "site",
                "--data-dir",
                data.toString(),
                "--out",
                site.toString(),
                "--exclude-hosts",
                "{}",
                "--chtc-owned",
                data.resolve("none.txt").toString(),
                "--no-charts"));
    if (endTime != null) {
      args.addAll(List.of("--end-time", endTime));
    }
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<String> hrefs(String html) {
    Matcher m = Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(html);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /** The period pages and the front page (not the pool's pages, written by every run). */
  private static List<String> reports(Path root) throws Exception {
    return files(root).stream()
        .filter(f -> f.equals("index.html") || f.matches("(daily|weekly|monthly)/.*"))
        .toList();
  }

  @Test
  void thePoolPagesAreTheTimelinesTheHostsTableAndAPagePerHost() throws Exception {
    assertEquals(0, site("2025-12-02 12:00:00").exitCode());
    List<String> all = files(site);
    assertTrue(all.containsAll(List.of("timeline-24h.html", "timeline-7d.html", "hosts.html")));
    List<String> hostPages = all.stream().filter(f -> f.startsWith("hosts/")).toList();
    assertEquals(24, hostPages.size(), hostPages.toString());
    String first = Files.readString(site.resolve(hostPages.get(0)));
    String host = hostPages.get(0).substring("hosts/".length()).replace(".html", "");
    assertTrue(first.contains("<h1>" + host + "</h1>"), first);
    assertTrue(first.contains("<a href=\"../index.html\">"), first);
    assertTrue(first.contains("class=\"tl-row\""), "the host's timeline: " + first);
    String index = Files.readString(site.resolve("index.html"));
    assertTrue(index.contains("<a href=\"" + hostPages.get(0) + "\">" + host + "</a>"), index);
  }

  @Test
  void theFirstRunWritesTheLastCompleteDayWeekAndMonthAndAFrontPage() throws Exception {
    CliResult r = site("2025-12-01 12:00:00");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(
        List.of(
            "daily/2025-11-30.html", "index.html", "monthly/2025-11.html", "weekly/2025-W48.html"),
        reports(site));
    String index = Files.readString(site.resolve("index.html"));
    assertTrue(index.startsWith("<!DOCTYPE html>"), index);
    assertTrue(index.contains(">Sunday 2025-11-30</a>"), index);
    assertTrue(index.contains(">2025-W48 (2025-11-24 to 2025-11-30)</a>"), index);
    assertTrue(index.contains(">November 2025</a>"), index);
    assertTrue(index.contains("<iframe src=\"daily/2025-11-30.html\""), index);
    assertTrue(index.contains("from data up to 2025-12-01 12:00:00"), index);
  }

  @Test
  void laterRunsAddTheNewDayAndKeepEarlierPages() throws Exception {
    assertEquals(0, site("2025-12-01 12:00:00").exitCode());
    Path week = site.resolve("weekly/2025-W48.html");
    Files.writeString(week, Files.readString(week) + "<!-- kept -->");

    CliResult r = site("2025-12-02 12:00:00");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.readString(week).endsWith("<!-- kept -->"), "the week was regenerated");
    String index = Files.readString(site.resolve("index.html"));
    int newer = index.indexOf("href=\"daily/2025-12-01.html\"");
    int older = index.indexOf("href=\"daily/2025-11-30.html\"");
    assertTrue(newer > 0 && older > newer, "both days, newest first: " + index);
    assertTrue(index.contains("<iframe src=\"daily/2025-12-01.html\""), index);
  }

  @Test
  void everyLinkIsRelativeAndLeadsToAFileOfTheSite() throws Exception {
    assertEquals(0, site("2025-12-02 12:00:00").exitCode());
    List<String> links = hrefs(Files.readString(site.resolve("index.html")));
    // 3 reports, the daily again, its frame, 2 timelines, the hosts table, 24 host pages
    assertEquals(5 + 3 + 24, links.size(), links.toString());
    for (String link : links) {
      assertFalse(link.startsWith("/") || link.contains(":") || link.contains(".."), link);
      assertTrue(Files.isRegularFile(site.resolve(link)), link);
    }
  }

  @Test
  void aReportPageIsTheReportOfItsPeriod() throws Exception {
    assertEquals(0, site("2025-12-02 12:00:00").exitCode());
    CliResult report =
        Cli.run(
            "report",
            "--data-dir",
            data.toString(),
            "--exclude-hosts",
            "{}",
            "--chtc-owned",
            data.resolve("none.txt").toString(),
            "--no-charts",
            "--output-format",
            "html",
            "--hours-back",
            "24",
            "--end-time",
            "2025-12-02 00:00:00");
    assertEquals(0, report.exitCode(), report.err());
    assertEquals(
        withoutRuntime(report.out()),
        withoutRuntime(Files.readString(site.resolve("daily/2025-12-01.html"))));
  }

  private static String withoutRuntime(String html) {
    return html.replaceAll("Report generated in [^|]*\\|", "Report generated in … |");
  }

  @Test
  void aMonthWithoutDataHasNoPageAndTheFrontPageSaysSo() throws Exception {
    CliResult r = site("2025-11-26 12:00:00");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("daily/2025-11-25.html", "index.html"), reports(site));
    String index = Files.readString(site.resolve("index.html"));
    assertTrue(index.contains("No complete week yet."), index);
    assertTrue(index.contains("No complete month yet."), index);
  }

  @Test
  void badInputIsOneLineWithTheUsualExitCodes() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliResult notADir = Cli.run("site", "--data-dir", data.toString(), "--out", file.toString());
    assertEquals(2, notADir.exitCode(), notADir.err());
    assertEquals(1, notADir.err().lines().count(), notADir.err());

    CliResult badTime = site("yesterday");
    assertEquals(2, badTime.exitCode(), badTime.err());

    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliResult noData =
        Cli.run(
            "site",
            "--data-dir",
            empty.toString(),
            "--out",
            site.toString(),
            "--exclude-hosts",
            "{}",
            "--chtc-owned",
            data.resolve("none.txt").toString());
    assertEquals(1, noData.exitCode(), noData.err());
    assertEquals(1, noData.err().lines().count(), noData.err());
    assertFalse(Files.exists(site.resolve("index.html")));
  }
}
