package io.gpureport.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How to split the reading of a file among threads. A file with an index on {@code timestamp} is
 * not split here: each query reads only its own rows through the index ({@link SlotLoader} splits a
 * window of more than two days into two halves). A file without one (as the legacy collector wrote
 * them) is scanned whole by every query, so it is split by rowid, at points that give every part an
 * equal share of the estimated work: scanning each row, plus fetching each row of the window.
 */
final class FileLayout {
  /**
   * Fetching a row of the window into Java costs this many times as much as scanning past a row.
   * Measured on a 4.5 M-row month with two parts read at once: about 0.23 µs per scanned row, and 8
   * to 12 times that per fetched row (24-hour and 7-day windows).
   */
  static final int FETCH_COST = 10;

  private FileLayout() {}

  /**
   * The rowid ranges {@code [lo, hi]} of up to {@code parts} parts of equal estimated work for
   * reading {@code range} from {@code file}, or null when the file has an index on timestamp (or is
   * empty). The ranges cover every rowid, so the split is exact whatever the order of the rows;
   * only its balance assumes that rowids grow with time, as the collectors append them. Rowids too
   * far apart for the arithmetic ({@link #fitsWork}) give one part.
   */
  static List<long[]> rowidPartsUnlessIndexed(Path file, TimeRange range, int parts) {
    requireParts(parts);
    try (Connection c = Databases.openReadOnly(file)) {
      if (GpuStateTable.hasTimestampIndex(c)) {
        return null;
      }
      long[] rowids = rowidRange(c);
      if (rowids == null) {
        return null;
      }
      return splitRowids(c, rowids[0], rowids[1], range, parts);
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }

  /**
   * The rowid ranges {@code [lo, hi]} of up to {@code parts} parts of equal estimated work for
   * reading {@code range} from rowids {@code [first, last]} of {@code file} (a stored-order piece):
   * like {@link #rowidPartsUnlessIndexed}, within the piece.
   */
  static List<long[]> rowidParts(Path file, TimeRange range, long first, long last, int parts) {
    requireParts(parts);
    try (Connection c = Databases.openReadOnly(file)) {
      return splitRowids(c, first, last, range, parts);
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }

  private static List<long[]> splitRowids(
      Connection c, long lo, long hi, TimeRange range, int parts) throws SQLException {
    if (!fitsWork(lo, hi)) {
      return List.of(new long[] {lo, hi});
    }
    long end = hi + 1;
    long windowLo = firstRowid(c, lo, end, ">=", Timestamps.formatStored(range.start()));
    long windowEnd =
        range.end() == Long.MAX_VALUE
            ? end
            : firstRowid(
                c,
                windowLo,
                end,
                range.endInclusive() ? ">" : ">=",
                Timestamps.formatStored(range.end()));
    return split(lo, end, windowLo, windowEnd, parts);
  }

  /**
   * The {@code [min, max]} rowids of a file without an index on timestamp (two b-tree look-ups), an
   * empty array for an empty table, or null when the file has the index.
   */
  static long[] rowidsUnlessIndexed(Path file) {
    try (Connection c = Databases.openReadOnly(file)) {
      if (GpuStateTable.hasTimestampIndex(c)) {
        return null;
      }
      long[] rowids = rowidRange(c);
      return rowids == null ? new long[0] : rowids;
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }

  /**
   * Rowids {@code [first, last]} cut into consecutive closed ranges of at most {@code maxRows}
   * rowids each, in rowid order; null when that would be more than {@code maxPieces} ranges (rowids
   * far apart, as only hand-inserted ones are).
   */
  static List<long[]> pieces(long first, long last, long maxRows, int maxPieces) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
    }
    if (last < first) {
      return List.of();
    }
    // (last - first) / maxRows + 1 pieces, computed without overflow
    long span = last - first;
    if (span < 0 || span / maxRows >= maxPieces) {
      return null;
    }
    List<long[]> out = new ArrayList<>();
    long from = first;
    while (true) {
      long to = last - from < maxRows ? last : from + maxRows - 1;
      out.add(new long[] {from, to});
      if (to == last) {
        return out;
      }
      from = to + 1;
    }
  }

  /**
   * Splits rowids {@code [lo, end)} into {@code min(parts, end - lo)} closed ranges of equal work,
   * where a rowid costs 1 and one in {@code [windowLo, windowEnd)} costs {@code 1 + FETCH_COST}:
   * each part's work is within {@code FETCH_COST + 1} of its share. Rowids too far apart for the
   * arithmetic ({@link #fitsWork}) give one part.
   */
  static List<long[]> split(long lo, long end, long windowLo, long windowEnd, int parts) {
    requireParts(parts);
    if (end <= lo) {
      return List.of();
    }
    if (!fitsWork(lo, end - 1)) {
      return List.of(new long[] {lo, end - 1});
    }
    long wLo = Math.min(Math.max(windowLo, lo), end);
    long wEnd = Math.min(Math.max(windowEnd, wLo), end);
    long total = work(lo, end, wLo, wEnd);
    int n = (int) Math.min(parts, end - lo);
    List<long[]> out = new ArrayList<>();
    long from = lo;
    for (int i = 1; i <= n; i++) {
      // at least one rowid in this part and one for each part after it
      long to =
          i == n
              ? end
              : Math.max(
                  from + 1,
                  Math.min(end - (n - i), firstReaching(lo, end, wLo, wEnd, share(total, i, n))));
      out.add(new long[] {from, to - 1});
      from = to;
    }
    return out;
  }

  private static void requireParts(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1, not " + parts);
    }
  }

