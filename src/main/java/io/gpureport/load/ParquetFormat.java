package io.gpureport.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link StoreFormat} of Parquet months ({@code gpu_state_YYYY-MM.parquet}), read with
 * parquet-java's column API (docs/decisions/0004-parquet.md). Columns are found by name in any
 * order; row groups whose timestamp statistics cannot overlap a range are skipped, and of the
 * others only the rows in the range are kept ({@link ParquetRows}). Each file's footer is read once
 * per instance, which lives for one report. Nothing outside this class refers to it statically, so
 * Parquet and Hadoop classes load only when a Parquet file is read.
 *
 * <p><b>Load order</b> (docs/metrics.md, "Load order"): timestamp, then file month (the files come
 * in ascending month order), then the row's position in its file (row-group order, then row order
 * within the group). The exporter writes a SQLite month sorted by (timestamp, rowid), so a row's
 * position in the Parquet copy is its rowid order, and a report on the copy is byte-identical to
 * one on the original. Rows are appended file by file in stored order and then stably sorted by
 * timestamp ({@link StableOrder}), as {@link SlotLoader} does.
 *
 * <p>With more than one thread, the row groups a load reads are split into up to that many
 * consecutive runs of about equal rows per file, read in parallel and concatenated in order.
 */
final class ParquetFormat implements StoreFormat {
  private final int threads;
  private final Map<Path, ParquetFooter> footers = new ConcurrentHashMap<>();

  /** A single-threaded reader. */
  ParquetFormat() {
    this(1);
  }

  /** A reader that reads up to {@code threads} runs of row groups at a time. */
  ParquetFormat(int threads) {
    this.threads = Math.max(1, threads);
  }

  /** The footer of {@code file}, read on first use. */
  private ParquetFooter footer(Path file) {
    return footers.computeIfAbsent(file, ParquetFooter::read);
  }

  @Override
  public OptionalLong maxTimestamp(Path file) {
    long[] b = footer(file).bounds();
    return b == null ? OptionalLong.empty() : OptionalLong.of(b[1]);
  }

  @Override
  public Optional<Long> lastStored(Path file) {
    ParquetFooter f = footer(file);
    for (int g = f.groups() - 1; g >= 0; g--) {
      if (f.rows(g) > 0) {
        long[] ts = ParquetRows.timestamps(f, g);
        return Optional.of(ts[ts.length - 1]);
      }
    }
    return Optional.empty();
  }

  /** All rows, and the span of the statistics when every row group has them (else -1). */
  @Override
  public Insertions insertions(Path file) {
    ParquetFooter f = footer(file);
    long rows = f.totalRows();
    long[] b = rows >= 2 && f.statisticsComplete() ? f.bounds() : null;
    return new Insertions(rows, b == null ? -1 : b[1] - b[0]);
  }

  @Override
  public Optional<RangeMarks> marks(Path file, List<TimeRange> ranges) {
    return Optional.empty(); // immutable by contract (docs/metrics.md, "Parquet months"): identity
  }

  @Override
  public Span span(Path file) {
    long[] b = footer(file).bounds();
    return b == null ? Span.NONE : new TimeSpan(b[0], b[1]);
  }

  @Override
  public boolean selectsByContent() {
    return true;
  }

  /**
   * Consecutive runs of the row groups that may hold rows of the window, each of at most {@code
   * maxRows} rows in all; empty when one such row group alone has more.
   */
  @Override
  public Optional<List<Piece>> pieces(
      Segment segment, Path file, TimeRange window, boolean openEnd, long maxRows, long maxMicros) {
    if (maxRows < 1 || maxMicros < 1) {
      throw new IllegalArgumentException("piece rows and micros must be positive");
    }
    ParquetFooter f = footer(file);
    List<Piece> out = new ArrayList<>();
    int first = -1;
    int last = -1;
    long sum = 0;
    for (int g = 0; g < f.groups(); g++) {
      long rows = f.rows(g);
      if (rows == 0 || !f.mayHold(g, window, openEnd)) {
        continue;
      }
      if (rows > maxRows) {
        return Optional.empty();
      }
      if (first >= 0 && sum + rows <= maxRows) {
        last = g;
        sum += rows;
      } else {
        if (first >= 0) {
          out.add(new ParquetPiece(segment, file, window, openEnd, first, last));
        }
        first = g;
        last = g;
        sum = rows;
      }
    }
    if (first >= 0) {
      out.add(new ParquetPiece(segment, file, window, openEnd, first, last));
    }
    return Optional.of(out);
  }

