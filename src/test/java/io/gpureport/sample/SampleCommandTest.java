package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpureport sample} through the command line entry point. */
class SampleCommandTest {
  @TempDir Path dir;

  /** Runs at {@link Cli#FIXED_CLOCK}, 2025-12-03 08:00:00 UTC. */
  private static CliResult run(String... args) {
    return Cli.run(args);
  }

  private static CliResult run(Clock clock, String... args) {
    return Cli.with().clock(clock).run(args);
  }

  /** The stored timestamps of the distinct snapshots in every monthly file of {@code dir}. */
  private static List<String> snapshots(Path dir) throws IOException {
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        all.addAll(SampleDb.column(f, "SELECT DISTINCT timestamp FROM gpu_state ORDER BY 1"));
      }
    }
    return all;
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
  void quietWritesTheSameFilesAndPrintsNothing() throws IOException {
    CliResult r = run("sample", "--out", dir.toString(), "--days", "1", "--hosts", "24", "-q");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals("", r.err());
    assertEquals(List.of("gpu_state_2025-12.db"), fileNames());
    assertEquals(96, snapshots(dir).size());
  }

  @Test
  void withoutStartTheLastSnapshotIsTheNewestBeforeTheClock() throws IOException {
    CliResult r = run("sample", "--out", dir.toString(), "--days", "1", "--hosts", "24");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("gpu_state_2025-12.db"), fileNames());
    List<String> times = snapshots(dir);
    assertEquals(96, times.size());
    // 08:00 itself would be stamped a few seconds after the clock's 08:00:00
    String last = times.get(times.size() - 1);
    assertTrue(last.startsWith("2025-12-03 07:45:0"), last);
    assertTrue(times.get(0).startsWith("2025-12-02 08:00:0"), times.get(0));
    assertTrue(r.err().contains("from 2025-12-02 08:00:0"), r.err());
  }

  @Test
  void withoutStartTheDaysEndInTheClocksTimeZone() throws IOException {
    // 2025-12-01 08:07:30 UTC is 02:07:30 in Chicago
    Clock clock = Clock.fixed(Instant.parse("2025-12-01T08:07:30Z"), ZoneId.of("America/Chicago"));
    CliResult r = run(clock, "sample", "--out", dir.toString(), "--hosts", "24");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("gpu_state_2025-11.db", "gpu_state_2025-12.db"), fileNames());
    List<String> times = snapshots(dir);
    assertEquals(3 * 96, times.size());
    String last = times.get(times.size() - 1);
    assertTrue(last.startsWith("2025-12-01 02:00:0"), last);
    assertTrue(last.compareTo("2025-12-01 02:07:30") < 0, last);
    assertTrue(times.get(0).startsWith("2025-11-28 02:15:0"), times.get(0));
  }

  @Test
  void withStartTheClockDoesNotMatter() throws IOException {
    String[] args = {"sample", "--days", "1", "--hosts", "24", "--start", "2025-11-03 06:00"};
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, run(withOut(args, a)).exitCode());
    Clock later = Clock.fixed(Instant.parse("2026-03-15T17:31:00Z"), ZoneId.of("Asia/Tokyo"));
    assertEquals(0, run(later, withOut(args, b)).exitCode());
    String file = "gpu_state_2025-11.db";
    assertTrue(snapshots(a).get(0).startsWith("2025-11-03 06:00:0"));
    assertEquals(-1L, Files.mismatch(a.resolve(file), b.resolve(file)));
  }

  private static String[] withOut(String[] args, Path out) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--out";
    all[args.length + 1] = out.toString();
    return all;
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