  /**
   * Whether rowids {@code [lo, hi]} are few enough that their work, and {@code hi + 1}, fit in a
   * long. Only rowids inserted by hand come near the limit (the collectors count from 1).
   */
  static boolean fitsWork(long lo, long hi) {
    try {
      Math.multiplyExact(Math.subtractExact(Math.addExact(hi, 1), lo), 1 + FETCH_COST);
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /** {@code total * i / n} rounded down, without overflow. */
  private static long share(long total, int i, int n) {
    return total / n * i + total % n * i / n;
  }

  /** The work of rowids {@code [lo, x)}. */
  private static long work(long lo, long x, long windowLo, long windowEnd) {
    long fetched = Math.max(0, Math.min(x, windowEnd) - Math.max(lo, windowLo));
    return (x - lo) + FETCH_COST * fetched;
  }

  /**
   * The smallest {@code x} in {@code [lo, end]} whose prefix {@code [lo, x)} has {@code target}
   * work.
   */
  private static long firstReaching(long lo, long end, long windowLo, long windowEnd, long target) {
    long a = lo;
    long b = end;
    while (a < b) {
      long m = a + (b - a) / 2;
      if (work(lo, m, windowLo, windowEnd) >= target) {
        b = m;
      } else {
        a = m + 1;
      }
    }
    return a;
  }

  /**
   * Binary search over rowids {@code [lo, end)} for the first whose row satisfies {@code timestamp
   * op value} (compared by SQLite, as the window query compares), assuming the rows are in time
   * order; {@code end} when none does.
   */
  private static long firstRowid(Connection c, long lo, long end, String op, String value)
      throws SQLException {
    String sql =
        "SELECT rowid, timestamp "
            + op
            + " ? FROM gpu_state WHERE rowid >= ?"
            + " ORDER BY rowid LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      long a = lo;
      long b = end;
      while (a < b) {
        long m = a + (b - a) / 2;
        ps.setString(1, value);
        ps.setLong(2, m);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            b = m;
          } else if (rs.getInt(2) == 1) {
            b = m;
          } else {
            a = rs.getLong(1) + 1; // no rowid in [m, that row] satisfies it
          }
        }
      }
      return a;
    }
  }

  /**
   * The rowid span of {@code file} and the microseconds between its first and last inserted rows
   * (-1 when not two readable stored timestamps in ascending order): four b-tree look-ups, no scan.
   */
  static Insertions insertions(Path file) {
    try (Connection c = Databases.openReadOnly(file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT min(rowid) FROM gpu_state), (SELECT max(rowid) FROM gpu_state),"
                    + " (SELECT timestamp FROM gpu_state WHERE rowid ="
                    + " (SELECT min(rowid) FROM gpu_state)),"
                    + " (SELECT timestamp FROM gpu_state WHERE rowid ="
                    + " (SELECT max(rowid) FROM gpu_state))")) {
      if (!rs.next()) {
        return new Insertions(0, -1);
      }
      long min = rs.getLong(1);
      if (rs.wasNull()) {
        return new Insertions(0, -1);
      }
      long rows = rs.getLong(2) - min + 1;
      return new Insertions(rows, micros(rs.getString(3), rs.getString(4)));
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }

  private static long micros(String first, String last) {
    try {
      long d = Timestamps.parseStored(last) - Timestamps.parseStored(first);
      return d > 0 ? d : -1;
    } catch (RuntimeException e) {
      return -1; // NULL, a number, or text that is not a stored timestamp
    }
  }

  /**
   * The {@code [min, max]} rowids, or null for an empty table (whose min and max are NULL). Two
   * subqueries: SQLite answers a lone {@code min(rowid)} or {@code max(rowid)} from the b-tree, but
   * scans the table for both.
   */
  private static long[] rowidRange(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT min(rowid) FROM gpu_state),"
                    + " (SELECT max(rowid) FROM gpu_state)")) {
      if (!rs.next()) {
        return null;
      }
      long min = rs.getLong(1);
      return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
    }
  }
}
