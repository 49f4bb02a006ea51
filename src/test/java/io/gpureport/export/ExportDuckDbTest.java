package io.gpureport.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.load.Timestamps;
import io.gpureport.sample.SampleGenerator;
import io.gpureport.sample.SampleSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another engine reads the export: DuckDB's own Parquet reader agrees with SQLite on the row count,
 * the first and last timestamp (as a naive {@code TIMESTAMP}) and the rows per state and device of
 * a generated sample month.
 */
class ExportDuckDbTest {
  @TempDir Path dir;

  @Test
  void duckDbReadsTheExportAsSqliteHoldsIt() throws Exception {
    Path data = dir.resolve("data");
    SampleGenerator.generate(
        new SampleSpec(data, 2, 11, LocalDateTime.of(2025, 11, 10, 0, 0), 30, false));
    Path db = data.resolve("gpu_state_2025-11.db");
    new Exporter(new PrintWriter(new StringWriter()), false)
        .export(
            new ExportRequest(
                null, data, dir.resolve("out"), ExportFormat.PARQUET, null, null, false, true));
    Path parquet = dir.resolve("out/gpu_state_2025-11.parquet");

    List<String> sqlite = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT count(*), min(timestamp), max(timestamp) FROM gpu_state")) {
        rs.next();
        sqlite.add(
            rs.getLong(1)
                + " "
                + Timestamps.parseStored(rs.getString(2))
                + " "
                + Timestamps.parseStored(rs.getString(3))
                + " TIMESTAMP");
      }
      sqlite.addAll(groups(s, "gpu_state"));
    }

    List<String> duck = new ArrayList<>();
    try (Connection c = duckDb();
        Statement s = c.createStatement()) {
      String from = "read_parquet('" + parquet.toString().replace("'", "''") + "')";
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), epoch_us(min(timestamp)), epoch_us(max(timestamp)),"
                  + " any_value(typeof(timestamp)) FROM "
                  + from)) {
        rs.next();
        duck.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getString(4));
      }
      duck.addAll(groups(s, from));
    }
    assertEquals(sqlite, duck);
    try (Stream<Path> list = Files.list(dir.resolve("out"))) {
      assertEquals(1, list.count());
    }
  }

  @Test
  void theReadmeQueryCountsTheSlotsOfEachDay() throws Exception {
    Path data = dir.resolve("data");
    SampleGenerator.generate(
        new SampleSpec(data, 2, 5, LocalDateTime.of(2025, 10, 31, 0, 0), 24, false));
    Path out = dir.resolve("sample-parquet");
    new Exporter(new PrintWriter(new StringWriter()), false)
        .export(new ExportRequest(null, data, out, ExportFormat.PARQUET, null, null, false, true));

    List<String> expected = new ArrayList<>();
    for (String month : List.of("2025-10", "2025-11")) {
      Path db = data.resolve("gpu_state_" + month + ".db");
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT substr(timestamp, 1, 10), count(*),"
                      + " round(100.0 * sum(State = 'Claimed') / count(*), 1)"
                      + " FROM gpu_state GROUP BY 1 ORDER BY 1")) {
        while (rs.next()) {
          expected.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getDouble(3));
        }
      }
    }

    String sql =
        readmeQuery().replace("'sample-parquet/", "'" + out.toString().replace("'", "''") + "/");
    List<String> actual = new ArrayList<>();
    try (Connection c = duckDb();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        actual.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getDouble(3));
      }
    }
    assertTrue(expected.size() >= 2, "days across the month end: " + expected);
    assertEquals(expected, actual);
  }

  /** The SQL of the README's {@code duckdb -c "..."} command. */
  private static String readmeQuery() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("user.dir"), "README.md"));
    Matcher m = Pattern.compile("(?m)^duckdb -c \"([^\"]+)\"$").matcher(readme);
    assertTrue(m.find(), "README.md has a duckdb -c \"...\" command");
    return m.group(1);
  }

  /** Rows per state and device model, NULLs included, as text lines. */
  private static List<String> groups(Statement s, String from) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT State, GPUs_DeviceName, count(*), count(GlobalJobId), count(GPUsAverageUsage),"
                + " sum(GPUs_GlobalMemoryMb) FROM "
                + from
                + " GROUP BY State, GPUs_DeviceName ORDER BY State NULLS FIRST, GPUs_DeviceName NULLS FIRST")) {
      while (rs.next()) {
        out.add(
            rs.getString(1)
                + "|"
                + rs.getString(2)
                + "|"
                + rs.getLong(3)
                + "|"
                + rs.getLong(4)
                + "|"
                + rs.getLong(5)
                + "|"
                + rs.getLong(6));
      }
    }
    return out;
  }

  /** An in-memory DuckDB; the test is skipped where its native library cannot load. */
  private static Connection duckDb() {
    try {
      return DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException | LinkageError e) {
      Assumptions.abort("DuckDB's native library does not load here: " + e);
      throw new AssertionError(e);
    }
  }
}
