package io.gpureport.collect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Reads back {@code gpu_state} with each value's SQLite storage class, for exact assertions. */
final class StoredRows {
  private static final String COLUMNS =
      "\"Name\", \"AssignedGPUs\", \"AvailableGPUs\", \"State\", \"GPUs_DeviceName\","
          + " \"GPUs_GlobalMemoryMb\", \"PrioritizedProjects\", \"GPUsAverageUsage\", \"Machine\","
          + " \"RemoteOwner\", \"GlobalJobId\", timestamp, \"PreventJobsReason\", \"Disk\"";

  private StoredRows() {}

  /**
   * Every row in rowid order as {@code "T:text | I:1 | R:0.5 | NULL | …"}: {@code T}, {@code I} and
   * {@code R} are SQLite's text, integer and real storage classes.
   */
  static List<String> read(Path file) throws SQLException {
    StringBuilder select = new StringBuilder("SELECT ");
    String[] names = COLUMNS.split(", ");
    for (int i = 0; i < names.length; i++) {
      select.append(i == 0 ? "" : ", ").append("typeof(").append(names[i]).append("), ");
      select.append(names[i]);
    }
    select.append(" FROM gpu_state ORDER BY rowid");
    List<String> rows = new ArrayList<>();
    try (Connection c = open(file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(select.toString())) {
      while (rs.next()) {
        StringJoiner row = new StringJoiner(" | ");
        for (int i = 0; i < names.length; i++) {
          String type = rs.getString(2 * i + 1);
          String value = rs.getString(2 * i + 2);
          row.add(
              switch (type) {
                case "null" -> "NULL";
                case "text" -> "T:" + value;
                case "integer" -> "I:" + value;
                case "real" -> "R:" + value;
                default -> type + ":" + value;
              });
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** The column names of {@code gpu_state} in table order. */
  static List<String> columns(Path file) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = open(file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info('gpu_state')")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** The result of a single-value query, as text. */
  static String scalar(Path file, String sql) throws SQLException {
    try (Connection c = open(file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Executes one statement. */
  static void execute(Path file, String sql) throws SQLException {
    try (Connection c = open(file);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }
}
