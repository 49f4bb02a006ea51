package io.gpureport.export;

import io.gpureport.load.Databases;
import io.gpureport.load.NumericText;
import io.gpureport.load.Timestamps;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of one source file in a time range {@code [start, end)}, in load order: by timestamp,
 * then rowid. SQLite returns them {@code ORDER BY timestamp, rowid} (through the timestamp index
 * when the file has one, else sorted in its temp store); that orders the stored text, and texts of
 * the same instant ({@code 10:00:00} and {@code 10:00:00.000000}) are next to each other but not in
 * rowid order, so each run of one instant is put in rowid order here. Holds one run at a time. Rows
 * whose timestamp text is not a stored timestamp are skipped and counted.
 */
final class FileCursor implements AutoCloseable {
  private static final Comparator<ExportRow> BY_ROWID = Comparator.comparingLong(r -> r.rowid);

  private final SourceFile source;
  private final long start;
  private final long end;
  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rs;
  private final int preventColumn;
  private final int diskColumn;
  private final List<ExportRow> run = new ArrayList<>();
  private int next;
  private ExportRow pending;
  private boolean exhausted;
  private byte[] lastText;
  private long lastMicros;
  private long rowsRead;
  private long skipped;

  /** Opens {@code source} read-only and starts the query of {@code [start, end)}. */
  FileCursor(SourceFile source, long start, long end) {
    this.source = source;
    this.start = start;
    this.end = end;
    this.preventColumn = source.hasPrevent() ? 15 : 0;
    this.diskColumn = source.hasDisk() ? (source.hasPrevent() ? 16 : 15) : 0;
    Connection c = Databases.openReadOnly(source.path());
    PreparedStatement ps = null;
    try {
      ps = c.prepareStatement(query(source));
      // whole seconds: the text "... 00:00:00" sorts before every text of that second
      ps.setString(1, Timestamps.formatSeconds(start));
      ps.setString(2, Timestamps.formatSeconds(end));
      this.rs = ps.executeQuery();
    } catch (SQLException e) {
      closeQuietly(ps, c);
      throw Databases.unreadable(source.path(), e);
    }
    this.statement = ps;
    this.connection = c;
  }

  /**
   * The query: timestamp, rowid, the nine text columns, the storage classes of memory and disk (0
   * integer, 1 real, 2 text, 3 NULL or blob; disk times 4), memory, usage, then PreventJobsReason
   * and Disk when the file has them.
   */
  static String query(SourceFile source) {
    StringBuilder sql =
        new StringBuilder(
                "SELECT timestamp, rowid, Name, AssignedGPUs, AvailableGPUs, State, GPUs_DeviceName,"
                    + " PrioritizedProjects, Machine, RemoteOwner, GlobalJobId, ")
            .append(kind("GPUs_GlobalMemoryMb"));
    if (source.hasDisk()) {
      sql.append(" + 4 * ").append(kind("Disk"));
    }
    sql.append(", GPUs_GlobalMemoryMb, GPUsAverageUsage");
    if (source.hasPrevent()) {
      sql.append(", PreventJobsReason");
    }
    if (source.hasDisk()) {
      sql.append(", Disk");
    }
    return sql.append(
            " FROM gpu_state WHERE timestamp >= ? AND timestamp < ? ORDER BY timestamp, rowid")
        .toString();
  }

  private static String kind(String column) {
    return "(CASE typeof("
        + column
        + ") WHEN 'integer' THEN 0 WHEN 'real' THEN 1 WHEN 'text' THEN 2 ELSE 3 END)";
  }

  /** The next row in load order without taking it; null at the end. */
  ExportRow peek() {
    if (next == run.size()) {
      fill();
    }
    return next < run.size() ? run.get(next) : null;
  }

  /** Takes the next row; null at the end. */
  ExportRow take() {
    ExportRow r = peek();
    if (r != null) {
      run.set(next++, null);
    }
    return r;
  }

  /** Rows read from the query, skipped ones included. */
  long rowsRead() {
    return rowsRead;
  }

  /** Rows skipped because their timestamp text is not a stored timestamp. */
  long skipped() {
    return skipped;
  }

