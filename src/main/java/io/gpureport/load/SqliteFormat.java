package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How SQLite monthly files ({@code gpu_state_YYYY-MM.db}, or one file) are read: each on read-only
 * connections, by {@link SlotLoader} and {@link FileLayout}; chosen for a window by the month in
 * their names (docs/metrics.md, "Monthly files and the data directory").
 */
final class SqliteFormat implements StoreFormat {
  /**
   * Most rowid pieces of one file; more means rowids far apart (inserted by hand), and the file is
   * read in time chunks instead.
   */
  private static final int MAX_ROWID_PIECES = 100_000;

  private final int threads;

  SqliteFormat(int threads) {
    this.threads = threads;
  }

  @Override
  public OptionalLong maxTimestamp(Path file) {
    String max;
    try (Connection c = Databases.openReadOnly(file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(timestamp) FROM gpu_state")) {
      max = rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
    if (max == null) {
      return OptionalLong.empty();
    }
    long t = Timestamps.parseStored(max);
    if (t == Long.MIN_VALUE) {
      throw new GpuReportException("cannot read " + file + ": malformed timestamp '" + max + "'");
    }
    return OptionalLong.of(t);
  }

  @Override
  public Optional<Long> lastStored(Path file) {
    try (Connection c = Databases.openReadOnly(file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT timestamp FROM gpu_state ORDER BY rowid DESC LIMIT 1")) {
      return rs.next() ? Optional.of(Timestamps.parseStored(rs.getString(1))) : Optional.empty();
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }

  @Override
  public Insertions insertions(Path file) {
    return FileLayout.insertions(file);
  }

  /**
   * The smallest and largest text timestamp of a file (UTF-8 bytes, ordered as SQLite orders them).
   * Numbers and blobs never match a window query, so they are left out. With an index on timestamp,
   * two index look-ups; without, one scan.
   */
  @Override
  public Span span(Path file) {
    String text = " FROM gpu_state WHERE timestamp >= '' AND timestamp < X''";
    try (Connection c = Databases.openReadOnly(file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                GpuStateTable.hasTimestampIndex(c)
                    ? "SELECT (SELECT MIN(timestamp)"
                        + text
                        + "), (SELECT MAX(timestamp)"
                        + text
                        + ")"
                    : "SELECT MIN(timestamp), MAX(timestamp)" + text)) {
      return rs.next() && rs.getBytes(1) != null
          ? new TextSpan(rs.getBytes(1), rs.getBytes(2))
          : Span.NONE;
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }

  /**
   * Per range {@code count(*)} and {@code max(rowid)} with the loader's own comparison of text
   * timestamps ({@link SlotLoader}), each an index range count, on one read-only connection; empty
   * without the timestamp index (then the count would be a scan).
   */
  @Override
  public Optional<RangeMarks> marks(Path file, List<TimeRange> ranges) {
    try (Connection c = Databases.openReadOnly(file)) {
      if (!GpuStateTable.hasTimestampIndex(c)) {
        return Optional.empty();
      }
      long last;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT MAX(rowid) FROM gpu_state")) {
        last = rs.next() ? rs.getLong(1) : 0;
      }
      List<RangeMarks.Mark> marks = new ArrayList<>();
      String count =
          "SELECT COUNT(*), MAX(rowid) FROM gpu_state WHERE timestamp >= ? AND timestamp ";
      try (PreparedStatement halfOpen = c.prepareStatement(count + "< ?");
          PreparedStatement closed = c.prepareStatement(count + "<= ?")) {
        for (TimeRange r : ranges) {
          PreparedStatement ps = r.endInclusive() ? closed : halfOpen;
          ps.setString(1, Timestamps.formatStored(r.start()));
          ps.setString(2, Timestamps.formatStored(r.end()));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            marks.add(new RangeMarks.Mark(rs.getLong(1), rs.getLong(2)));
          }
        }
      }
      return Optional.of(new RangeMarks(marks, last));
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }

  /** The text timestamps {@code [min, max]} of a file, compared as SQLite compares text. */
  record TextSpan(byte[] min, byte[] max) implements Span {
    @Override
    public boolean mayHold(TimeRange range, boolean openEnd) {
      if (Arrays.compareUnsigned(max, utf8(range.start())) < 0) {
        return false;
      }
      if (openEnd || range.end() == Long.MAX_VALUE) {
        return true;
      }
      int cmp = Arrays.compareUnsigned(min, utf8(range.end()));
      return range.endInclusive() ? cmp <= 0 : cmp < 0;
    }

    private static byte[] utf8(long t) {
      return Timestamps.formatStored(t).getBytes(StandardCharsets.UTF_8);
    }
  }

  @Override
  public boolean selectsByContent() {
    return false;
  }

  @Override
  public Optional<List<Piece>> pieces(
      Segment segment, Path file, TimeRange window, boolean openEnd, long maxRows, long maxMicros) {
    long[] rowids = FileLayout.rowidsUnlessIndexed(file);
    List<Piece> out = new ArrayList<>();
    if (rowids == null) {
      // an index on timestamp: time ranges, each an index range scan
      Span span = span(file);
      List<TimeRange> ranges = window.split(maxMicros);
      for (int k = 0; k < ranges.size(); k++) {
        boolean open = openEnd && k == ranges.size() - 1;
        if (span.mayHold(ranges.get(k), open)) {
          out.add(new FilePiece(segment, file, ranges.get(k), open, false, 0, 0));
        }
      }
      return Optional.of(out);
    }
    if (rowids.length == 0) {
      return Optional.of(out);
    }
    List<long[]> cut = FileLayout.pieces(rowids[0], rowids[1], maxRows, MAX_ROWID_PIECES);
    if (cut == null) {
      return Optional.empty();
    }
    for (long[] r : cut) {
      out.add(new FilePiece(segment, file, window, openEnd, true, r[0], r[1]));
    }
    return Optional.of(out);
  }

  @Override
  public SlotTable load(Piece piece, Projection projection, LoadProgress progress) {
    if (!(piece instanceof FilePiece p)) {
      throw new IllegalArgumentException("not a piece of a SQLite file: " + piece);
    }
    SlotLoader loader = new SlotLoader(threads, progress);
    return p.byRowid()
        ? loader.loadRowids(p.file(), p.queried(), p.firstRowid(), p.lastRowid(), projection)
        : loader.load(List.of(p.file()), p.range(), projection, p.openEnd() ? p.file() : null);
  }

  @Override
  public SlotTable load(
      List<Path> files,
      TimeRange range,
      Projection projection,
      Path openEndFile,
      LoadProgress progress) {
    return new SlotLoader(threads, progress).load(files, range, projection, openEndFile);
  }
}
