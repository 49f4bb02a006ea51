package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpureport collect} through the real command line: exit codes, streams, condor_status. */
class CollectCommandTest {
  private static final String PROJECTION =
      "Name,AssignedGPUs,AvailableGPUs,State,GPUs_DeviceName,GPUs_GlobalMemoryMb,"
          + "PrioritizedProjects,GPUsAverageUsage,Machine,RemoteOwner,GlobalJobId,"
          + "PreventJobsReason,Disk";

  @TempDir Path dir;

  /** Runs with the system clock, as the collector stamps snapshots with the time of the run. */
  static CliResult run(String... args) {
    return Cli.with().clock(Clock.systemDefaultZone()).run(args);
  }

  @Test
  void c1FromAFile() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Path data = Files.createDirectory(dir.resolve("data"));

    // the snapshot is stamped with the injected clock's local time, to the microsecond
    Clock clock = Clock.fixed(Instant.parse("2025-12-03T08:00:00.123456Z"), ZoneOffset.UTC);
    CliResult r =
        Cli.with()
            .clock(clock)
            .run("collect", "--input", input.toString(), "--data-dir", data.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    Path file = onlyDatabase(data);
    assertEquals("gpu_state_2025-12.db", file.getFileName().toString());
    assertEquals(
        "Wrote 7 rows (6 slots) to gpu_state_2025-12.db at 2025-12-03 08:00:00.123456\n",
        r.err().replace(System.lineSeparator(), "\n"));
    assertEquals(CollectorTest.c1Rows("2025-12-03 08:00:00.123456"), StoredRows.read(file));
  }

  @Test
  void c1FromStandardInput() throws Exception {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(Fixtures.collectInput()));
      CliResult r = run("collect", "--input", "-", "--data-dir", dir.toString());
      assertEquals(0, r.exitCode(), r.err());
      assertEquals("", r.out());
      assertEquals(7, StoredRows.read(onlyDatabase(dir)).size());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  @Timeout(30)
  void aNamedPipeIsReadOnceAndSpooled() throws Exception {
    // `--input <(condor_status -json)` hands the collector a pipe, which cannot be read twice.
    Path fifo = dir.resolve("status.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.write(fifo, Fixtures.collectInput());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();
    Path data = Files.createDirectory(dir.resolve("data"));
    CliResult r = run("collect", "--input", fifo.toString(), "--data-dir", data.toString());
    writer.join();
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(7, StoredRows.read(onlyDatabase(data)).size());
  }

  @Test
  void aDirectoryAsInputIsExitOne() throws Exception {
    CliResult r = run("collect", "--input", dir.toString(), "--data-dir", dir.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertOneErrorLine(r, "Error: cannot read input file " + dir + ": it is a directory");
  }

  @Test
  void zeroAdsExitZeroWithAStatusLine() throws Exception {
    Path input = Fixtures.writeInput(dir, "[]");
    CliResult r = run("collect", "--input", input.toString(), "--data-dir", dir.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("No slot ads in input file "), r.err());
    assertEquals(List.of(), databases(dir));
  }

  @Test
  void garbageJsonIsExitOneWithOneErrorLine() throws Exception {
    Path input = Fixtures.writeInput(dir, "[{\"Name\": \"slot1@h\", oops}]");
    CliResult r = run("collect", "--input", input.toString(), "--data-dir", dir.toString());
    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertOneErrorLine(r, "Error: invalid JSON in input file " + input + " at line 1, column ");
    assertEquals(List.of(), databases(dir));
  }

  @Test
  void truncatedJsonIsOneCleanErrorLine() throws Exception {
    Path input = Fixtures.writeInput(dir, "[{");
    CliResult r = run("collect", "--input", input.toString(), "--data-dir", dir.toString());
    assertEquals(1, r.exitCode());
    assertEquals(
        "Error: invalid JSON in input file "
            + input
            + " at line 1, column 3:"
            + " unexpected end of input: the object opened at line 1, column 2 is not closed\n",
        r.err());
    assertEquals(List.of(), databases(dir));
  }

  @Test
  void objectInsteadOfArrayIsExitOne() throws Exception {
    Path input = Fixtures.writeInput(dir, "{\"Name\": \"slot1@h\"}");
    CliResult r = run("collect", "--input", input.toString(), "--data-dir", dir.toString());
    assertEquals(1, r.exitCode());
    assertOneErrorLine(r, "Error: invalid JSON in input file ");
    assertTrue(r.err().contains("not a JSON array of slot ads (found an object)"), r.err());
    assertEquals(List.of(), databases(dir));
  }

  @Test
  void missingDataDirIsExitOne() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Path missing = dir.resolve("missing");
    CliResult r = run("collect", "--input", input.toString(), "--data-dir", missing.toString());
    assertEquals(1, r.exitCode());
    assertOneErrorLine(r, "Error: data directory not found: " + missing);
    assertFalse(Files.exists(missing));
  }

  @Test
  void verbosePrintsAStackTraceOnError() throws Exception {
    Path input = Fixtures.writeInput(dir, "nonsense");
    CliResult r =
        run("collect", "--input", input.toString(), "--data-dir", dir.toString(), "--verbose");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().startsWith("Error: invalid JSON"), r.err());
    assertTrue(r.err().contains("\tat io.gpureport.collect."), r.err());
  }

