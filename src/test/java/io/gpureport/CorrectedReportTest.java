package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rules corrected} end to end on the worked examples: files without the F8 column, the
 * monthly report v2 (C15) and {@code --host} under corrected.
 */
class CorrectedReportTest {
  @TempDir Path dir;

  private CliResult report(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString(),
                "--exclude-hosts-yaml",
                dir.resolve("masked_hosts.yaml").toString(),
                "--rules",
                "corrected"));
    all.addAll(Arrays.asList(args));
    CliResult r = Cli.run(all.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  /** The body between the header and the trailer: the report v2's sections. */
  private static String sections(String text) {
    int start = text.indexOf("\nREAL SLOTS");
    int end = text.indexOf("\n======", start);
    return text.substring(start, end);
  }

  @Test
  void filesWithoutTheColumnPrintNotRecorded() throws Exception {
    ExampleData.build(dir); // the reference example: 12 columns, no PreventJobsReason (F8 test 4)
    String out = report().out();
    assertTrue(out.contains("\n  PreventJobsReason was not recorded for this period.\n"), out);
    long statLines =
        out.lines().filter(l -> l.matches("  .*%( +[0-9.]+){3} +(n/a|[0-9.]+)")).count();
    long notRecorded = out.lines().filter(l -> l.matches("  .*%( +[0-9.]+){3} +n/a")).count();
    assertTrue(statLines > 10, out);
    assertEquals(statLines, notRecorded, "every Prevented cell is n/a:\n" + out);
  }

  @Test
  void monthlyIsTheReportV2OverTheMonthsRows() throws Exception {
    ExampleData.build(dir);
    ExampleData.addDecemberFile(dir); // the monthly setup: November is the month before
    String monthly = report("--analysis-type", "monthly").out();
    String allocation = report("--end-time", "2025-11-03 10:15:05", "--hours-back", "24").out();
    assertEquals(sections(allocation), sections(monthly));
    assertTrue(monthly.contains("CHTC MONTHLY GPU REPORT - NOVEMBER 2025"), monthly);
    assertTrue(monthly.contains("\nRules: corrected\n"), monthly);
    // measured hours (C14): bob 2 bucket-GPUs and frank 1, not 1080 nominal hours
    assertTrue(
        monthly.contains(
            "  Researcher-Reserved Capacity (Primary) (2 users): 0.75 GPU-hours (100.0%)\n"),
        monthly);
  }

  @Test
  void monthlyHonoursHostAndAllDevices() throws Exception {
    ExampleData.build(dir);
    ExampleData.addDecemberFile(dir);
    String all = report("--analysis-type", "monthly").out();
    String one = report("--analysis-type", "monthly", "--host", "cxiaogpu4000").out();
    assertFalse(all.equals(one));
    assertTrue(one.contains("HOSTS BY GPU TYPE (filtered):"), one);
    assertTrue(one.contains("  TOTAL (1 host)"), one);
    String allDevices = report("--analysis-type", "monthly", "--all-devices").out();
    assertTrue(allDevices.contains("\nREAL SLOTS:\n"), allDevices);
  }

  @Test
  void timeSeriesKeepsOldModelsOnlyWithAllDevices() throws Exception {
    ExampleData.buildCorrected(dir); // oldgpu1's A40 is Shared: Unclaimed at T1, Claimed at T2
    String filtered = report("--analysis-type", "timeseries").out();
    String all = report("--analysis-type", "timeseries", "--all-devices").out();
    assertTrue(filtered.contains("  Shared: 25.0% (1.0/4.0 GPUs)\n"), filtered);
    assertTrue(all.contains("  Shared: 30.0% (1.5/5.0 GPUs)\n"), all);
  }
}
