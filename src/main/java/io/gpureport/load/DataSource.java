package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.errors.PathProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQLite files of a data directory (monthly), or one single file (docs/metrics.md, "Monthly
 * files and the data directory", "End time", "Load order"); the report reads them as a {@link
 * SlotSource}.
 */
public final class DataSource {
  private static final Pattern MONTHLY = Pattern.compile("gpu_state_(\\d{4})-(0[1-9]|1[0-2])\\.db");

  private final Path single;
  private final TreeMap<YearMonth, Path> monthly;

  private DataSource(Path single, TreeMap<YearMonth, Path> monthly) {
    this.single = single;
    this.monthly = monthly;
  }

  /** Resolves {@code --db-path} / {@code --data-dir} (at most one is non-null). */
  public static DataSource resolve(Path dbPath, Path dataDir) {
    if (dbPath != null) {
      if (PathProbe.attributes(
              dbPath, "database file not found: " + dbPath, "cannot read " + dbPath)
          .isDirectory()) {
        throw new GpuReportException(
            "--db-path "
                + dbPath
                + " is a directory; give a database file, or the directory"
                + " with --data-dir");
      }
      if (!MONTHLY.matcher(dbPath.getFileName().toString()).matches()) {
        return new DataSource(dbPath, null);
      }
      Path parent = dbPath.getParent();
      return directory(parent == null ? Path.of(".") : parent);
    }
    return directory(dataDir == null ? Path.of(".") : dataDir);
  }

  private static DataSource directory(Path dir) {
    if (!PathProbe.attributes(
            dir, "data directory not found: " + dir, "cannot list data directory " + dir)
        .isDirectory()) {
      throw new GpuReportException("data directory " + dir + " is not a directory");
    }
    TreeMap<YearMonth, Path> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(
          p -> {
            Matcher m = MONTHLY.matcher(p.getFileName().toString());
            if (m.matches() && Files.isRegularFile(p)) {
              files.put(
                  YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), p);
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new GpuReportException("cannot list data directory " + dir + ": " + IoReason.of(e), e);
    }
    if (files.isEmpty()) {
      throw new GpuReportException("No database files found in " + dir + ".");
    }
    return new DataSource(null, files);
  }

  /** The newest stored timestamp: newest non-empty monthly file, or the single file. */
  public OptionalLong defaultEndTime() {
    List<Path> order =
        single != null ? List.of(single) : new ArrayList<>(monthly.descendingMap().values());
    for (Path file : order) {
      String max = maxTimestamp(file);
      if (max != null) {
        long t = Timestamps.parseStored(max);
        if (t == Long.MIN_VALUE) {
          throw new GpuReportException(
              "cannot read " + file + ": malformed timestamp '" + max + "'");
        }
        return OptionalLong.of(t);
      }
    }
    return OptionalLong.empty();
  }

  /** The newest non-empty file and the timestamp of its last inserted row. */
  public record LastRow(Path file, long timestamp) {}

  /**
   * The last inserted row of the newest non-empty file: O(1) per file, and normally the newest
   * timestamp, which the caller must confirm (rows need not be stored in time order).
   */
  public java.util.Optional<LastRow> lastInserted() {
    List<Path> order =
        single != null ? List.of(single) : new ArrayList<>(monthly.descendingMap().values());
    for (Path file : order) {
      try (Connection c = Databases.openReadOnly(file);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT timestamp FROM gpu_state ORDER BY rowid DESC LIMIT 1")) {
        if (rs.next()) {
          long t = Timestamps.parseStored(rs.getString(1));
          return t == Long.MIN_VALUE
              ? java.util.Optional.empty()
              : java.util.Optional.of(new LastRow(file, t));
        }
      } catch (SQLException e) {
        throw Databases.unreadable(file, e);
      }
    }
    return java.util.Optional.empty();
  }

  private static String maxTimestamp(Path file) {
    try (Connection c = Databases.openReadOnly(file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(timestamp) FROM gpu_state")) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }

  /**
   * The smallest and largest text timestamp of a file (UTF-8 bytes, ordered as SQLite orders them),
   * or null when it has none. Numbers and blobs never match a window query, so they are left out.
   * With an index on timestamp, two index look-ups; without, one scan.
   */
  static TextSpan span(Path file) {
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
          : null;
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

  /** Every file of the source: the monthly files in ascending month order, or the single file. */
  public List<Path> allFiles() {
    return single != null ? List.of(single) : List.copyOf(monthly.values());
  }

  /** The files to read for a range, in ascending month order; missing months are skipped. */
  public List<Path> filesFor(TimeRange range) {
    if (single != null) {
      return List.of(single);
    }
    YearMonth first = YearMonth.from(Timestamps.toLocal(range.start()));
    YearMonth last = YearMonth.from(Timestamps.toLocal(range.end()));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<YearMonth, Path> e : monthly.subMap(first, true, last, true).entrySet()) {
      files.add(e.getValue());
    }
    return files;
  }
}