  SourceFile source() {
    return source;
  }

  /** Reads the next run of rows of one instant into {@link #run}, in rowid order. */
  private void fill() {
    run.clear();
    next = 0;
    ExportRow first = pending != null ? pending : read();
    pending = null;
    if (first == null) {
      return;
    }
    run.add(first);
    boolean ordered = true;
    for (ExportRow r = read(); r != null; r = read()) {
      if (r.micros != first.micros) {
        pending = r;
        break;
      }
      ordered &= r.rowid > run.get(run.size() - 1).rowid;
      run.add(r);
    }
    if (!ordered) {
      run.sort(BY_ROWID);
    }
  }

  /** The next row of the query with a readable timestamp; null at the end. */
  private ExportRow read() {
    try {
      while (!exhausted) {
        if (!rs.next()) {
          exhausted = true;
          return null;
        }
        rowsRead++;
        byte[] text = rs.getBytes(1);
        if (!Arrays.equals(text, lastText)) {
          lastMicros =
              text == null
                  ? Long.MIN_VALUE
                  : Timestamps.parseStored(new String(text, StandardCharsets.UTF_8));
          lastText = text;
        }
        if (lastMicros == Long.MIN_VALUE) {
          skipped++;
          continue;
        }
        if (lastMicros < start || lastMicros >= end) {
          throw new IllegalStateException(
              "timestamp " + Timestamps.formatStored(lastMicros) + " outside the queried range");
        }
        return row(lastMicros);
      }
      return null;
    } catch (SQLException e) {
      throw Databases.unreadable(source.path(), e);
    }
  }

  private ExportRow row(long micros) throws SQLException {
    ExportRow r = new ExportRow();
    r.micros = micros;
    r.source = source.order();
    r.rowid = rs.getLong(2);
    for (int i = 0; i < ExportRow.TEXT_COLUMNS; i++) {
      r.text[i] = rs.getBytes(3 + i);
    }
    int kinds = rs.getInt(12);
    switch (kinds & 3) {
      case 0 -> {
        r.memoryKind = ExportRow.LONG;
        r.memoryLong = rs.getLong(13);
      }
      case 1 -> {
        r.memoryKind = ExportRow.DOUBLE;
        r.memoryDouble = rs.getDouble(13);
      }
      case 2 -> {
        double v = NumericText.parse(rs.getString(13));
        r.memoryKind = Double.isNaN(v) ? ExportRow.NULL : ExportRow.DOUBLE;
        r.memoryDouble = v;
      }
      default -> r.memoryKind = ExportRow.NULL;
    }
    double u = rs.getDouble(14);
    r.usageNull = rs.wasNull();
    r.usage = r.usageNull ? 0 : u;
    if (preventColumn > 0) {
      r.prevent = rs.getBytes(preventColumn);
    }
    if (diskColumn > 0) {
      disk(r, kinds >> 2);
    }
    return r;
  }

  /** Disk: an integer as it is; an integral real or numeric text as that integer; else NULL. */
  private void disk(ExportRow r, int kind) throws SQLException {
    r.diskKind = ExportRow.NULL;
    switch (kind) {
      case 0 -> {
        r.diskKind = ExportRow.LONG;
        r.disk = rs.getLong(diskColumn);
      }
      case 1, 2 -> {
        double v =
            kind == 1 ? rs.getDouble(diskColumn) : NumericText.parse(rs.getString(diskColumn));
        if (MemoryValue.isIntegral(v) || v == 0) {
          r.diskKind = ExportRow.LONG;
          r.disk = (long) v;
        }
      }
      default -> {
        // NULL or blob: no value
      }
    }
  }

  @Override
  public void close() {
    try {
      rs.close();
    } catch (SQLException ignored) {
      // closing a read-only query
    }
    closeQuietly(statement, connection);
  }

  private static void closeQuietly(PreparedStatement ps, Connection c) {
    try {
      if (ps != null) {
        ps.close();
      }
    } catch (SQLException ignored) {
      // closing a read-only query
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a read-only connection
    }
  }
}
