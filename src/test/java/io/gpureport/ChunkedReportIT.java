package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory bounded by a chunk, not by the window: ten days of a 750-GPU pool (about 1.5 M rows, over
 * 300 MB as one loaded window) are reported in a JVM of 128 MB, exactly as in-process.
 */
class ChunkedReportIT {
  @TempDir Path dir;

  @Test
  void tenDaysInA128MegabyteHeap() {
    CliResult sample =
        Cli.run("sample", "--out", dir.toString(), "--days", "10", "--start", "2025-10-25", "-q");
    assertEquals(0, sample.exitCode(), sample.err());
    String[] args = {
      "report", "--data-dir", dir.toString(), "--hours-back", "240", "--output-format", "json"
    };
    CliResult expected = Cli.run(args);
    assertEquals(0, expected.exitCode(), expected.err());
    CliResult r = Cli.childJvm().jvmOptions("-Xmx128m").timeoutSeconds(600).run(args);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"rowsAnalyzed\":"), r.out());
    assertEquals(expected.out(), r.out());
  }
}
