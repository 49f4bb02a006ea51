package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report folds its window chunk by chunk: whatever the chunk length, even one that cuts buckets
 * (7, 22 minutes), the output is byte for byte the one of a single chunk.
 */
class ChunkedReportTest {
  private static final String ONE_CHUNK = "1000000";

  @TempDir static Path sample;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    CliResult r =
        Cli.run(
            "sample",
            "--out",
            sample.toString(),
            "--days",
            "3",
            "--start",
            "2025-10-30",
            "--hosts",
            "30",
            "-q");
    assertEquals(0, r.exitCode(), r.err());
  }

  private static CliResult report(String chunk, String format, List<String> extra) {
    List<String> args = new ArrayList<>(List.of("report", "--data-dir", sample.toString()));
    args.addAll(extra);
    args.addAll(List.of("--output-format", format, "--chunk-minutes", chunk));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  /** Each analysis over a window that crosses the month boundary (Oct 31 → Nov 1). */
  private static final List<List<String>> CASES =
      List.of(
          List.of("--end-time", "2025-11-01 03:07:00", "--hours-back", "8"),
          List.of("--end-time", "2025-11-01 03:07:00", "--hours-back", "8", "--all-devices"),
          List.of("--end-time", "2025-11-01 03:07:00", "--hours-back", "8", "--no-group-by-device"),
          List.of(
              "--end-time",
              "2025-11-01 03:07:00",
              "--hours-back",
              "8",
              "--analysis-type",
              "timeseries",
              "--bucket-minutes",
              "60"),
          List.of(
              "--end-time",
              "2025-11-01 03:07:00",
              "--hours-back",
              "8",
              "--analysis-type",
              "timeseries",
              "--bucket-minutes",
              "45"),
          List.of("--end-time", "2025-11-02 00:00:00", "--analysis-type", "monthly"),
          List.of("--end-time", "2025-11-01 03:07:00", "--hours-back", "8", "--host", "gpu4000"),
          // no end time: the newest data's path (one scan, open end in the newest file)
          List.of("--hours-back", "8"),
          List.of(
              "--end-time",
              "2025-11-01 03:07:00",
              "--hours-back",
              "8",
              "--rules",
              "corrected",
              "--explain-rules"),
          List.of(
              "--end-time",
              "2025-11-02 00:00:00",
              "--analysis-type",
              "monthly",
              "--rules",
              "corrected",
              "--explain-rules",
              "--all-devices"));

  @ParameterizedTest
  @ValueSource(strings = {"60", "22", "7"})
  void chunkedEqualsOneChunk(String chunk) {
    for (List<String> c : CASES) {
      if (chunk.equals("7") && c.contains("monthly")) {
        continue; // two days of data in 7-minute chunks: covered by the 22-minute run
      }
      // the rule effects (--explain-rules) are text only
      for (String format :
          c.contains("--explain-rules") ? List.of("text") : List.of("text", "json")) {
        CliResult whole = report(ONE_CHUNK, format, c);
        CliResult chunked = report(chunk, format, c);
        assertEquals(whole.out(), chunked.out(), c + " " + format);
        assertEquals(whole.err(), chunked.err(), c + " " + format);
      }
    }
  }

  /**
   * §6.3 leaves the H200 table's rows undeduplicated unless a non-NULL GPU id repeats somewhere in
   * the window; rows with a NULL id then still name their owner, which puts the owner earlier in
   * the user order (visible between users of equal hours). With one-snapshot chunks, the repeat is
   * only seen in the last chunk, after the NULL-id rows were counted.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void nullGpuRowsFollowTheWholeWindowsDedupDecision(boolean repeat) throws Exception {
    String h200 = "NVIDIA H200";
    TestDb db =
        new TestDb()
            .row("slot1_1@r1", null, "Claimed", h200, "", "r1", "zed", "2025-11-01 00:00:00")
            .row("slot1_2@r1", null, "Claimed", h200, "", "r1", "amy", "2025-11-01 00:00:00")
            .row("slot1_1@r1", "GPU-a", "Claimed", h200, "", "r1", "amy", "2025-11-01 00:15:00")
            .row("slot1_2@r1", "GPU-b", "Claimed", h200, "", "r1", "zed", "2025-11-01 00:15:00");
    if (repeat) {
      db.row("slot1_1@r1", "GPU-a", "Claimed", h200, "", "r1", "amy", "2025-11-01 00:30:00")
          .row("slot1_2@r1", "GPU-b", "Claimed", h200, "", "r1", "zed", "2025-11-01 00:30:00");
    }
    db.write(dir.resolve("gpu_state_2025-11.db"));
    List<String> args =
        List.of(
            "report",
            "--data-dir",
            dir.toString(),
            "--exclude-hosts",
            "{}",
            "--chtc-owned",
            "/dev/null",
            "--end-time",
            "2025-11-01 00:40:00",
            "--hours-back",
            "1");
    List<String> tiny = new ArrayList<>(args);
    tiny.addAll(List.of("--chunk-minutes", "7"));
    CliResult whole = Cli.run(args.toArray(String[]::new));
    CliResult chunked = Cli.run(tiny.toArray(String[]::new));
    assertEquals(0, whole.exitCode(), whole.err());
    assertEquals(whole.out(), chunked.out());
    int amy = whole.out().indexOf("    amy: ");
    int zed = whole.out().indexOf("    zed: ");
    assertTrue(amy > 0 && zed > 0, whole.out());
    // kept (no repeat): both NULL-id rows count, amy is visited first (name order) at 00:00;
    // deduplicated: only the first NULL-id row (zed) survives at 00:00
    assertEquals(!repeat, amy < zed, whole.out());
  }

  @Test
  void chunkLengthMustBePositive() {
    CliResult r = Cli.run("report", "--data-dir", sample.toString(), "--chunk-minutes", "0");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--chunk-minutes must be >= 1, was 0"), r.err());
  }
}
