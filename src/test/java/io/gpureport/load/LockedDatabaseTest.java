package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that holds an exclusive lock longer than the busy timeout: the report fails with one
 * line instead of hanging. The timeout is shortened for the test (it is a constant of the
 * connection setup, read once per JVM: surefire sets it; see pom.xml).
 */
class LockedDatabaseTest {
  @TempDir Path dir;

  @Test
  void exclusiveWriterBeyondTheBusyTimeout() throws Exception {
    ExampleData.build(dir);
    try (Connection writer =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gpu_state_2025-11.db"));
        Statement s = writer.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      s.execute("INSERT INTO gpu_state (Name) VALUES ('pending')");
      CliResult r =
          Cli.run(
              "report",
              "--data-dir",
              dir.toString(),
              "--exclude-hosts",
              "{}",
              "--end-time",
              "2025-11-03 10:15:05");
      assertEquals(1, r.exitCode(), r.err());
      assertTrue(r.err().startsWith("Error: cannot read "), r.err());
      assertTrue(r.err().contains("locked"), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      s.execute("ROLLBACK");
    }
    CliResult after =
        Cli.run(
            "report",
            "--data-dir",
            dir.toString(),
            "--exclude-hosts",
            "{}",
            "--end-time",
            "2025-11-03 10:15:05");
    assertEquals(0, after.exitCode(), after.err());
  }
}
