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
