package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and directories the user may not read or write: a one-line error naming the file and the
 * cause, the right exit code, nothing written and nothing changed. Each case runs in a child JVM
 * that file permissions bind (see {@link io.gpureport.cli.ChildJvm#boundByFilePermissions()}).
 */
class FilePermissionsIT {
  @TempDir Path tmp;

  private Path data;
  private Path db;
  private final List<Path> restore = new ArrayList<>();

  @BeforeEach
  void exampleData() throws Exception {
    data = Files.createDirectory(tmp.resolve("data"));
    ExampleData.build(data);
    db = data.resolve("gpu_state_2025-11.db");
  }

  @AfterEach
  void restorePermissions() throws IOException {
    for (Path p : restore) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private void chmod(Path p, String mode) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    restore.add(p);
  }

  private static CliResult child(String... args) {
    return Cli.childJvm().boundByFilePermissions().run(args);
  }

  private List<String> report(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                data.toString(),
                "--exclude-hosts-yaml",
                data.resolve("masked_hosts.yaml").toString(),
                "--chtc-owned",
                data.resolve("chtc_owned_hosts.txt").toString()));
    args.addAll(List.of(extra));
    return args;
  }

  private static void assertOneLineError(CliResult r, int exitCode, String expected) {
    assertEquals(exitCode, r.exitCode(), r.err());
    assertEquals(expected, r.err().strip(), r.err());
    assertEquals("", r.out());
  }

  private static byte[] hash(Path f) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anUnreadableDatabaseIsNamedWithItsCause() throws Exception {
    byte[] before = hash(db);
    chmod(db, "---------");
    CliResult r = child(report().toArray(String[]::new));
    assertOneLineError(r, 1, "Error: cannot read " + db + ": permission denied");
    assertArrayEquals(before, hash(db));
  }

  @Test
  void anUnreadableDataDirectoryIsNamedWithItsCause() throws Exception {
    chmod(data, "-wx------");
    CliResult r = child(report().toArray(String[]::new));
    assertOneLineError(
        r, 1, "Error: cannot list data directory " + data + ": permission denied: " + data);
  }

  @Test
  void aDataDirectoryBehindAnUnsearchableParentIsNotCalledMissing() throws Exception {
    Path inner = Files.createDirectories(tmp.resolve("locked/inner"));
    Files.copy(db, inner.resolve(db.getFileName()));
    chmod(tmp.resolve("locked"), "rw-------");
    CliResult r = child("report", "--data-dir", inner.toString(), "--exclude-hosts", "{}");
    assertOneLineError(r, 1, "Error: cannot list data directory " + inner + ": permission denied");
  }

  @Test
  void aConfigurationFileBehindAnUnsearchableParentIsNotCalledMissing() throws Exception {
    Path locked = Files.createDirectory(tmp.resolve("locked"));
    Path yaml = Files.copy(data.resolve("masked_hosts.yaml"), locked.resolve("masked_hosts.yaml"));
    chmod(locked, "rw-------");
    CliResult r =
        child("report", "--data-dir", data.toString(), "--exclude-hosts-yaml", yaml.toString());
    assertOneLineError(
        r, 2, "Error: cannot read exclusion file " + yaml + ": permission denied: " + yaml);
  }

  @Test
  void readAccessAloneIsEnoughForAReport() throws Exception {
    List<String> before = names(data);
    byte[] hash = hash(db);
    String expected =
        Cli.run(report("--end-time", "2025-11-03 10:30:05").toArray(String[]::new)).out();
    chmod(db, "r--r--r--");
    chmod(data, "r-xr-xr-x");
    CliResult r = child(report("--end-time", "2025-11-03 10:30:05").toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(expected.contains("REAL SLOTS"), expected);
    assertEquals(expected, r.out());
    assertEquals(before, names(data), "no journal, WAL or lock file is left behind");
    assertArrayEquals(hash, hash(db));
  }

  @Test
  void anUnwritableOutputDirectoryKeepsThePreviousReport() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Path target = Files.writeString(out.resolve("report.txt"), "previous report\n");
    chmod(out, "r-xr-xr-x");
    CliResult r = child(report("--output-file", target.toString()).toArray(String[]::new));
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "Error: cannot write output file " + target + ": permission denied in directory " + out,
        r.err().strip());
    assertEquals("previous report\n", Files.readString(target));
    assertEquals(List.of("report.txt"), names(out));
  }

  @Test
  void anUnreadableExclusionFileIsAUsageError() throws Exception {
    Path yaml = data.resolve("masked_hosts.yaml");
    chmod(yaml, "---------");
    CliResult r = child(report().toArray(String[]::new));
    assertOneLineError(
        r, 2, "Error: cannot read exclusion file " + yaml + ": permission denied: " + yaml);
  }

  @Test
  void anUnreadableCollectorInputIsNamed() throws Exception {
    Path input = Files.writeString(tmp.resolve("status.json"), "[]");
    chmod(input, "---------");
    CliResult r = child("collect", "--data-dir", data.toString(), "--input", input.toString());
    assertOneLineError(r, 1, "Error: cannot read input file " + input + ": permission denied");
  }

  @Test
  void aCollectorInputBehindAnUnsearchableParentIsNotCalledMissing() throws Exception {
    Path locked = Files.createDirectory(tmp.resolve("locked"));
    Path input = Files.writeString(locked.resolve("status.json"), "[]");
    chmod(locked, "rw-------");
    CliResult r = child("collect", "--data-dir", data.toString(), "--input", input.toString());
    assertOneLineError(r, 1, "Error: cannot read input file " + input + ": permission denied");
  }

  private Path collectInput() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/collect/collect-input.json")) {
      return Files.write(tmp.resolve("status.json"), in.readAllBytes());
    }
  }

  @Test
  void aCollectorWithoutWriteAccessToTheDirectoryChangesNothing() throws Exception {
    Path input = collectInput();
    List<String> before = names(data);
    byte[] hash = hash(db);
    YearMonth month = YearMonth.now();
    chmod(data, "r-xr-xr-x");
    CliResult r = child("collect", "--data-dir", data.toString(), "--input", input.toString());
    assumeTrue(month.equals(YearMonth.now()), "the month changed during the test");
    assertOneLineError(
        r,
        1,
        "Error: cannot write "
            + data.resolve("gpu_state_" + month + ".db")
            + ": permission denied in directory "
            + data);
    assertEquals(before, names(data));
    assertArrayEquals(hash, hash(db));
  }

  @Test
  void aCollectorWithoutWriteAccessToTheMonthlyFileChangesNothing() throws Exception {
    Path input = collectInput();
    YearMonth month = YearMonth.now();
    Path monthly = data.resolve("gpu_state_" + month + ".db");
    if (!Files.exists(monthly)) {
      Files.copy(db, monthly);
    }
    byte[] hash = hash(monthly);
    List<String> before = names(data);
    chmod(monthly, "r--r--r--");
    CliResult r = child("collect", "--data-dir", data.toString(), "--input", input.toString());
    assumeTrue(month.equals(YearMonth.now()), "the month changed during the test");
    assertOneLineError(r, 1, "Error: cannot write " + monthly + ": permission denied");
    assertEquals(before, names(data));
    assertArrayEquals(hash, hash(monthly));
  }
}
