package io.gpureport.export;

import io.gpureport.load.Databases;
import io.gpureport.load.GpuStateTable;
import io.gpureport.load.NumericText;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One SQLite source file and its census: the calendar months its rows' timestamps fall in, how many
 * rows each holds, and whether a month's {@code GPUs_GlobalMemoryMb} needs a double (some value the
 * loader reads is not an integer). Taken in one read-only scan, grouped by the timestamp's {@code
 * YYYY-MM} prefix, so that stray rows of another month are found wherever they are stored.
 *
 * @param path the file
 * @param order the file's place in load order: its month among the data directory's files (0 for
 *     the first), the second key of the load order after the timestamp
 * @param hasPrevent whether the table has {@code PreventJobsReason}
 * @param hasDisk whether the table has {@code Disk}
 * @param months the months of the rows that may hold a stored timestamp, ascending
 * @param unreadable rows whose timestamp is NULL, not text, or text without a {@code YYYY-MM}
 *     month: no report can read them
 */
record SourceFile(
    Path path,
    int order,
    boolean hasPrevent,
    boolean hasDisk,
    Map<YearMonth, MonthCensus> months,
    long unreadable) {

  /**
   * The rows of one month in a file, the days of the month that have rows (bit {@code d} for day
   * {@code d}), and whether their memory needs a double column.
   */
  record MonthCensus(long rows, long days, boolean fractionalMemory) {
    MonthCensus plus(MonthCensus o) {
      return new MonthCensus(rows + o.rows, days | o.days, fractionalMemory || o.fractionalMemory);
    }
  }

  /**
   * The memory value when it is real or text (normally none: the column has integer affinity), else
   * NULL; the census groups by it so that a month with a non-integer memory is noticed.
   */
  private static final String ODD_MEMORY =
      "CASE WHEN typeof(GPUs_GlobalMemoryMb) IN ('real', 'text') THEN GPUs_GlobalMemoryMb END";

  /**
   * Rows grouped by day prefix ({@code YYYY-MM-DD}; NULL for a timestamp that is not text) and by
   * {@link #ODD_MEMORY}, so the result stays small.
   */
  private static final String CENSUS =
      "SELECT CASE WHEN typeof(timestamp) = 'text' THEN substr(timestamp, 1, 10) END AS m, "
          + ODD_MEMORY
          + " AS odd, typeof("
          + ODD_MEMORY
          + "), count(*) FROM gpu_state GROUP BY m, odd";

  /** Opens {@code path} read-only and takes its census. */
  static SourceFile census(Path path, int order) {
    try (Connection c = Databases.openReadOnly(path)) {
      boolean prevent = GpuStateTable.hasColumn(c, "PreventJobsReason");
      boolean disk = GpuStateTable.hasColumn(c, "Disk");
      TreeMap<YearMonth, MonthCensus> months = new TreeMap<>();
      long unreadable = 0;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(CENSUS)) {
        while (rs.next()) {
          String prefix = rs.getString(1);
          YearMonth month =
              prefix == null || prefix.length() < 7 ? null : month(prefix.substring(0, 7));
          long rows = rs.getLong(4);
          if (month == null) {
            unreadable += rows;
            continue;
          }
          boolean fractional =
              switch (rs.getString(3)) {
                case "real" -> !MemoryValue.isIntegral(rs.getDouble(2));
                case "text" -> {
                  double v = NumericText.parse(rs.getString(2));
                  yield !Double.isNaN(v) && !MemoryValue.isIntegral(v);
                }
                default -> false;
              };
          months.merge(month, new MonthCensus(rows, day(prefix), fractional), MonthCensus::plus);
        }
      }
      return new SourceFile(
          path, order, prevent, disk, Collections.unmodifiableMap(months), unreadable);
    } catch (SQLException e) {
      throw Databases.unreadable(path, e);
    }
  }

  /** The month of a {@code YYYY-MM} prefix; null when it is not one. */
  static YearMonth month(String prefix) {
    if (prefix == null || prefix.length() != 7 || prefix.charAt(4) != '-') {
      return null;
    }
    int year = 0;
    int month = 0;
    for (int i = 0; i < 7; i++) {
      if (i == 4) {
        continue;
      }
      char ch = prefix.charAt(i);
      if (ch < '0' || ch > '9') {
        return null;
      }
      if (i < 4) {
        year = year * 10 + (ch - '0');
      } else {
        month = month * 10 + (ch - '0');
      }
    }
    return year < 1 || month < 1 || month > 12 ? null : YearMonth.of(year, month);
  }

  /** Bit {@code d} for the day {@code d} of a {@code YYYY-MM-DD} prefix; 0 when it has none. */
  private static long day(String prefix) {
    if (prefix.length() != 10 || prefix.charAt(7) != '-') {
      return 0;
    }
    char a = prefix.charAt(8);
    char b = prefix.charAt(9);
    if (a < '0' || a > '3' || b < '0' || b > '9') {
      return 0;
    }
    int d = (a - '0') * 10 + (b - '0');
    return d >= 1 && d <= 31 ? 1L << d : 0;
  }

  /** The file name, for messages. */
  String name() {
    return path.getFileName().toString();
  }
}
