package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpureport sample} through the command line entry point. */
class SampleCommandTest {
  @TempDir Path dir;

  private static CliResult run(String... args) {
    return Cli.run(args);
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesFilesAndOneSummaryLineOnStderr() throws IOException {
    CliResult r =
        run(
            "sample",
            "--out",
            dir.toString(),
            "--days",
            "1",
            "--hosts",
            "30",
            "--start",
            "2025-11-03",
            "--seed",
            "5");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(List.of("gpu_state_2025-11.db"), fileNames());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    long rows =
        SampleDb.count(dir.resolve("gpu_state_2025-11.db"), "SELECT COUNT(*) FROM gpu_state");
    assertTrue(
        lines[0].startsWith(
            String.format(
                java.util.Locale.ROOT, "Wrote %,d rows to" + " gpu_state_2025-11.db in ", rows)),
        lines[0]);
    assertTrue(lines[0].contains("96 snapshots from 2025-11-03 00:00:0"), lines[0]);
    assertTrue(lines[0].contains("to 2025-11-03 23:45:0"), lines[0]);
    assertTrue(lines[0].contains("(30 hosts, "), lines[0]);
  }

  @Test
  void defaultsSpanOctoberAndNovember() throws IOException {
    CliResult r = run("sample", "--out", dir.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("gpu_state_2025-10.db", "gpu_state_2025-11.db"), fileNames());
    assertEquals(
        192,
        SampleDb.count(
            dir.resolve("gpu_state_2025-10.db"),
            "SELECT COUNT(DISTINCT timestamp) FROM gpu_state"));
    assertTrue(r.err().contains("288 snapshots"), r.err());
  }

  @Test
  void refusesExistingFileUnlessForced() throws IOException {
    String[] args = {
      "sample", "--out", dir.toString(), "--days", "1", "--hosts", "24", "--start", "2025-11-03"
    };
    assertEquals(0, run(args).exitCode());
    byte[] before = Files.readAllBytes(dir.resolve("gpu_state_2025-11.db"));
    CliResult again = run(args);
    assertEquals(1, again.exitCode());
    assertEquals("", again.out());
    assertTrue(
        again.err().startsWith("Error: ")
            && again.err().contains("gpu_state_2025-11.db")
            && again.err().contains("--force"),
        again.err());
    assertEquals(
        -1L,
        java.util.Arrays.mismatch(before, Files.readAllBytes(dir.resolve("gpu_state_2025-11.db"))));
    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    assertEquals(0, run(forced).exitCode());
  }

  @Test
  void outThatIsARegularFileSaysSo() throws IOException {
    Path file = Files.writeString(dir.resolve("ads.json"), "[]");
    CliResult r = run("sample", "--out", file.toString(), "--days", "1", "--hosts", "24");
    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertEquals(
        "Error: Cannot create output directory "
            + file
            + ": "
            + file
            + " exists and is not a directory\n",
        r.err());
    assertEquals("[]", Files.readString(file));
  }

  @Test
  void usageErrors() {
    assertEquals(2, run("sample").exitCode());
    assertEquals(2, run("sample", "--out", dir.toString(), "--days", "0").exitCode());
    assertEquals(2, run("sample", "--out", dir.toString(), "--days", "x").exitCode());
    assertEquals(2, run("sample", "--out", dir.toString(), "--hosts", "5").exitCode());
    CliResult badStart = run("sample", "--out", dir.toString(), "--start", "2025-13-01");
    assertEquals(2, badStart.exitCode());
    assertTrue(badStart.err().startsWith("Error: --start"), badStart.err());
  }
}
