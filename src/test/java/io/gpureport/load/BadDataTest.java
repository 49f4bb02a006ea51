package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.LinkLoop;
import io.gpureport.TestDb;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input files: a clear one-line error, the right exit code, and the input left unchanged. */
class BadDataTest {
  @TempDir Path dir;

  private static byte[] hash(Path f) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
  }

  private CliResult report(String... extra) {
    String[] base = {
      "report",
      "--data-dir",
      dir.toString(),
      "--exclude-hosts",
      "{}",
      "--chtc-owned",
      "/dev/null",
      "--output-file",
      dir.resolve("out.txt").toString()
    };
    String[] args = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  private void assertOneLineFailure(CliResult r, String contains) {
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("Error: "), r.err());
    assertTrue(r.err().contains(contains), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(dir.resolve("out.txt")));
  }

  private Path sql(String... statements) throws Exception {
    Path db = dir.resolve("gpu_state_2025-11.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
    }
    return db;
  }

  @Test
  void truncatedDatabase() throws Exception {
    ExampleData.build(dir);
    Path db = dir.resolve("gpu_state_2025-11.db");
    byte[] bytes = Files.readAllBytes(db);
    Files.write(db, Arrays.copyOf(bytes, 1500));
    byte[] before = hash(db);
    assertOneLineFailure(report(), "cannot read " + db);
    assertArrayEquals(before, hash(db));
  }

  @Test
  void databaseWithoutTable() throws Exception {
    Path db = sql("CREATE TABLE other (x TEXT)");
    byte[] before = hash(db);
    assertOneLineFailure(report(), "no table gpu_state");
    assertArrayEquals(before, hash(db));
  }

  @Test
  void missingColumnIsNamed() throws Exception {
    // every column but GPUs_DeviceName
    Path db =
        sql(
            "CREATE TABLE gpu_state (Name TEXT, AssignedGPUs TEXT, AvailableGPUs TEXT, State TEXT,"
                + " GPUs_GlobalMemoryMb INTEGER, PrioritizedProjects TEXT, GPUsAverageUsage REAL, Machine TEXT,"
                + " RemoteOwner TEXT, GlobalJobId TEXT, timestamp TEXT)",
            "INSERT INTO gpu_state (Name, AssignedGPUs, State, timestamp)"
                + " VALUES ('slot1@h', 'GPU-1', 'Claimed', '2025-11-03 10:00:00.000000')");
    byte[] before = hash(db);
    assertOneLineFailure(
        report("--end-time", "2025-11-03 11:00:00"), "no such column: GPUs_DeviceName");
    assertArrayEquals(before, hash(db));
  }

  @Test
  void malformedTimestampIsAnUnreadableDatabase() throws Exception {
    new TestDb()
        .row(
            "slot1@h",
            "GPU-1",
            "Claimed",
            "NVIDIA L40S",
            "",
            "h",
            "u",
            "2025-11-03 10:00:05.000000")
        .row(
            "slot1@h",
            "GPU-2",
            "Claimed",
            "NVIDIA L40S",
            "",
            "h",
            "u",
            "2025-11-03 10:0x:05.000000")
        .write(dir.resolve("gpu_state_2025-11.db"));
    assertOneLineFailure(report("--end-time", "2025-11-03 11:00:00"), "malformed timestamp");
  }

  @Test
  void textInNumericColumnsAndNullsEverywhere() throws Exception {
    String t = "2025-11-03 10:00:05.000000";
    new TestDb()
        .row(
            new TestDb.Row(
                "slot1_1@h", "GPU-1", "Claimed", "NVIDIA L40S", "46068", "", "h", "u", t))
        .row(
            new TestDb.Row("slot1_1@h", "GPU-2", "Claimed", "NVIDIA L40S", "lots", "", "h", "u", t))
        .row(new TestDb.Row(null, null, null, null, null, null, null, null, t))
        .write(dir.resolve("gpu_state_2025-11.db"));
    CliResult r = report("--hours-back", "0");
    assertEquals(0, r.exitCode(), r.err());
    String out = Files.readString(dir.resolve("out.txt"));
    // numeric text counts as a number, other text as "no value" (SEMANTICS §3.3)
    assertTrue(out.contains("  48GB: 100.0% (1.0/1.0 GPUs)\n"), out);
    assertTrue(out.contains("  Unknown: 100.0% (1.0/1.0 GPUs)\n"), out);
  }

  @Test
  void aDirectoryAsDbPathPointsToDataDir() throws Exception {
    ExampleData.build(dir);
    CliResult r = Cli.run("report", "--db-path", dir.toString(), "--exclude-hosts", "{}");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "Error: --db-path "
            + dir
            + " is a directory; give a database file, or the directory"
            + " with --data-dir",
        r.err().strip());
  }

  @Test
  void aFileAsDataDirIsNamedAsSuch() throws Exception {
    ExampleData.build(dir);
    Path db = dir.resolve("gpu_state_2025-11.db");
    CliResult r = Cli.run("report", "--data-dir", db.toString(), "--exclude-hosts", "{}");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("Error: data directory " + db + " is not a directory", r.err().strip());
  }

  @Test
  void aSymbolicLinkLoopAsDataDirIsNamedAsSuch() throws Exception {
    Path loop = LinkLoop.in(dir);
    CliResult r = Cli.run("report", "--data-dir", loop.toString(), "--exclude-hosts", "{}");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "Error: cannot list data directory "
            + loop
            + ": too many levels of symbolic links: "
            + loop,
        r.err().strip());
  }

  @Test
  void aSymbolicLinkLoopAsDbPathIsNamedAsSuch() throws Exception {
    Path loop = LinkLoop.in(dir);
    CliResult r = Cli.run("report", "--db-path", loop.toString(), "--exclude-hosts", "{}");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "Error: cannot read " + loop + ": too many levels of symbolic links: " + loop,
        r.err().strip());
  }

  @Test
  void hundredYearWindowIsFine() throws Exception {
    ExampleData.build(dir);
    CliResult r = report("--hours-back", String.valueOf(100 * 366 * 24));
    assertEquals(0, r.exitCode(), r.err());
  }

  @Test
  void unwritableOutputDirectoryFailsAndKeepsNothing() throws Exception {
    ExampleData.build(dir);
    Path target = dir.resolve("no-such-dir").resolve("report.txt");
    CliResult r =
        Cli.run(
            "report",
            "--data-dir",
            dir.toString(),
            "--exclude-hosts",
            "{}",
            "--output-file",
            target.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().startsWith("Error: cannot write output file " + target), r.err());
    assertFalse(Files.exists(target));
  }

  @Test
  void previousOutputFileIsReplacedWholeOnSuccessAndKeptOnFailure() throws Exception {
    ExampleData.build(dir);
    Path target = dir.resolve("report.txt");
    Files.writeString(target, "previous report\n");
    CliResult bad =
        Cli.run(
            "report",
            "--data-dir",
            dir.toString(),
            "--end-time",
            "2020-01-01 00:00:00",
            "--output-file",
            target.toString());
    assertEquals(1, bad.exitCode());
    assertEquals("previous report\n", Files.readString(target));
    CliResult ok =
        Cli.run("report", "--data-dir", dir.toString(), "--output-file", target.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertTrue(Files.readString(target).contains("CHTC GPU UTILIZATION REPORT"));
    try (var s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void reportNeverModifiesTheDatabase() throws Exception {
    ExampleData.build(dir);
    Path db = dir.resolve("gpu_state_2025-11.db");
    byte[] before = hash(db);
    long modified = Files.getLastModifiedTime(db).toMillis();
    assertEquals(0, report("--output-format", "json").exitCode());
    assertArrayEquals(before, hash(db));
    assertEquals(modified, Files.getLastModifiedTime(db).toMillis());
    try (var s = Files.list(dir)) {
      assertTrue(
          s.noneMatch(p -> p.toString().endsWith("-journal") || p.toString().endsWith("-wal")));
    }
  }
}
