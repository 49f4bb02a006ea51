package io.gpureport.export;

import io.gpureport.load.NumericText;
import io.gpureport.load.Timestamps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper: what an export of some SQLite files must hold, computed independently of the
 * exporter: every row with a stored timestamp, with the values the report's loader reads, in load
 * order (timestamp, file, rowid), grouped by month; each value as comparable text ({@link #cell}).
 */
final class SqliteRows {
  private static final List<String> TEXT =
      List.of(
          "Name",
          "AssignedGPUs",
          "AvailableGPUs",
          "State",
          "GPUs_DeviceName",
          "PrioritizedProjects",
          "Machine",
          "RemoteOwner",
          "GlobalJobId");

  private record Row(long micros, int file, long rowid, Map<String, String> cells) {}

  private SqliteRows() {}

  /**
   * The expected rows of each month, for {@code files} in load order and the inclusive local dates
   * {@code from}/{@code to} (null: no limit).
   */
  static TreeMap<YearMonth, List<Map<String, String>>> expected(
      List<Path> files, LocalDate from, LocalDate to) throws SQLException {
    List<Row> rows = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      read(files.get(f), f, rows);
    }
    rows.sort(
        Comparator.comparingLong(Row::micros)
            .thenComparingInt(Row::file)
            .thenComparingLong(Row::rowid));
    TreeMap<YearMonth, List<Map<String, String>>> months = new TreeMap<>();
    for (Row r : rows) {
      LocalDate day = Timestamps.toLocal(r.micros()).toLocalDate();
      if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
        continue;
      }
      months.computeIfAbsent(YearMonth.from(day), k -> new ArrayList<>()).add(r.cells());
    }
    // a month has PreventJobsReason and Disk when one of its files has them; NULL for the others
    for (List<Map<String, String>> month : months.values()) {
      java.util.Set<String> columns = new java.util.HashSet<>();
      month.forEach(r -> columns.addAll(r.keySet()));
      month.forEach(r -> columns.forEach(c -> r.putIfAbsent(c, null)));
    }
    return months;
  }

  private static void read(Path file, int order, List<Row> out) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro")) {
      boolean prevent = has(c, "PreventJobsReason");
      boolean disk = has(c, "Disk");
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT rowid, typeof(timestamp), timestamp, typeof(GPUs_GlobalMemoryMb), *"
                      + " FROM gpu_state")) {
        while (rs.next()) {
          if (!"text".equals(rs.getString(2))) {
            continue;
          }
          long micros = Timestamps.parseStored(rs.getString(3));
          if (micros == Long.MIN_VALUE) {
            continue;
          }
          Map<String, String> cells = new TreeMap<>();
          for (String t : TEXT) {
            cells.put(t, cell(rs.getBytes(t)));
          }
          cells.put(
              ExportSchema.MEMORY,
              memory(
                  switch (rs.getString(4)) {
                    case "integer", "real" -> rs.getDouble(ExportSchema.MEMORY);
                    case "text" -> NumericText.parse(rs.getString(ExportSchema.MEMORY));
                    default -> Double.NaN;
                  }));
          double u = rs.getDouble(ExportSchema.USAGE);
          cells.put(ExportSchema.USAGE, rs.wasNull() ? null : cell(u));
          cells.put(ExportSchema.TIMESTAMP, cell(micros));
          if (prevent) {
            cells.put(ExportSchema.PREVENT, cell(rs.getBytes(ExportSchema.PREVENT)));
          }
          if (disk) {
            cells.put(ExportSchema.DISK, disk(rs.getObject(ExportSchema.DISK)));
          }
          out.add(new Row(micros, order, rs.getLong(1), cells));
        }
      }
    }
  }

  /** Disk as exported: an integer, an integral real or numeric text as a long; else null. */
  private static String disk(Object d) {
    double v;
    if (d instanceof Integer || d instanceof Long) {
      return cell(((Number) d).longValue());
    } else if (d instanceof Double x) {
      v = x;
    } else if (d instanceof String t) {
      v = NumericText.parse(t);
    } else {
      return null;
    }
    return Double.isFinite(v) && v == Math.rint(v) ? cell((long) v) : null;
  }

  private static boolean has(Connection c, String column) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT 1 FROM pragma_table_info('gpu_state') WHERE name = '" + column + "'")) {
      return rs.next();
    }
  }

  /** The rows of a Parquet file as cells, memory as the double the report reads. */
  static List<Map<String, String>> cells(ParquetRows.Contents contents) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, Object> row : contents.rows()) {
      Map<String, String> cells = new TreeMap<>();
      for (Map.Entry<String, Object> e : row.entrySet()) {
        Object v = e.getValue();
        cells.put(
            e.getKey(),
            e.getKey().equals(ExportSchema.MEMORY)
                ? memory(v == null ? Double.NaN : ((Number) v).doubleValue())
                : cell(v));
      }
      out.add(cells);
    }
    return out;
  }

  /** A value as text: hex bytes, a long, or a double's bits; null stays null. */
  static String cell(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof byte[] b) {
      return "bytes:" + HexFormat.of().formatHex(b);
    }
    if (v instanceof Double d) {
      return "double:" + d + "/" + Long.toHexString(Double.doubleToRawLongBits(d));
    }
    return "long:" + v;
  }

  private static String memory(double v) {
    return Double.isNaN(v) ? null : cell(v);
  }
}
