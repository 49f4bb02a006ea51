package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.load.GpuStateTable;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector upgrades the worked example's legacy file in place, and {@code report --rules
 * reference} reads files with and without the new columns alike, never changing them.
 */
class UpgradedFileReportTest {
  /** The example's second snapshot is at 10:15:04.654321; the collector's rows come later. */
  private static final String END_TIME = "2025-11-03 10:15:05";

  private static final String MONTH_FILE = "gpu_state_2025-11.db";

  @TempDir Path dir;

  @Test
  void collectIntoTheExampleFileAddsBothColumnsAndTheReportOnOldRowsIsUnchanged() throws Exception {
    ExampleData.build(dir);
    Path file = dir.resolve(MONTH_FILE);
    CliResult before = report(dir);
    assertEquals(0, before.exitCode(), before.err());
    assertTrue(
        before.out().contains("Data Period: 2025-11-03 10:00:05 to 2025-11-03 10:15:04"),
        before.out());

    CliResult collected =
        Cli.with()
            .clock(Fixtures.T2)
            .run(
                "collect",
                "--input",
                Fixtures.writeCollectInput(dir).toString(),
                "--data-dir",
                dir.toString());

    assertEquals(0, collected.exitCode(), collected.err());
    assertEquals(withNewColumns(GpuStateTable.COLUMNS), StoredRows.columns(file));
    assertEquals("33", StoredRows.scalar(file, "SELECT count(*) FROM gpu_state"));
    assertEquals(
        "26",
        StoredRows.scalar(
            file,
            "SELECT count(*) FROM gpu_state WHERE timestamp < '2025-11-03 10:30'"
                + " AND PreventJobsReason IS NULL AND Disk IS NULL"));
    CliResult after = report(dir);
    assertEquals(0, after.exitCode(), after.err());
    assertEquals(before.out(), after.out());
  }

  @Test
  void reportsOverTheSameRowsInLegacyAndNewFilesAgreeAndLeaveBothFilesAlone() throws Exception {
    Path fresh = Files.createDirectory(dir.resolve("new"));
    ExampleData.build(fresh);
    Files.delete(fresh.resolve(MONTH_FILE));
    Fixtures.collector(Fixtures.T1, new StringWriter())
        .collect(Fixtures.fromFile(fresh, Fixtures.writeCollectInput(dir)));
    Path newFile = fresh.resolve(MONTH_FILE);
    assertEquals(withNewColumns(GpuStateTable.COLUMNS), StoredRows.columns(newFile));

    Path legacy = Files.createDirectory(dir.resolve("legacy"));
    ExampleData.build(legacy);
    Path legacyFile = legacy.resolve(MONTH_FILE);
    try (Connection c = StoredRows.open(legacyFile);
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM gpu_state");
      s.execute("ATTACH '" + newFile + "' AS n");
      s.execute(
          "INSERT INTO gpu_state SELECT " + legacyColumns() + " FROM n.gpu_state ORDER BY rowid");
    }
    assertEquals(GpuStateTable.COLUMNS, StoredRows.columns(legacyFile));
    assertEquals("7", StoredRows.scalar(legacyFile, "SELECT count(*) FROM gpu_state"));

    byte[] newBytes = Files.readAllBytes(newFile);
    byte[] legacyBytes = Files.readAllBytes(legacyFile);
    CliResult onNew = report(fresh);
    CliResult onLegacy = report(legacy);

    assertEquals(0, onNew.exitCode(), onNew.err());
    assertEquals(0, onLegacy.exitCode(), onLegacy.err());
    assertTrue(
        onNew.out().contains("Data Period: 2025-11-03 10:15:04 to 2025-11-03 10:15:04"),
        onNew.out());
    assertEquals(onLegacy.out(), onNew.out());
    assertArrayEquals(newBytes, Files.readAllBytes(newFile));
    assertArrayEquals(legacyBytes, Files.readAllBytes(legacyFile));
    assertEquals(List.of(MONTH_FILE), databaseFiles(fresh));
    assertEquals(List.of(MONTH_FILE), databaseFiles(legacy));
  }

  private static CliResult report(Path dataDir) {
    return Cli.run(
        "report",
        "--data-dir",
        dataDir.toString(),
        "--chtc-owned",
        dataDir.resolve("chtc_owned_hosts.txt").toString(),
        "--exclude-hosts-yaml",
        dataDir.resolve("masked_hosts.yaml").toString(),
        "--rules",
        "reference",
        "--hours-back",
        "24",
        "--end-time",
        END_TIME);
  }

  private static List<String> withNewColumns(List<String> legacy) {
    List<String> columns = new ArrayList<>(legacy);
    CollectedTable.ADDED_COLUMNS.forEach(c -> columns.add(c.name()));
    return columns;
  }

  private static String legacyColumns() {
    return String.join(", ", GpuStateTable.COLUMNS.stream().map(c -> '"' + c + '"').toList());
  }

  /** Files of the directory whose names start with {@code gpu_state}, journals included. */
  private static List<String> databaseFiles(Path dataDir) throws Exception {
    try (Stream<Path> s = Files.list(dataDir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("gpu_state"))
          .sorted()
          .toList();
    }
  }
}