  @Override
  public SlotTable load(Piece piece, Projection projection, LoadProgress progress) {
    if (!(piece instanceof ParquetPiece p)) {
      throw new IllegalArgumentException("not a Parquet piece: " + piece);
    }
    ParquetFooter f = footer(p.file());
    TimeRange queried = p.queried();
    List<Integer> groups = new ArrayList<>();
    for (int g = p.firstGroup(); g <= p.lastGroup() && g < f.groups(); g++) {
      if (f.rows(g) > 0 && f.mayHold(g, queried, false)) {
        groups.add(g);
      }
    }
    return merge(readAll(split(f, groups, queried), projection, progress), projection);
  }

  @Override
  public SlotTable load(
      List<Path> files,
      TimeRange range,
      Projection projection,
      Path openEndFile,
      LoadProgress progress) {
    List<Part> parts = new ArrayList<>();
    for (Path file : files) {
      ParquetFooter f = footer(file);
      TimeRange queried = range.openEnded(file.equals(openEndFile));
      List<Integer> groups = new ArrayList<>();
      for (int g = 0; g < f.groups(); g++) {
        if (f.rows(g) > 0 && f.mayHold(g, queried, false)) {
          groups.add(g);
        }
      }
      parts.addAll(split(f, groups, queried));
    }
    return merge(readAll(parts, projection, progress), projection);
  }

  /** One read: row groups of one file, ascending, and the range whose rows it keeps. */
  private record Part(ParquetFooter footer, int[] groups, TimeRange range) {}

  /**
   * The row groups of one file as up to {@link #threads} consecutive runs of about equal rows, in
   * stored order; none when there is no group.
   */
  private List<Part> split(ParquetFooter f, List<Integer> groups, TimeRange range) {
    List<Part> out = new ArrayList<>();
    if (groups.isEmpty()) {
      return out;
    }
    int runs = Math.min(threads, groups.size());
    long total = 0;
    for (int g : groups) {
      total += f.rows(g);
    }
    List<Integer> run = new ArrayList<>();
    long done = 0;
    int made = 0;
    for (int k = 0; k < groups.size(); k++) {
      int g = groups.get(k);
      run.add(g);
      done += f.rows(g);
      int left = groups.size() - k - 1;
      boolean full = done * runs >= total * (made + 1L);
      if (k == groups.size() - 1 || (made < runs - 1 && full && left > 0)) {
        out.add(new Part(f, run.stream().mapToInt(Integer::intValue).toArray(), range));
        run = new ArrayList<>();
        made++;
      }
    }
    return out;
  }

  private List<SlotTable> readAll(List<Part> parts, Projection projection, LoadProgress progress) {
    return PartReads.all(
        parts,
        threads,
        p -> ParquetRows.read(p.footer(), p.groups(), p.range(), projection, progress));
  }

  /** The parts' rows one after the other, stably sorted by timestamp: load order. */
  private static SlotTable merge(List<SlotTable> chunks, Projection projection) {
    if (chunks.isEmpty()) {
      return SlotTable.empty(projection);
    }
    if (chunks.size() == 1) {
      return StableOrder.sortedByTimestamp(chunks.get(0));
    }
    return StableOrder.sortedByTimestamp(SlotTable.concat(chunks));
  }
}
