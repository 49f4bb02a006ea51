package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report pointed at Parquet months from the command line (docs/metrics.md, "Parquet months"): a
 * month stored twice, {@code --input-format}, {@code --db-path} of a Parquet file, a file named for
 * another month than its rows, and broken files, each with its one line and exit code.
 */
class ParquetStoreCliTest {
  @TempDir Path dir;

  private Path sqlite;
  private Path parquet;

  @BeforeEach
  void stores() {
    sqlite = dir.resolve("sqlite");
    parquet = dir.resolve("parquet");
    CliResult sample =
        Cli.run(
            "sample",
            "--out",
            sqlite.toString(),
            "--days",
            "1",
            "--start",
            "2025-10-20",
            "--hosts",
            "24",
            "--quiet");
    assertEquals(0, sample.exitCode(), sample.err());
    CliResult export =
        Cli.run("export", "--data-dir", sqlite.toString(), "--out", parquet.toString(), "--quiet");
    assertEquals(0, export.exitCode(), export.err());
  }

  private static CliResult report(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "report";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(all);
  }

  private static void assertOneLineError(CliResult r, int exitCode, String... parts) {
    assertEquals(exitCode, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("Error: "), r.err());
    for (String part : parts) {
      assertTrue(r.err().contains(part), part + " in " + r.err());
    }
  }

  @Test
  void aMonthStoredTwiceIsAUsageErrorUntilInputFormatChooses() throws Exception {
    Path db = sqlite.resolve("gpu_state_2025-10.db");
    Path copy = sqlite.resolve("gpu_state_2025-10.parquet");
    Files.copy(parquet.resolve("gpu_state_2025-10.parquet"), copy);
    assertOneLineError(report("--data-dir", sqlite.toString()), 2, db.toString(), copy.toString());
    CliResult fromSqlite = report("--data-dir", sqlite.toString(), "--input-format", "sqlite");
    CliResult fromParquet = report("--data-dir", sqlite.toString(), "--input-format", "parquet");
    assertEquals(0, fromSqlite.exitCode(), fromSqlite.err());
    assertEquals(fromSqlite.out(), fromParquet.out());
  }

  @Test
  void anUnknownInputFormatIsAUsageError() {
    CliResult r = report("--data-dir", sqlite.toString(), "--input-format", "csv");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("expected sqlite or parquet but was 'csv'"), r.err());
  }

  @Test
  void aParquetDbPathIsReadLikeADb() throws Exception {
    CliResult expected = report("--db-path", sqlite.resolve("gpu_state_2025-10.db").toString());
    CliResult monthly =
        report("--db-path", parquet.resolve("gpu_state_2025-10.parquet").toString());
    Path single =
        Files.copy(parquet.resolve("gpu_state_2025-10.parquet"), dir.resolve("x.parquet"));
    CliResult alone = report("--db-path", single.toString());
    assertEquals(0, expected.exitCode(), expected.err());
    assertEquals(expected.out(), monthly.out());
    assertEquals(expected.out(), alone.out());
  }

  @Test
  void aFileNamedForAnotherMonthIsReadByItsRowsWithAWarning() throws Exception {
    CliResult expected = report("--data-dir", parquet.toString());
    Path misnamed = parquet.resolve("gpu_state_2025-12.parquet");
    Files.move(parquet.resolve("gpu_state_2025-10.parquet"), misnamed);
    CliResult r = report("--data-dir", parquet.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(expected.out(), r.out());
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("Warning: ")).count(), r.err());
    assertTrue(r.err().contains(misnamed + " holds rows from 2025-10-20"), r.err());
    assertTrue(r.err().contains("not only of 2025-12"), r.err());
  }

  @Test
  void aTruncatedParquetMonthIsAOneLineRuntimeError() throws Exception {
    Path file = parquet.resolve("gpu_state_2025-10.parquet");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertOneLineError(report("--data-dir", parquet.toString()), 1, file.toString());
  }

  @Test
  void aTextFileNamedParquetIsAOneLineRuntimeError() throws Exception {
    Path file = parquet.resolve("gpu_state_2025-11.parquet");
    Files.writeString(file, "timestamp,Name\n2025-11-01 00:00:00,slot1@a\n");
    CliResult r = report("--data-dir", parquet.toString());
    assertOneLineError(r, 1, file.toString(), "not a Parquet file");
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
