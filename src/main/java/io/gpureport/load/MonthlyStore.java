package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@link SlotSource} of a data directory's monthly files, SQLite and Parquet alike, or of one
 * file: a segment is a file, read by its {@link StoreFormat} (docs/metrics.md, "Parquet months"). A
 * window reads the SQLite files named for its months and the Parquet files whose rows may fall in
 * it. The Parquet reader is created only when a Parquet file is read, so a SQLite-only report loads
 * no Parquet class.
 */
final class MonthlyStore implements SlotSource {
  private final DataSource files;
  private final int threads;
  private final Map<Segment, DataSource.StoredFile> stored = new LinkedHashMap<>();
  private final Set<String> warnings = new LinkedHashSet<>();
  private StoreFormat sqlite;
  private StoreFormat parquet;

  MonthlyStore(DataSource files, int threads) {
    this.files = files;
    this.threads = threads;
    for (DataSource.StoredFile f : files.stored()) {
      stored.put(segment(f), f);
    }
  }

  private static Segment segment(DataSource.StoredFile file) {
    return new Segment(file.path().toString());
  }

  private DataSource.StoredFile file(Segment segment) {
    DataSource.StoredFile f = stored.get(segment);
    if (f == null) {
      throw new IllegalArgumentException("not a segment of this source: " + segment);
    }
    return f;
  }

  private StoreFormat format(DataSource.StoredFile file) {
    if (file.format() == InputFormat.PARQUET) {
      if (parquet == null) {
        parquet = new ParquetFormat(threads);
      }
      return parquet;
    }
    if (sqlite == null) {
      sqlite = new SqliteFormat(threads);
    }
    return sqlite;
  }

  @Override
  public List<Segment> segmentsFor(TimeRange range) {
    if (files.isSingle()) {
      return List.of(segment(files.stored().get(0)));
    }
    List<DataSource.StoredFile> named = files.namedFor(range);
    List<Segment> out = new ArrayList<>();
    for (DataSource.StoredFile f : stored.values()) {
      StoreFormat format = format(f);
      boolean chosen =
          format.selectsByContent()
              ? byContent(f, format, range, named.contains(f))
              : named.contains(f);
      if (chosen) {
        out.add(segment(f));
      }
    }
    return out;
  }

  /**
   * Whether a Parquet month may hold rows of the range, by its footer; warns when it holds another
   * month's rows. A file that cannot be read fails the report when the window names its month, and
   * is skipped with a warning otherwise (as an unreadable SQLite month outside the window is never
   * opened).
   */
  private boolean byContent(
      DataSource.StoredFile f, StoreFormat format, TimeRange range, boolean namedInWindow) {
    Span span;
    try {
      span = format.span(f.path());
    } catch (GpuReportException e) {
      if (namedInWindow) {
        throw e;
      }
      warnings.add(e.getMessage() + "; skipped (its month is outside the window)");
      return false;
    }
    if (span instanceof TimeSpan t && f.month() != null && !within(t, f.month())) {
      warnings.add(
          f.path()
              + " holds rows from "
              + Timestamps.formatSeconds(t.min())
              + " to "
              + Timestamps.formatSeconds(t.max())
              + ", not only of "
              + f.month()
              + "; it is read by its rows' times");
    }
    return span.mayHold(range, false);
  }

  private static boolean within(TimeSpan span, YearMonth month) {
    long start = Timestamps.of(month.atDay(1).atStartOfDay());
    long end = Timestamps.of(month.plusMonths(1).atDay(1).atStartOfDay());
    return span.min() >= start && span.max() < end;
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The files, newest month first. */
  private List<DataSource.StoredFile> newestFirst() {
    List<DataSource.StoredFile> out = new ArrayList<>(stored.values());
    Collections.reverse(out);
    return out;
  }

  @Override
  public Optional<NewestRow> lastInserted() {
    for (DataSource.StoredFile f : newestFirst()) {
      Optional<Long> last = format(f).lastStored(f.path());
      if (last.isPresent()) {
        long t = last.get();
        return t == Long.MIN_VALUE ? Optional.empty() : Optional.of(new NewestRow(segment(f), t));
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> identity() {
    StringBuilder b = new StringBuilder();
    for (DataSource.StoredFile f : stored.values()) {
      Optional<String> one = identity(segment(f));
      if (one.isEmpty()) {
        return Optional.empty();
      }
      b.append(one.get()).append('\n');
    }
    return Optional.of(b.toString());
  }

  @Override
  public Optional<String> identity(Segment segment) {
    DataSource.StoredFile f = file(segment);
    try {
      return Optional.of(f.path().toAbsolutePath() + ":" + FileIdentity.of(f.path()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<RangeMarks> marks(Segment segment, List<TimeRange> ranges) {
    DataSource.StoredFile f = file(segment);
    return format(f).marks(f.path(), ranges);
  }

  @Override
  public OptionalLong defaultEndTime() {
    for (DataSource.StoredFile f : newestFirst()) {
      OptionalLong max = format(f).maxTimestamp(f.path());
      if (max.isPresent()) {
        return max;
      }
    }
    return OptionalLong.empty();
  }

  @Override
  public Insertions insertions(Segment segment) {
    DataSource.StoredFile f = file(segment);
    return format(f).insertions(f.path());
  }

  @Override
  public Span span(Segment segment) {
    DataSource.StoredFile f = file(segment);
    return format(f).span(f.path());
  }

  @Override
  public Optional<List<Piece>> pieces(
      Segment segment, TimeRange window, boolean openEnd, long maxRows, long maxMicros) {
    if (maxRows < 1 || maxMicros < 1) {
      throw new IllegalArgumentException("piece rows and micros must be positive");
    }
    DataSource.StoredFile f = file(segment);
    return format(f).pieces(segment, f.path(), window, openEnd, maxRows, maxMicros);
  }

  @Override
  public SlotTable load(Piece piece, Projection projection, LoadProgress progress) {
    DataSource.StoredFile f = file(piece.segment());
    return format(f).load(piece, projection, progress);
  }

  /**
   * Reads each run of consecutive files of one format with that format; runs of different formats
   * are concatenated in month order and then put in load order (timestamp, file month, stored
   * order), as one format does within its run.
   */
  @Override
  public SlotTable load(
      List<Segment> segments,
      TimeRange range,
      Projection projection,
      Segment openEndSegment,
      LoadProgress progress) {
    Path openEnd = openEndSegment == null ? null : file(openEndSegment).path();
    List<SlotTable> runs = new ArrayList<>();
    int k = 0;
    while (k < segments.size()) {
      StoreFormat format = format(file(segments.get(k)));
      List<Path> run = new ArrayList<>();
      while (k < segments.size() && format(file(segments.get(k))) == format) {
        run.add(file(segments.get(k)).path());
        k++;
      }
      runs.add(format.load(run, range, projection, openEnd, progress));
    }
    if (runs.isEmpty()) {
      return SlotTable.empty(projection);
    }
    return runs.size() == 1 ? runs.get(0) : StableOrder.sortedByTimestamp(SlotTable.concat(runs));
  }
}
