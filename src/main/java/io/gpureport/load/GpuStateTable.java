package io.gpureport.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The storage format of table {@code gpu_state} (docs/metrics.md, "The stored table"). */
public final class GpuStateTable {
  /** Column names in table order. */
  public static final List<String> COLUMNS =
      List.of(
          "Name",
          "AssignedGPUs",
          "AvailableGPUs",
          "State",
          "GPUs_DeviceName",
          "GPUs_GlobalMemoryMb",
          "PrioritizedProjects",
          "GPUsAverageUsage",
          "Machine",
          "RemoteOwner",
          "GlobalJobId",
          "timestamp");

  /** The legacy table definition. */
  public static final String CREATE_TABLE =
      "CREATE TABLE IF NOT EXISTS gpu_state (\n"
          + "    \"Name\" TEXT, \"AssignedGPUs\" TEXT, \"AvailableGPUs\" TEXT, \"State\" TEXT,\n"
          + "    \"GPUs_DeviceName\" TEXT, \"GPUs_GlobalMemoryMb\" BIGINT,"
          + " \"PrioritizedProjects\" TEXT,\n"
          + "    \"GPUsAverageUsage\" FLOAT, \"Machine\" TEXT, \"RemoteOwner\" TEXT,"
          + " \"GlobalJobId\" TEXT,\n"
          + "    timestamp DATETIME\n"
          + ")";

  /** The index the collector adds to tables it creates; never required by {@code report}. */
  public static final String CREATE_INDEX =
      "CREATE INDEX IF NOT EXISTS idx_gpu_state_timestamp ON gpu_state(timestamp)";

  /** An insert with the explicit column list, one placeholder per column in table order. */
  public static final String INSERT =
      "INSERT INTO gpu_state (\"Name\", \"AssignedGPUs\", \"AvailableGPUs\", \"State\","
          + " \"GPUs_DeviceName\", \"GPUs_GlobalMemoryMb\", \"PrioritizedProjects\","
          + " \"GPUsAverageUsage\", \"Machine\", \"RemoteOwner\", \"GlobalJobId\", timestamp)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The monthly file name {@code gpu_state_YYYY-MM.db} for a year and month. */
  public static String monthlyFileName(int year, int month) {
    return String.format(java.util.Locale.ROOT, "gpu_state_%04d-%02d.db", year, month);
  }

  private GpuStateTable() {}

  /**
   * Whether {@code gpu_state} has a column named {@code column}, ignoring ASCII case as SQLite
   * matches names.
   */
  public static boolean hasColumn(Connection c, String column) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM pragma_table_info('gpu_state') WHERE name = ? COLLATE NOCASE")) {
      ps.setString(1, column);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Whether {@code gpu_state} has an index whose first column is {@code timestamp}. */
  public static boolean hasTimestampIndex(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT 1 FROM pragma_index_list('gpu_state') AS l"
                    + " JOIN pragma_index_info(l.name) AS i"
                    + " WHERE i.seqno = 0 AND i.name = 'timestamp'")) {
      return rs.next();
    }
  }
}
