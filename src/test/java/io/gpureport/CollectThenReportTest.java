package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: collect two snapshots, then report over them (numbers derived by hand). */
class CollectThenReportTest {
  @TempDir Path dir;

  private static final String COMMON =
      "\"GPUs_DeviceName\": \"NVIDIA A100-SXM4-80GB\", \"GPUs_GlobalMemoryMb\": 81920,"
          + " \"PrioritizedProjects\": \"ProjA\", \"Machine\": \"r1.wisc.edu\"";

  private void collect(String time, String json) throws Exception {
    Path input = dir.resolve("input.json");
    Files.writeString(input, json);
    Clock clock = Clock.fixed(LocalDateTime.parse(time).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    CliResult r =
        Cli.with()
            .clock(clock)
            .run("collect", "--data-dir", dir.toString(), "--input", input.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void reportOverCollectedSnapshots() throws Exception {
    collect(
        "2025-11-03T10:00:05",
        "[{\"Name\": \"slot1@r1.wisc.edu\", \"AssignedGPUs\": \"GPU-a,GPU-b\","
            + " \"State\": \"Unclaimed\", "
            + COMMON
            + "},"
            + "{\"Name\": \"slot1_1@r1.wisc.edu\", \"AssignedGPUs\": \"GPU-a\", \"State\": \"Claimed\","
            + " \"RemoteOwner\": \"alice@wisc.edu\", "
            + COMMON
            + "},"
            + "{\"Name\": \"backfill2@r1.wisc.edu\", \"AvailableGPUs\": \"{ GPUs_GPU_b }\","
            + " \"State\": \"Unclaimed\", "
            + COMMON
            + "}]");
    collect(
        "2025-11-03T10:15:05",
        "[{\"Name\": \"slot1@r1.wisc.edu\", \"AssignedGPUs\": \"GPU-a,GPU-b\","
            + " \"State\": \"Unclaimed\", "
            + COMMON
            + "},"
            + "{\"Name\": \"slot1_1@r1.wisc.edu\", \"AssignedGPUs\": \"GPU-a\", \"State\": \"Claimed\","
            + " \"RemoteOwner\": \"alice@wisc.edu\", "
            + COMMON
            + "},"
            + "{\"Name\": \"backfill2_1@r1.wisc.edu\", \"AvailableGPUs\": [\"GPUs_GPU_b\"],"
            + " \"State\": \"Claimed\", \"RemoteOwner\": \"eve@wisc.edu\", "
            + COMMON
            + "},"
            + "{\"Name\": \"backfill2@r1.wisc.edu\", \"AvailableGPUs\": \"{ }\", \"State\": \"Unclaimed\", "
            + COMMON
            + "}]");
    CliResult r =
        Cli.run(
            "report",
            "--data-dir",
            dir.toString(),
            "--hours-back",
            "1",
            "--end-time",
            "2025-11-03 10:20:00",
            "--exclude-hosts",
            "{}",
            "--chtc-owned",
            "/dev/null");
    assertEquals(0, r.exitCode(), r.err());
    String out = r.out();
    // B1: a claimed, b idle (primary beats backfill p-slot) → 1/2; B2: b runs backfill (L9) → 1/1
    assertTrue(out.contains("  Prioritized (Researcher Owned): 66.7% (1.0/1.5 GPUs)\n"), out);
    assertTrue(out.contains("    A100 80GB: 75.0% (avg 1.0/1.5 GPUs)\n"), out);
    // backfill: B1 {b} idle → 0/1; B2 {b claimed, "" idle} → 1/2 (L12)
    assertTrue(out.contains("  Backfill (Researcher Owned): 33.3% (0.5/1.5 GPUs)\n"), out);
    assertTrue(out.contains("    eve@wisc.edu: 0.5 hrs (100.0%)\n"), out);
    assertTrue(out.contains("Data Period: 2025-11-03 10:00:05 to 2025-11-03 10:15:05\n"), out);
  }
}
