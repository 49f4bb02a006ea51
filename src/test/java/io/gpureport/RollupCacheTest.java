package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.load.GpuStateTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rollup cache (docs/decisions/0005-rollups.md) never changes a byte of a report: with a cold
 * cache, a warm one and {@code --no-cache} every analysis prints the same; changed data, lists and
 * exclusions are noticed; a damaged or unusable cache is a warning and the right numbers.
 */
class RollupCacheTest {
  private static final Pattern USE =
      Pattern.compile("rollups: (\\d+) day parts reused, (\\d+) computed");

  @TempDir static Path sample;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    generateSample(sample);
  }

  /** The 5-day sample of 30 hosts from Oct 29, 2025: two monthly files without the index. */
  static void generateSample(Path out) {
    run(
        List.of(
            "sample",
            "--out",
            out.toString(),
            "--days",
            "5",
            "--start",
            "2025-10-29",
            "--hosts",
            "30",
            "-q"));
  }

  static CliResult run(List<String> args) {
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  static List<String> with(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }

  /** Reused and computed day parts of a {@code --verbose} run. */
  static int[] use(CliResult r) {
    Matcher m = USE.matcher(r.err());
    assertTrue(m.find(), "no rollups line in: " + r.err());
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  /** Cold, warm and no-cache runs print the same bytes; the warm run computes nothing. */
  private void assertExact(List<String> args, Path cache) {
    String expected = run(with(args, "--no-cache")).out();
    CliResult cold = run(with(args, "--cache-dir", cache.toString(), "--verbose"));
    CliResult warm = run(with(args, "--cache-dir", cache.toString(), "--verbose"));
    assertEquals(expected, cold.out(), "cold cache: " + args);
    assertEquals(expected, warm.out(), "warm cache: " + args);
    assertFalse(warm.err().contains("Warning: rollup cache"), warm.err());
    if (!USE.matcher(warm.err()).find()) {
      return; // not used: gpu-model-snapshot (no verbose line), or "rollups: not used"
    }
    assertEquals(0, use(warm)[1], "warm run computed days: " + warm.err());
    assertTrue(use(warm)[0] > 0, warm.err());
  }

  static Stream<List<String>> sampleCases() {
    List<List<String>> analyses =
        List.of(
            List.of("--no-group-by-device"),
            List.of("--no-group-by-device", "--all-devices"),
            List.of("--no-group-by-device", "--host", "gpu40"),
            List.of("--analysis-type", "timeseries"),
            List.of("--analysis-type", "timeseries", "--bucket-minutes", "60"),
            List.of("--analysis-type", "timeseries", "--bucket-minutes", "45"),
            List.of("--analysis-type", "timeseries", "--bucket-minutes", "7"),
            List.of("--analysis-type", "timeseries", "--host", "gpu40", "--all-devices"),
            List.of(), // the device allocation: not cached, still exact
            List.of("--rules", "corrected", "--no-group-by-device", "--host-table", "off"),
            List.of("--analysis-type", "monthly", "--end-time", "2025-11-02 00:00:00"));
    List<List<String>> windows =
        List.of(
            List.of("--hours-back", "80"),
            List.of("--hours-back", "30", "--end-time", "2025-11-01 17:07:00"),
            List.of("--hours-back", "48", "--end-time", "2025-11-02 00:00:00"),
            List.of("--hours-back", "24"));
    List<List<String>> out = new ArrayList<>();
    for (List<String> a : analyses) {
      for (List<String> w : windows) {
        if (a.contains("monthly") && !w.equals(windows.get(0))) {
          continue;
        }
        List<String> args = new ArrayList<>(List.of("report", "--data-dir", sample.toString()));
        args.addAll(w.stream().filter(x -> !a.contains("monthly")).toList());
        args.addAll(a);
        out.add(args);
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("sampleCases")
  void sampleDaysAreExactColdAndWarm(List<String> args) {
    for (String format : List.of("text", "json", "html")) {
      List<String> a = with(args, "--output-format", format, "--no-charts");
      assertExact(a, dir.resolve("cache"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gpureport.ReportGoldenTest#cases")
  void goldenCasesAreExactColdAndWarm(String caseName) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    ReportGoldenTest.exampleData(caseName, data);
    List<String> caseArgs = ReportGoldenTest.caseArgs(caseName);
    assertExact(ReportGoldenTest.args(caseArgs, data, data), dir.resolve("cache"));
    // and over more than a day, where the cache is used
    List<String> longer = new ArrayList<>(caseArgs);
    int h = longer.indexOf("--hours-back");
    if (h >= 0) {
      longer.set(h + 1, "60");
    } else if (!longer.contains("monthly") && !longer.contains("gpu-model-snapshot")) {
      longer.addAll(List.of("--hours-back", "60"));
    }
    assertExact(ReportGoldenTest.args(longer, data, data), dir.resolve("cache"));
  }

  private Path copySample() throws IOException {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    try (Stream<Path> s = Files.list(sample)) {
      for (Path p : s.toList()) {
        Files.copy(p, data.resolve(p.getFileName()));
      }
    }
    return data;
  }

  private static void sql(Path db, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  static List<String> summary(Path data, Path cache) {
    return List.of(
        "report",
        "--data-dir",
        data.toString(),
        "--hours-back",
        "80",
        "--no-group-by-device",
        "--cache-dir",
        cache.toString(),
        "--verbose");
  }

  private static final String COLUMNS =
      "Name, AssignedGPUs, AvailableGPUs, State, GPUs_DeviceName, GPUs_GlobalMemoryMb,"
          + " PrioritizedProjects, GPUsAverageUsage, Machine, RemoteOwner, GlobalJobId";

  /** A copy of the newest snapshot five minutes later, every slot claimed by {@code owner}. */
  private static void appendSnapshot(Path db, String owner) throws SQLException {
    sql(
        db,
        "INSERT INTO gpu_state ("
            + COLUMNS
            + ", timestamp) SELECT "
            + COLUMNS.replace("State,", "'Claimed',").replace("RemoteOwner", "'" + owner + "'")
            + ", datetime(timestamp, '+5 minutes') FROM gpu_state"
            + " WHERE timestamp = (SELECT MAX(timestamp) FROM gpu_state)");
  }

  @Test
  void aSnapshotAppendedToTodaysFileShowsAndIsExact() throws Exception {
    Path data = copySample();
    Path cache = dir.resolve("cache");
    CliResult before = run(summary(data, cache));
    assertEquals(0, use(run(summary(data, cache)))[1]);
    appendSnapshot(data.resolve("gpu_state_2025-11.db"), "late@wisc.edu");
    CliResult after = run(summary(data, cache));
    assertEquals(run(with(summary(data, cache), "--no-cache")).out(), after.out());
    assertTrue(use(after)[1] > 0, after.err());
    assertNotEquals(before.out(), after.out());
    assertEquals(0, use(run(summary(data, cache)))[1]);
  }

  @Test
  void anEditedRowOfAPastDayIsNoticed() throws Exception {
    Path data = copySample();
    Path cache = dir.resolve("cache");
    List<String> args = with(summary(data, cache), "--end-time", "2025-11-02 12:00:00");
    CliResult before = run(args);
    // a past day (Oct 30) in place: same row count, same rowids
    sql(
        data.resolve("gpu_state_2025-10.db"),
        "UPDATE gpu_state SET State = 'Claimed' WHERE timestamp LIKE '2025-10-30 1%'");
    CliResult after = run(args);
    assertEquals(run(with(args, "--no-cache")).out(), after.out());
    assertNotEquals(before.out(), after.out());
    assertTrue(use(after)[1] > 0, after.err());
  }

  @Test
  void changedListsAndExclusionsAreOtherKeys() throws Exception {
    Path data = copySample();
    Path cache = dir.resolve("cache");
    Path chtc = dir.resolve("chtc.txt");
    Path masked = dir.resolve("masked.yaml");
    Files.writeString(chtc, "nothing.example\n", StandardCharsets.UTF_8);
    Files.writeString(masked, "{}\n", StandardCharsets.UTF_8);
    List<String> args =
        with(
            summary(data, cache),
            "--chtc-owned",
            chtc.toString(),
            "--exclude-hosts-yaml",
            masked.toString());
    String first = run(args).out();
    assertEquals(0, use(run(args))[1]);
    // the same file names, other content: the cached days must not be reused
    Files.writeString(chtc, "nothing.example\ngpu4000.chtc.wisc.edu\n", StandardCharsets.UTF_8);
    CliResult chtcChanged = run(args);
    assertTrue(use(chtcChanged)[1] > 0, chtcChanged.err());
    assertEquals(run(with(args, "--no-cache")).out(), chtcChanged.out());
    Files.writeString(masked, "gpu40.*: masked for the test\n", StandardCharsets.UTF_8);
    CliResult excluded = run(args);
    assertTrue(use(excluded)[1] > 0, excluded.err());
    assertEquals(run(with(args, "--no-cache")).out(), excluded.out());
    assertNotEquals(first, excluded.out());
  }

  @Test
  void aDamagedCacheIsAWarningAndTheRightNumbers() throws Exception {
    Path cache = dir.resolve("cache");
    List<String> args = summary(sample, cache);
    String expected = run(with(args, "--no-cache")).out();
    run(args);
    List<Path> entries;
    try (Stream<Path> s = Files.list(cache.resolve("rollups"))) {
      entries = s.sorted().toList();
    }
    assertTrue(entries.size() > 3, entries.toString());
    // garbage, a truncated entry, an entry that cannot be read as a file
    Files.write(entries.get(0), "not a rollup".getBytes(StandardCharsets.UTF_8));
    byte[] whole = Files.readAllBytes(entries.get(1));
    Files.write(entries.get(1), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.delete(entries.get(2));
    Files.createDirectory(entries.get(2));
    // an entry of another gpureport: the version string (after magic and format) overwritten
    byte[] foreign = Files.readAllBytes(entries.get(3));
    int length = ((foreign[8] & 0xff) << 8) | (foreign[9] & 0xff);
    java.util.Arrays.fill(foreign, 10, 10 + length, (byte) 'x');
    Files.write(entries.get(3), foreign);
    CliResult damaged = run(args);
    assertEquals(expected, damaged.out());
    assertEquals(
        1, damaged.err().lines().filter(l -> l.startsWith("Warning:")).count(), damaged.err());
    assertTrue(damaged.err().contains("Warning: rollup cache"), damaged.err());
  }

  @Test
  void anUnusableCacheDirectoryIsAWarningAndTheRightNumbers() throws Exception {
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x", StandardCharsets.UTF_8);
    List<String> args = summary(sample, notADir);
    CliResult r = run(args);
    assertEquals(run(with(args, "--no-cache")).out(), r.out());
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("Warning:")).count(), r.err());
  }

  @Test
  void twoConcurrentWritersLeaveAWholeCache() throws Exception {
    List<String> args = summary(sample, dir.resolve("cache"));
    assertConcurrentRunsLeaveAWholeCache(args, 4, a -> Cli.run(a.toArray(String[]::new)));
  }

  /**
   * {@code copies} runs of {@code args} through {@code runner}, two at a time, each printing the
   * bytes of {@code --no-cache} without a warning; then a run that computes no part prints them
   * too, and is returned.
   */
  static CliResult assertConcurrentRunsLeaveAWholeCache(
      List<String> args, int copies, Function<List<String>, CliResult> runner) throws Exception {
    String expected = run(with(args, "--no-cache")).out();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<CliResult>> runs = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        runs.add(pool.submit(() -> runner.apply(args)));
      }
      for (Future<CliResult> f : runs) {
        CliResult r = f.get();
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(expected, r.out());
        assertFalse(r.err().contains("Warning:"), r.err());
      }
    } finally {
      pool.shutdown();
    }
    CliResult warm = run(args);
    assertEquals(expected, warm.out());
    assertEquals(0, use(warm)[1], warm.err());
    return warm;
  }

  /**
   * The H200 table's whole-window dedup decision (docs/decisions/0002-engine.md, trap 4) when the
   * only repeated GPU id is on two different days: each day part alone has no repeat.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void aRepeatAcrossDaysDecidesTheDedupAsWithoutCache(boolean repeat) throws Exception {
    String h200 = "NVIDIA H200";
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    new TestDb()
        .row("slot1_1@r1", null, "Claimed", h200, "", "r1", "zed", "2025-11-01 00:00:00")
        .row("slot1_2@r1", null, "Claimed", h200, "", "r1", "amy", "2025-11-01 00:00:00")
        .row("slot1_1@r1", "GPU-a", "Claimed", h200, "", "r1", "amy", "2025-11-01 00:15:00")
        .row("slot1_2@r1", "GPU-b", "Claimed", h200, "", "r1", "zed", "2025-11-01 00:15:00")
        .row(
            "slot1_1@r1",
            repeat ? "GPU-a" : "GPU-c",
            "Claimed",
            h200,
            "",
            "r1",
            "amy",
            "2025-11-02 00:30:00")
        .row(
            "slot1_2@r1",
            repeat ? "GPU-b" : "GPU-d",
            "Claimed",
            h200,
            "",
            "r1",
            "zed",
            "2025-11-02 00:30:00")
        .write(data.resolve("gpu_state_2025-11.db"));
    List<String> args =
        List.of(
            "report",
            "--data-dir",
            data.toString(),
            "--exclude-hosts",
            "{}",
            "--chtc-owned",
            "/dev/null",
            "--end-time",
            "2025-11-02 12:00:00",
            "--hours-back",
            "48");
    assertExact(args, dir.resolve("cache"));
    String out = run(with(args, "--cache-dir", dir.resolve("cache").toString())).out();
    int amy = out.indexOf("    amy: ");
    int zed = out.indexOf("    zed: ");
    assertTrue(amy > 0 && zed > 0, out);
    assertEquals(!repeat, amy < zed, out);
  }

  /** A copy of the sample whose files have the collector's timestamp index. */
  private Path indexedSample() throws Exception {
    Path data = copySample();
    for (String month : List.of("2025-10", "2025-11")) {
      sql(data.resolve("gpu_state_" + month + ".db"), GpuStateTable.CREATE_INDEX);
    }
    return data;
  }

  /**
   * 80 hours to a fixed end: the parts Oct 30 (from 10:00), Oct 31, Nov 1 and Nov 2 (to 18:00),
   * read from the October and the November file.
   */
  private static List<String> fixedWindow(Path data, Path cache) {
    return with(summary(data, cache), "--end-time", "2025-11-02 18:00:00");
  }

  /**
   * Into {@code db}, a copy of the first snapshot of {@code source} at or after {@code from},
   * stamped {@code to}, every slot claimed by {@code owner}: a new snapshot of that time, or a late
   * row.
   */
  private static void insertCopy(Path db, Path source, String from, String to, String owner)
      throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      String src = "main";
      if (!source.equals(db)) {
        s.executeUpdate("ATTACH DATABASE '" + source + "' AS src");
        src = "src";
      }
      s.executeUpdate(
          "INSERT INTO main.gpu_state ("
              + COLUMNS
              + ", timestamp) SELECT "
              + COLUMNS.replace("State,", "'Claimed',").replace("RemoteOwner", "'" + owner + "'")
              + ", '"
              + to
              + "' FROM "
              + src
              + ".gpu_state WHERE timestamp = (SELECT MIN(timestamp) FROM "
              + src
              + ".gpu_state"
              + " WHERE timestamp >= '"
              + from
              + "')");
    }
  }

  /** The reused and computed day parts of a run, its output equal to {@code --no-cache}. */
  private static int[] exactRun(List<String> args) {
    CliResult r = run(args);
    assertEquals(run(with(args, "--no-cache")).out(), r.out(), "against --no-cache: " + args);
    return use(r);
  }

  @Test
  void aSnapshotAppendedToTodayRecomputesTodayOnly() throws Exception {
    Path data = indexedSample();
    Path nov = data.resolve("gpu_state_2025-11.db");
    List<String> args = fixedWindow(data, dir.resolve("cache"));
    String before = run(args).out();
    assertArrayEquals(new int[] {4, 0}, use(run(args)));
    insertCopy(nov, nov, "2025-11-02 12:00:00", "2025-11-02 12:01:00", "late@wisc.edu");
    // the November file changed: Nov 1 is still valid by its counts, Nov 2 is not
    assertArrayEquals(new int[] {3, 1}, exactRun(args));
    assertNotEquals(before, run(args).out());
    assertArrayEquals(new int[] {4, 0}, use(run(args)));
  }

  @Test
  void aLateRowOfAnEarlierDayInAnotherFileIsNoticed() throws Exception {
    Path data = indexedSample();
    Path oct = data.resolve("gpu_state_2025-10.db");
    Path nov = data.resolve("gpu_state_2025-11.db");
    List<String> args = fixedWindow(data, dir.resolve("cache"));
    String before = run(args).out();
    // stamped Oct 31, stored in the November file: only Oct 31 is computed again
    insertCopy(nov, oct, "2025-10-31 12:00:00", "2025-10-31 12:01:00", "late@wisc.edu");
    assertArrayEquals(new int[] {3, 1}, exactRun(args));
    assertNotEquals(before, run(args).out());
  }

  @Test
  void anEditedRowOfAPastDayRecomputesTheDaysOfItsFile() throws Exception {
    Path data = indexedSample();
    List<String> args = fixedWindow(data, dir.resolve("cache"));
    String before = run(args).out();
    // in place on Oct 30: the same rows and rowids; no count locates it, so both October days
    sql(
        data.resolve("gpu_state_2025-10.db"),
        "UPDATE gpu_state SET State = 'Claimed' WHERE timestamp LIKE '2025-10-30 1%'");
    assertArrayEquals(new int[] {2, 2}, exactRun(args));
    assertNotEquals(before, run(args).out());
  }

  @Test
  void aFileRestoredFromABackupOrDeletedIsNoticed() throws Exception {
    Path data = indexedSample();
    Path oct = data.resolve("gpu_state_2025-10.db");
    Path backup = dir.resolve("backup.db");
    Files.copy(oct, backup);
    List<String> args = fixedWindow(data, dir.resolve("cache"));
    String original = run(args).out();
    insertCopy(oct, oct, "2025-10-31 12:00:00", "2025-10-31 12:01:00", "late@wisc.edu");
    assertArrayEquals(new int[] {3, 1}, exactRun(args));
    // the backup renamed over the file: fewer rows than the cached parts were made of
    Files.move(backup, oct, StandardCopyOption.REPLACE_EXISTING);
    assertArrayEquals(new int[] {2, 2}, exactRun(args));
    assertEquals(original, run(args).out());
    // the November file deleted: its days change, October's (none of its rows) do not
    Files.delete(data.resolve("gpu_state_2025-11.db"));
    assertArrayEquals(new int[] {2, 2}, exactRun(args));
  }

  @Test
  void withoutTheIndexAChangedFileRecomputesTheWindowsThatReadIt() throws Exception {
    Path data = copySample();
    Path cache = dir.resolve("cache");
    List<String> october = with(summary(data, cache), "--end-time", "2025-10-31 23:59:00");
    List<String> across = fixedWindow(data, cache);
    run(october);
    run(across);
    Path nov = data.resolve("gpu_state_2025-11.db");
    insertCopy(nov, nov, "2025-11-02 12:00:00", "2025-11-02 12:01:00", "late@wisc.edu");
    // a window that does not read the November file keeps its parts; one that does, none
    assertArrayEquals(new int[] {4, 0}, exactRun(october));
    assertArrayEquals(new int[] {0, 4}, exactRun(across));
  }

  /** The monthly analysis (the device fold over a calendar month) is made of the same day parts. */
  @Test
  void theMonthlySummaryIsMadeOfDayParts() {
    List<String> args =
        List.of(
            "report",
            "--data-dir",
            sample.toString(),
            "--analysis-type",
            "monthly",
            "--end-time",
            "2025-11-02 00:00:00",
            "--verbose",
            "--cache-dir",
            dir.resolve("cache").toString());
    CliResult plain = run(with(args, "--no-cache"));
    CliResult cold = run(args);
    CliResult warm = run(args);
    // October's 31 days and the closing instant, Nov 1 00:00:00 (docs/metrics.md, "Monthly
    // summary")
    assertArrayEquals(new int[] {0, 32}, use(cold));
    assertArrayEquals(new int[] {32, 0}, use(warm));
    for (CliResult r : List.of(cold, warm)) {
      assertEquals(plain.out(), r.out());
      assertEquals(monthLines(plain), monthLines(r));
    }
    assertTrue(monthLines(plain).contains("Coverage: "), plain.err());
  }

  /** The monthly analysis's period and coverage lines on stderr. */
  private static String monthLines(CliResult r) {
    return String.join(
        "\n",
        r.err()
            .lines()
            .filter(l -> l.startsWith("Period: ") || l.startsWith("Coverage: "))
            .toList());
  }

  @Test
  void cacheStatsAndClear() {
    Path cache = dir.resolve("cache");
    run(summary(sample, cache));
    CliResult stats = run(List.of("cache", "stats", "--cache-dir", cache.toString()));
    assertTrue(stats.out().contains("Entries: "), stats.out());
    assertFalse(stats.out().contains("Entries: 0"), stats.out());
    CliResult cleared = run(List.of("cache", "clear", "--cache-dir", cache.toString()));
    assertTrue(cleared.out().startsWith("Deleted "), cleared.out());
    assertTrue(
        run(List.of("cache", "stats", "--cache-dir", cache.toString()))
            .out()
            .contains("Entries: 0"));
    CliResult cold = run(summary(sample, cache));
    assertEquals(0, use(cold)[0], cold.err());
  }
}
