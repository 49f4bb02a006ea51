package io.gpureport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpureport export} through the command line: exit status and the one-line messages. */
class ExportCommandTest {
  @TempDir Path dir;

  private Path data() throws Exception {
    return ExampleData.build(Files.createDirectories(dir.resolve("data")));
  }

  private String out() {
    return dir.resolve("out").toString();
  }

  private static void assertOneLineError(CliResult r, int code, String line) {
    assertEquals(code, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(List.of(line), r.err().lines().toList());
  }

  @Test
  void exportsTheExampleMonthWithOneSummaryLine() throws Exception {
    Path data = data();
    CliResult r =
        Cli.run("export", "--data-dir", data.toString(), "--out", out(), "--format", "parquet");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out(), "stdout stays clean");
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(
        lines
            .get(0)
            .matches("Wrote .*gpu_state_2025-11\\.parquet: [0-9,]+ rows, [0-9.]+ MiB in [0-9.]+ s"),
        lines.get(0));
    try (Stream<Path> list = Files.list(dir.resolve("out"))) {
      assertEquals(
          List.of("gpu_state_2025-11.parquet"), list.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void quietPrintsNothingAndTheFormatDefaultsToParquet() throws Exception {
    Path data = data();
    CliResult r = Cli.run("export", "--data-dir", data.toString(), "--out", out(), "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertTrue(Files.isRegularFile(dir.resolve("out/gpu_state_2025-11.parquet")));
  }

  @Test
  void anExistingMonthIsRefusedWithoutForce() throws Exception {
    Path data = data();
    assertEquals(
        0, Cli.run("export", "--data-dir", data.toString(), "--out", out(), "-q").exitCode());
    Path target = dir.resolve("out/gpu_state_2025-11.parquet");
    byte[] first = Files.readAllBytes(target);
    assertOneLineError(
        Cli.run("export", "--data-dir", data.toString(), "--out", out()),
        1,
        "Error: " + target + " exists; give --force to replace it");
    CliResult forced = Cli.run("export", "--data-dir", data.toString(), "--out", out(), "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertEquals(first.length, Files.readAllBytes(target).length);
  }

  @Test
  void aMissingDataDirectory() {
    Path missing = dir.resolve("nowhere");
    assertOneLineError(
        Cli.run("export", "--data-dir", missing.toString(), "--out", out()),
        1,
        "Error: data directory not found: " + missing);
  }

  @Test
  void aDirectoryWithoutMonthFiles() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertOneLineError(
        Cli.run("export", "--data-dir", empty.toString(), "--out", out()),
        1,
        "Error: No database files found in " + empty + ".");
  }

  @Test
  void aCorruptMonthFile() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path bad = data.resolve("gpu_state_2025-11.db");
    Files.write(
        bad, "this is not a database, just text".repeat(200).getBytes(StandardCharsets.UTF_8));
    CliResult r = Cli.run("export", "--data-dir", data.toString(), "--out", out());
    assertEquals(1, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("Error: cannot read " + bad + ": "), r.err());
    assertTrue(Files.notExists(dir.resolve("out")), "nothing created");
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliResult r = Cli.run("export", "--data-dir", empty.toString(), "--out", out(), "--verbose");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().lines().count() > 1, r.err());
  }

  @Test
  void outIsAFile() throws Exception {
    Path data = data();
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertOneLineError(
        Cli.run("export", "--data-dir", data.toString(), "--out", file.toString()),
        1,
        "Error: --out " + file + " is not a directory");
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    Path data = data();
    String d = data.toString();
    assertOneLineError(
        Cli.run("export", "--data-dir", d, "--out", out(), "--from", "2025-13-01"),
        2,
        "Error: Invalid value for option '--from': expected a date YYYY-MM-DD but was"
            + " '2025-13-01'");
    assertOneLineError(
        Cli.run("export", "--data-dir", d, "--out", out(), "--format", "csv"),
        2,
        "Error: Invalid value for option '--format': expected parquet but was 'csv'");
    assertOneLineError(
        Cli.run(
            "export",
            "--data-dir",
            d,
            "--out",
            out(),
            "--from",
            "2025-11-05",
            "--to",
            "2025-11-01"),
        2,
        "Error: --to 2025-11-01 is before --from 2025-11-05");
    assertOneLineError(
        Cli.run(
            "export", "--data-dir", d, "--db-path", d + "/gpu_state_2025-11.db", "--out", out()),
        2,
        "Error: give --db-path or --data-dir, not both");
    assertEquals(2, Cli.run("export", "--data-dir", d).exitCode(), "--out is required");
  }

  @Test
  void aWindowWithoutRowsIsNoData() throws Exception {
    Path data = data();
    CliResult r =
        Cli.run(
            "export",
            "--data-dir",
            data.toString(),
            "--out",
            out(),
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31");
    assertOneLineError(r, 1, "No rows to export in " + data + " from 2024-01-01 to 2024-01-31.");
  }
}