  @Test
  void usageErrorsAreExitTwo() {
    assertEquals(2, run("collect", "--timeout", "0").exitCode());
    assertEquals(2, run("collect", "--timeout", "abc").exitCode());
    assertEquals(2, run("collect", "--no-such-option").exitCode());
    CliResult help = run("collect", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--condor-status"), help.out());
  }

  @Test
  void runsCondorStatusWithTheExactArgumentVector() throws Exception {
    Path args = dir.resolve("args.txt");
    Path input = Fixtures.writeCollectInput(dir);
    Path script =
        script(
            "printf '%s\\n' \"$@\" > '"
                + args
                + "'\n"
                + "cat '"
                + input
                + "'\n"
                + "echo 'some warning' >&2\n");

    CliResult r =
        run("collect", "--condor-status", script.toString(), "--data-dir", dir.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("Wrote 7 rows (6 slots) to gpu_state_"), r.err());
    assertEquals(
        List.of("-json", "-constraint", "GPUs >= 1", "-attributes", PROJECTION),
        Files.readAllLines(args));
    assertEquals(7, StoredRows.read(onlyDatabase(dir)).size());

    CliResult pooled =
        run(
            "collect",
            "--condor-status",
            script.toString(),
            "--pool",
            "cm.example.edu:9618",
            "--data-dir",
            dir.toString());
    assertEquals(0, pooled.exitCode(), pooled.err());
    assertEquals(
        List.of(
            "-pool",
            "cm.example.edu:9618",
            "-json",
            "-constraint",
            "GPUs >= 1",
            "-attributes",
            PROJECTION),
        Files.readAllLines(args));
    assertEquals(14, StoredRows.read(onlyDatabase(dir)).size());
  }

  @Test
  void failingCondorStatusIsExitOneAndQuotesItsStderr() throws Exception {
    Path script =
        script(
            "echo '[{\"Name\": \"slot1@h\"}]'\n"
                + "echo 'Error: communication error' >&2\n"
                + "echo 'CEDAR:6001:Failed to connect to <cm:9618>' >&2\n"
                + "exit 3\n");

    CliResult r =
        run("collect", "--condor-status", script.toString(), "--data-dir", dir.toString());

    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertOneErrorLine(
        r,
        "Error: "
            + script
            + " failed with exit status 3: Error: communication error"
            + " CEDAR:6001:Failed to connect to <cm:9618>");
    assertEquals(List.of(), databases(dir));
  }

  @Test
  void missingCondorStatusIsExitOne() throws Exception {
    Path missing = dir.resolve("no_condor_status");
    CliResult r =
        run("collect", "--condor-status", missing.toString(), "--data-dir", dir.toString());
    assertEquals(1, r.exitCode());
    assertOneErrorLine(r, "Error: cannot run " + missing + ": ");
  }

  @Test
  @Timeout(30)
  void hangingCondorStatusIsKilledAfterTheTimeout() throws Exception {
    Path childPid = dir.resolve("child.pid");
    Path script =
        script(
            "echo 'waiting for the collector' >&2\n"
                + "sleep 60 &\n"
                + "echo $! > '"
                + childPid
                + "'\n"
                + "wait\n");
    long started = System.nanoTime();

    CliResult r =
        run(
            "collect",
            "--condor-status",
            script.toString(),
            "--timeout",
            "1",
            "--data-dir",
            dir.toString());

    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertOneErrorLine(
        r, "Error: " + script + " timed out after 1 s and was killed: waiting for the collector");
    assertTrue(seconds < 15, "took " + seconds + " s");
    long pid = Long.parseLong(Files.readString(childPid).strip());
    // killed, but SIGKILL is delivered asynchronously: wait for the exit itself
    Optional<ProcessHandle> child = ProcessHandle.of(pid);
    if (child.isPresent()) {
      try {
        child.get().onExit().get(5, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        fail("child " + pid + " of the script is still running");
      }
    }
    assertEquals(List.of(), databases(dir));
  }

  private Path script(String body) throws IOException {
    Path script = Files.createTempFile(dir, "condor_status-", ".sh");
    Files.writeString(script, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static void assertOneErrorLine(CliResult r, String prefix) {
    assertTrue(r.err().startsWith(prefix), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  private static Path onlyDatabase(Path dir) throws IOException {
    List<Path> files = databases(dir);
    assertEquals(1, files.size(), files.toString());
    return files.get(0);
  }

  private static List<Path> databases(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("gpu_state")).toList();
    }
  }
}
