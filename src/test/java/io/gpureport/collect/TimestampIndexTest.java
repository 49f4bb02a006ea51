package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.load.GpuStateTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpureport index}: the timestamp index is added to legacy files, and nothing else changes.
 */
class TimestampIndexTest {
  @TempDir Path dir;

  private CliResult report() {
    return Cli.run(
        "report",
        "--data-dir",
        dir.toString(),
        "--output-format",
        "json",
        "--chtc-owned",
        dir.resolve("chtc_owned_hosts.txt").toString(),
        "--exclude-hosts-yaml",
        dir.resolve("masked_hosts.yaml").toString());
  }

  private static boolean indexed(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      return GpuStateTable.hasTimestampIndex(c);
    }
  }

  private static byte[] hash(Path f) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
  }

  @Test
  void aLegacyFileGetsTheIndexAndKeepsEveryRowAndEveryNumber() throws Exception {
    ExampleData.build(dir);
    Path db = dir.resolve("gpu_state_2025-11.db");
    assertFalse(indexed(db));
    List<String> rows = StoredRows.read(db);
    CliResult before = report();
    assertEquals(0, before.exitCode(), before.err());

    CliResult r = Cli.run("index", "--data-dir", dir.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().matches("Indexed gpu_state_2025-11\\.db in \\d+\\.\\d s\\R"), r.err());
    assertTrue(indexed(db));
    assertEquals(rows, StoredRows.read(db));
    assertEquals(before.out(), report().out());
  }

  @Test
  void aFileThatHasTheIndexIsLeftAlone() throws Exception {
    ExampleData.build(dir);
    ExampleData.addDecemberFile(dir);
    assertEquals(0, Cli.run("index", "--data-dir", dir.toString()).exitCode());
    byte[] november = hash(dir.resolve("gpu_state_2025-11.db"));

    CliResult again = Cli.run("index", "--data-dir", dir.toString());

    assertEquals(0, again.exitCode(), again.err());
    assertEquals(
        "gpu_state_2025-11.db already has the timestamp index\n"
            + "gpu_state_2025-12.db already has the timestamp index\n",
        again.err());
    assertArrayEquals(november, hash(dir.resolve("gpu_state_2025-11.db")));
  }

  @Test
  void aFileWithoutTheTableIsNamedAndUnchanged() throws Exception {
    Path db = dir.resolve("gpu_state_2025-11.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE other (x TEXT)");
    }
    byte[] before = hash(db);
    CliResult r = Cli.run("index", "--data-dir", dir.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("Error: cannot index " + db + ": no table gpu_state", r.err().strip());
    assertArrayEquals(before, hash(db));
  }

  @Test
  void aDirectoryWithoutMonthlyFilesIsAnError() {
    CliResult r = Cli.run("index", "--data-dir", dir.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("Error: No database files found in " + dir + ".", r.err().strip());
  }
}
