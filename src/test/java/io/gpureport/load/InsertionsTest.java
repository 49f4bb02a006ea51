package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file's rowids tell without a scan, which sizes the report's default chunks. */
class InsertionsTest {
  @TempDir Path dir;

  /** The insertions of a monthly file of 2025, through the source (a segment is a file). */
  private static Insertions insertions(Path file) {
    SlotSource source = SlotSource.open(file, null, 1);
    TimeRange year =
        TimeRange.closed(
            Timestamps.parseUser("2025-01-01 00:00:00"),
            Timestamps.parseUser("2025-12-31 23:59:59"));
    Segment segment =
        source.segmentsFor(year).stream()
            .filter(s -> s.label().equals(file.toString()))
            .findFirst()
            .orElseThrow();
    return source.insertions(segment);
  }

  @Test
  void rowsAndMicrosOfACollectorOrderedFile() throws Exception {
    CliResult r =
        Cli.run("sample", "--out", dir.toString(), "--days", "1", "--start", "2025-10-30", "-q");
    assertEquals(0, r.exitCode(), r.err());
    Path file = dir.resolve("gpu_state_2025-10.db");

    Insertions in = insertions(file);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*), min(timestamp), max(timestamp) FROM gpu_state")) {
      rs.next();
      assertEquals(rs.getLong(1), in.rows());
      long span = Timestamps.parseStored(rs.getString(3)) - Timestamps.parseStored(rs.getString(2));
      assertEquals(span, in.micros());
    }
  }

  @Test
  void rowsInsertedOutOfTimeOrderNeverLowerTheRate() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE gpu_state (timestamp TEXT)");
      // the first and last inserted rows are inside the span: the rate is overestimated, never
      // under
      s.execute("INSERT INTO gpu_state VALUES ('2025-11-02 00:00:00.000000')");
      s.execute("INSERT INTO gpu_state VALUES ('2025-11-01 00:00:00.000000')");
      s.execute("INSERT INTO gpu_state VALUES ('2025-11-05 00:00:00.000000')");
      s.execute("INSERT INTO gpu_state VALUES ('2025-11-03 00:00:00.000000')");
    }
    Insertions in = insertions(file);
    assertEquals(4, in.rows());
    assertEquals(86_400_000_000L, in.micros());
    assertTrue(in.micros() < 4 * 86_400_000_000L, "shorter than the true span");
  }

  @Test
  void anEmptyOrOneInstantFileHasNoRate() throws Exception {
    Path file = dir.resolve("gpu_state_2025-12.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE gpu_state (timestamp TEXT)");
      assertEquals(new Insertions(0, -1), insertions(file));
      s.execute("INSERT INTO gpu_state VALUES ('2025-12-01 00:00:00.000000')");
      s.execute("INSERT INTO gpu_state VALUES ('2025-12-01 00:00:00.000000')");
    }
    assertEquals(new Insertions(2, -1), insertions(file));
  }
}
