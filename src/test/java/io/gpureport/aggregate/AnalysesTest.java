package io.gpureport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.TestDb;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metric rules on small hand-built data, checked against numbers derived by hand. */
class AnalysesTest {
  private static final String A100 = "NVIDIA A100-SXM4-80GB";
  private static final String H200 = "NVIDIA H200";
  private static final String L40S = "NVIDIA L40S";

  @TempDir Path dir;

  private CliResult report(String... extra) {
    String[] base = {
      "report", "--data-dir", dir.toString(), "--exclude-hosts", "{}", "--chtc-owned", "/dev/null"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  @Test
  void windowSpanningTwoMonthlyFiles() throws Exception {
    String t1 = "2025-10-31 23:50:00.000001";
    String t2 = "2025-11-01 00:05:00.000002";
    new TestDb()
        .row("slot1@r1", "GPU-a", "Unclaimed", H200, "ProjA", "r1", null, t1)
        .row("slot1@r1", "GPU-b", "Unclaimed", H200, "ProjA", "r1", null, t1)
        .row("slot1_1@r1", "GPU-a", "Claimed", H200, "ProjA", "r1", "u1", t1)
        .write(dir.resolve("gpu_state_2025-10.db"));
    new TestDb()
        .row("slot1@r1", "GPU-a", "Unclaimed", H200, "ProjA", "r1", null, t2)
        .row("slot1@r1", "GPU-b", "Unclaimed", H200, "ProjA", "r1", null, t2)
        .row("slot1_1@r1", "GPU-a", "Claimed", H200, "ProjA", "r1", "u1", t2)
        .row("slot1_2@r1", "GPU-b", "Claimed", H200, "ProjA", "r1", "u2", t2)
        .write(dir.resolve("gpu_state_2025-11.db"));
    CliResult r = report("--end-time", "2025-11-01 00:10:00", "--hours-back", "1");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("  TOTAL: 75.0% (1.5/2.0 GPUs)\n"), r.out());
    assertTrue(r.out().contains("    H200: 75.0% (avg 1.5/2.0 GPUs)\n"), r.out());
    assertTrue(
        r.out().contains("Data Period: 2025-10-31 23:50:00 to 2025-11-01 00:05:00\n"), r.out());
    // GPU-hours: u1 has 1 GPU in each of 2 buckets → 1 h; u2 1 GPU in 1 of 2 → 0.5 h
    assertTrue(r.out().contains("    u1: 1.0 hrs (66.7%)\n"), r.out());
    assertTrue(r.out().contains("    u2: 0.5 hrs (33.3%)\n"), r.out());
  }

  @ParameterizedTest(name = "backfill stored first: {0}")
  @CsvSource({"true", "false"})
  void rankZeroTieGoesToTheRowStoredFirst(boolean backfillFirst) throws Exception {
    String t = "2025-11-03 10:00:05.000000";
    TestDb db = new TestDb();
    TestDb.Row backfill =
        new TestDb.Row("backfill2@o1", "GPU-x", "Unclaimed", L40S, 46068, "", "o1", null, t);
    TestDb.Row drained =
        new TestDb.Row("slot1@o1", "GPU-x", "Drained", L40S, 46068, "", "o1", null, t);
    db.row(backfillFirst ? backfill : drained).row(backfillFirst ? drained : backfill);
    db.write(dir.resolve("gpu_state_2025-11.db"));
    CliResult r = report("--hours-back", "0");
    assertEquals(0, r.exitCode(), r.err());
    // L10: with the backfill row first the GPU vanishes from Open Capacity
    assertEquals(
        !backfillFirst, r.out().contains("  Open Capacity: 0.0% (0.0/1.0 GPUs)\n"), r.out());
    assertTrue(r.out().contains("  Backfill (Open Capacity): 0.0% (0.0/1.0 GPUs)\n"), r.out());
  }

  @Test
  void claimedBackfillBeatsIdlePrimary() throws Exception {
    String t = "2025-11-03 10:00:05.000000";
    new TestDb()
        .row("slot1@r1", "GPU-a", "Unclaimed", A100, "ProjA", "r1", null, t)
        .row("slot1@r1", "GPU-b", "Unclaimed", A100, "ProjA", "r1", null, t)
        .row("backfill2_1@r1", "GPU-b", "Claimed", A100, "ProjA", "r1", "eve", t)
        .write(dir.resolve("gpu_state_2025-11.db"));
    CliResult r = report("--hours-back", "0");
    // L9: GPU-b runs backfill, so it drops out of the researcher class: 0/1
    assertTrue(
        r.out().contains("  Prioritized (Researcher Owned): 0.0% (0.0/1.0 GPUs)\n"), r.out());
    assertTrue(r.out().contains("  Backfill (Researcher Owned): 100.0% (1.0/1.0 GPUs)\n"), r.out());
    CliResult nd = report("--hours-back", "0", "--no-group-by-device");
    // L18: in the non-device path the claimed backfill GPU is unclaimed researcher capacity
    assertTrue(
        nd.out().contains("  Prioritized (Researcher Owned): 0.0% (0.0/2.0 GPUs)\n"), nd.out());
  }

  @Test
  void twoSnapshotsInOneBucketCountUnionsOfIds() throws Exception {
    String t1 = "2025-11-03 10:00:05.000000";
    String t2 = "2025-11-03 10:07:00.000000";
    new TestDb()
        .row("slot1_1@r1", "GPU-a", "Claimed", A100, "ProjA", "r1", "u1", t1)
        .row("slot1@r1", "GPU-a", "Unclaimed", A100, "ProjA", "r1", null, t2)
        .write(dir.resolve("gpu_state_2025-11.db"));
    CliResult r = report("--hours-back", "1");
    assertTrue(r.out().contains("    A100 80GB: 100.0% (avg 1.0/1.0 GPUs)\n"), r.out());
    CliResult nd = report("--hours-back", "1", "--no-group-by-device");
    // claimed {a} + unclaimed {a} = 1/2: a GPU that changes state in a bucket counts twice (L18)
    assertTrue(
        nd.out().contains("  Prioritized (Researcher Owned): 50.0% (1.0/2.0 GPUs)\n"), nd.out());
  }

  @Test
  void nullIdsNeverCountAndEmptyIdCountsOnce() throws Exception {
    String t = "2025-11-03 10:00:05.000000";
    new TestDb()
        .row("backfill2@o1", "", "Unclaimed", L40S, "", "o1", null, t)
        .row("backfill2@o2", "", "Unclaimed", L40S, "", "o2", null, t)
        .row("slot1@o1", null, "Owner", L40S, "", "o1", null, t)
        .row("slot1@o1", "GPU-l", "Unclaimed", L40S, "", "o1", null, t)
        .write(dir.resolve("gpu_state_2025-11.db"));
    CliResult r = report("--hours-back", "0");
    // L12: "" is one GPU id shared by both backfill rows; NULL is never counted
    assertTrue(r.out().contains("  Backfill (Open Capacity): 0.0% (0.0/1.0 GPUs)\n"), r.out());
    assertTrue(r.out().contains("  Open Capacity: 0.0% (0.0/1.0 GPUs)\n"), r.out());
  }

  @ParameterizedTest(name = "{0}-minute buckets")
  @CsvSource(
      delimiter = '|',
      value = {
        "60|  11-03 10:00: Priority 60.0% (3/5), Shared 40.0% (2/5), Backfill 33.3% (2/6)",
        "7|  11-03 10:10: Priority 75.0% (3/4), Shared 33.3% (1/3), Backfill 66.7% (2/3)",
        "15|  11-03 10:15: Priority 75.0% (3/4), Shared 33.3% (1/3), Backfill 66.7% (2/3)"
      })
  void timeSeriesBucketWidths(int minutes, String lastLine) throws Exception {
    ExampleData.build(dir);
    CliResult r =
        Cli.run(
            "report",
            "--data-dir",
            dir.toString(),
            "--chtc-owned",
            dir.resolve("chtc_owned_hosts.txt").toString(),
            "--exclude-hosts-yaml",
            dir.resolve("masked_hosts.yaml").toString(),
            "--analysis-type",
            "timeseries",
            "--bucket-minutes",
            String.valueOf(minutes));
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains(lastLine + "\n"), r.out());
    if (minutes == 7) {
      assertTrue(r.out().contains("  11-03 09:56: Priority 50.0% (2/4)"), r.out());
    }
    if (minutes == 60) {
      assertFalse(r.out().contains("  11-03 10:15:"), r.out());
    }
  }

