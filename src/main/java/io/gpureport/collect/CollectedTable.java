package io.gpureport.collect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code gpu_state} table as the collector writes it today: the legacy twelve columns, then
 * {@code PreventJobsReason} and {@code Disk} (docs/metrics.md, "The stored table").
 */
public final class CollectedTable {
  /** A column added after the legacy twelve, with its declared type. */
  public record AddedColumn(String name, String type) {
    /** The statement that adds this column to an older table. */
    String alter() {
      return "ALTER TABLE gpu_state ADD COLUMN \"" + name + "\" " + type;
    }
  }

  /** The columns after {@code timestamp}, in table order. */
  public static final List<AddedColumn> ADDED_COLUMNS =
      List.of(new AddedColumn("PreventJobsReason", "TEXT"), new AddedColumn("Disk", "BIGINT"));

  /** The definition of a new table: the legacy one with the added columns after timestamp. */
  public static final String CREATE_TABLE =
      "CREATE TABLE IF NOT EXISTS gpu_state (\n"
          + "    \"Name\" TEXT, \"AssignedGPUs\" TEXT, \"AvailableGPUs\" TEXT, \"State\" TEXT,\n"
          + "    \"GPUs_DeviceName\" TEXT, \"GPUs_GlobalMemoryMb\" BIGINT,"
          + " \"PrioritizedProjects\" TEXT,\n"
          + "    \"GPUsAverageUsage\" FLOAT, \"Machine\" TEXT, \"RemoteOwner\" TEXT,"
          + " \"GlobalJobId\" TEXT,\n"
          + "    timestamp DATETIME, \"PreventJobsReason\" TEXT, \"Disk\" BIGINT\n"
          + ")";

  /** An insert with the explicit column list, one placeholder per column in table order. */
  public static final String INSERT =
      "INSERT INTO gpu_state (\"Name\", \"AssignedGPUs\", \"AvailableGPUs\", \"State\","
          + " \"GPUs_DeviceName\", \"GPUs_GlobalMemoryMb\", \"PrioritizedProjects\","
          + " \"GPUsAverageUsage\", \"Machine\", \"RemoteOwner\", \"GlobalJobId\", timestamp,"
          + " \"PreventJobsReason\", \"Disk\")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private CollectedTable() {}

  /**
   * Adds the columns of {@link #ADDED_COLUMNS} that table {@code gpu_state} lacks, in the caller's
   * transaction, and returns their names (empty when the table has them all). Column names are
   * matched as SQLite matches them, ignoring ASCII case.
   */
  public static List<String> addMissingColumns(Connection connection) throws SQLException {
    Set<String> present = new HashSet<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(gpu_state)")) {
      while (rs.next()) {
        present.add(rs.getString("name").toLowerCase(Locale.ROOT));
      }
    }
    List<String> added = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      for (AddedColumn column : ADDED_COLUMNS) {
        if (!present.contains(column.name().toLowerCase(Locale.ROOT))) {
          s.execute(column.alter());
          added.add(column.name());
        }
      }
    }
    return added;
  }
}
