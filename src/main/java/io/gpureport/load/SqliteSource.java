package io.gpureport.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link SlotSource} of SQLite files ({@code gpu_state_YYYY-MM.db}, or one file): a segment is
 * a file, read by {@link SlotLoader}.
 */
final class SqliteSource implements SlotSource {
  /**
   * Most rowid pieces of one file; more means rowids far apart (inserted by hand), and the file is
   * read in time chunks instead.
   */
  private static final int MAX_ROWID_PIECES = 100_000;

  private final DataSource files;
  private final int threads;
  private final Map<Segment, Path> paths = new LinkedHashMap<>();

  private SqliteSource(DataSource files, int threads) {
    this.files = files;
    this.threads = threads;
    for (Path f : files.allFiles()) {
      paths.put(segment(f), f);
    }
  }

  static SqliteSource of(DataSource files, int threads) {
    return new SqliteSource(files, threads);
  }

  private static Segment segment(Path file) {
    return new Segment(file.toString());
  }

  private Path path(Segment segment) {
    Path p = paths.get(segment);
    if (p == null) {
      throw new IllegalArgumentException("not a segment of this source: " + segment);
    }
    return p;
  }

  @Override
  public List<Segment> segmentsFor(TimeRange range) {
    return files.filesFor(range).stream().map(SqliteSource::segment).toList();
  }

  @Override
  public Optional<NewestRow> lastInserted() {
    return files.lastInserted().map(r -> new NewestRow(segment(r.file()), r.timestamp()));
  }

  @Override
  public OptionalLong defaultEndTime() {
    return files.defaultEndTime();
  }

  @Override
  public Insertions insertions(Segment segment) {
    return FileLayout.insertions(path(segment));
  }

  @Override
  public Span span(Segment segment) {
    Span s = DataSource.span(path(segment));
    return s == null ? Span.NONE : s;
  }

  @Override
  public Optional<List<Piece>> pieces(
      Segment segment, TimeRange window, boolean openEnd, long maxRows, long maxMicros) {
    if (maxRows < 1 || maxMicros < 1) {
      throw new IllegalArgumentException("piece rows and micros must be positive");
    }
    Path file = path(segment);
    long[] rowids = FileLayout.rowidsUnlessIndexed(file);
    List<Piece> out = new ArrayList<>();
    if (rowids == null) {
      // an index on timestamp: time ranges, each an index range scan
      Span span = span(segment);
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
    if (!(piece instanceof FilePiece p) || !path(p.segment()).equals(p.file())) {
      throw new IllegalArgumentException("not a piece of this source: " + piece);
    }
    SlotLoader loader = new SlotLoader(threads, progress);
    return p.byRowid()
        ? loader.loadRowids(p.file(), p.queried(), p.firstRowid(), p.lastRowid(), projection)
        : loader.load(List.of(p.file()), p.range(), projection, p.openEnd() ? p.file() : null);
  }

  @Override
  public SlotTable load(
      List<Segment> segments,
      TimeRange range,
      Projection projection,
      Segment openEndSegment,
      LoadProgress progress) {
    List<Path> chosen = new ArrayList<>();
    for (Segment s : segments) {
      chosen.add(path(s));
    }
    return new SlotLoader(threads, progress)
        .load(chosen, range, projection, openEndSegment == null ? null : path(openEndSegment));
  }
}