  @Test
  void defaultEndTimeIsTheNewestTimestampEvenWhenRowsAreStoredOutOfOrder() throws Exception {
    String newer = "2025-11-03 10:15:04.000000";
    String older = "2025-11-03 10:00:05.000000";
    new TestDb()
        .row("slot1_1@r1", "GPU-a", "Claimed", A100, "ProjA", "r1", "u1", newer)
        .row("slot1@r1", "GPU-a", "Unclaimed", A100, "ProjA", "r1", null, older)
        .write(dir.resolve("gpu_state_2025-11.db"));
    CliResult byDefault = report("--hours-back", "0");
    assertEquals(0, byDefault.exitCode(), byDefault.err());
    assertTrue(
        byDefault.out().contains("Data Period: 2025-11-03 10:15:04 to 2025-11-03 10:15:04\n"),
        byDefault.out());
    assertEquals(
        report("--hours-back", "0", "--end-time", "2025-11-03 10:15:04").out(), byDefault.out());
    assertTrue(byDefault.out().contains("  TOTAL: 100.0% (1.0/1.0 GPUs)\n"), byDefault.out());
  }

  @Test
  void monthlyWindowIncludesMidnightOfTheNextMonthOnly() throws Exception {
    new TestDb()
        .row(
            "slot1_1@r1",
            "GPU-a",
            "Claimed",
            A100,
            "ProjA",
            "r1",
            "u1",
            "2025-11-01 00:00:00.000000")
        .row(
            "slot1@r1",
            "GPU-b",
            "Unclaimed",
            A100,
            "ProjA",
            "r1",
            null,
            "2025-11-30 23:59:59.999999")
        .write(dir.resolve("gpu_state_2025-11.db"));
    new TestDb()
        .row(
            "slot1@r1",
            "GPU-c",
            "Unclaimed",
            A100,
            "ProjA",
            "r1",
            null,
            "2025-12-01 00:00:00.000000")
        .row(
            "slot1@r1",
            "GPU-d",
            "Unclaimed",
            A100,
            "ProjA",
            "r1",
            null,
            "2025-12-01 00:00:00.000001")
        .row(
            "slot1@r1",
            "GPU-e",
            "Unclaimed",
            A100,
            "ProjA",
            "r1",
            null,
            "2025-12-02 08:00:00.000000")
        .write(dir.resolve("gpu_state_2025-12.db"));
    CliResult r = report("--analysis-type", "monthly", "--output-format", "json");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("Calculating monthly summary for November 2025\n"), r.err());
    assertTrue(r.err().contains("Total hours in month: 720\n"), r.err());
    assertTrue(r.out().contains("\"end\": \"2025-12-01 00:00:00\""), r.out());
    assertTrue(r.out().contains("\"start\": \"2025-11-01 00:00:00\""), r.out());
    // three buckets with data (Nov 1 00:00, Nov 30 23:45, Dec 1 00:00), one GPU each, GPU-d
    // excluded
    assertTrue(r.out().contains("\"rowsAnalyzed\": 3"), r.out());
    CliResult text = report("--analysis-type", "monthly");
    assertTrue(text.out().contains("CHTC MONTHLY GPU REPORT - NOVEMBER 2025"), text.out());
    assertTrue(text.out().contains("Data Period: November 2025\n"), text.out());
  }
}
