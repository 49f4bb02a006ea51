package io.gpureport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.Browser;
import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTML reports (SEMANTICS §10, CORRECTED.md report v2) and the HTML pages of {@code hosts},
 * {@code users} and {@code trend} opened in a real headless Chromium: each loads without a console
 * error or warning, every chart decodes (the pages with charts have one), and the page shows the
 * sections its text output has.
 */
class ReportPagesBrowserIT {
  @TempDir static Path data;
  @TempDir static Path profile;
  @TempDir Path pages;

  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start(profile);
    ExampleData.build(data);
    ExampleData.buildCorrected(Files.createDirectories(data.resolve("corrected")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /** {@code options}: the command's options, separated by commas; {@code charts}: has images. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "allocation (reference)|report|--hours-back,24|Allocated %|true",
        "device tables of every device|report|--hours-back,24,--all-devices|Allocated %|true",
        "time series|report|--hours-back,24,--analysis-type,timeseries|Allocated %|true",
        "monthly|report|--analysis-type,monthly,--end-time,2025-12-01 06:00:00|Allocated %|true",
        "corrected rules, report v2|report|--hours-back,24,--rules,corrected|Allocated %|true",
        "hosts with idle stretches|hosts|--hours-back,48,--gaps,--min-idle-hours,0|Idle Stretches|false",
        "users by device|users|--hours-back,48,--by-device|GPU-hours|false",
        "trend per day with its chart|trend|--no-cache,--period,day,--from,2025-11-02,--to,2025-11-03"
            + "|Allocation per Period and Class|true",
      })
  void thePageLoadsCleanlyWithItsCharts(
      String name, String command, String options, String shown, boolean charts) throws Exception {
    Path page = pages.resolve(command + ".html");
    Path dir = options.contains("corrected") ? data.resolve("corrected") : data;
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                data.resolve("chtc_owned_hosts.txt").toString(),
                "--exclude-hosts-yaml",
                data.resolve("masked_hosts.yaml").toString(),
                "--output-format",
                "html",
                "--output-file",
                page.toString()));
    args.addAll(List.of(options.split(",")));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());

    browser.open(page);
    assertEquals(List.of(), browser.problems(), name + ": console");
    assertEquals(List.of(), browser.brokenImages(), name + ": images");
    assertFalse(browser.title().isBlank(), name + ": title");
    assertTrue(browser.text().contains(shown), name + ": " + browser.text());
    assertFalse(browser.select("table").isEmpty(), name + ": a table");
    assertEquals(charts, !browser.select("img").isEmpty(), name + ": charts");
    assertTrue(Files.size(page) > 0);
  }

  /** The checks above can fail: a page with a missing image and a script error fails both. */
  @Test
  void theChecksSeeABrokenPage() throws Exception {
    Path page = pages.resolve("broken.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><head><title>t</title></head><body>"
            + "<img src=\"missing.png\" alt=\"\"><script>undefinedCall();</script></body></html>");
    browser.open(page);
    assertEquals(1, browser.brokenImages().size());
    assertEquals(2, browser.problems().size(), String.valueOf(browser.problems()));
  }
}
