package io.gpureport.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the files of one store format are read (SQLite or Parquet): the per-file half of the {@link
 * SlotSource} that {@code MonthlyStore} assembles from the files of a data directory. Read-only;
 * every method takes files of this format only.
 */
interface StoreFormat {
  /** The newest timestamp of {@code file} (docs/metrics.md, "End time"); empty when no row. */
  OptionalLong maxTimestamp(Path file);

  /**
   * The timestamp of the row stored last in {@code file} (SQLite: highest rowid; Parquet: last row
   * of the last row group): empty when the file has no row, {@link Long#MIN_VALUE} inside when that
   * row's timestamp is unreadable.
   */
  Optional<Long> lastStored(Path file);

  /** The file's {@link Insertions}, without a scan. */
  Insertions insertions(Path file);

  /** The time span of the file's rows; {@link Span#NONE} when no window query can match one. */
  Span span(Path file);

  /** As {@link SlotSource#marks}, for {@code file}. */
  Optional<RangeMarks> marks(Path file, List<TimeRange> ranges);

  /**
   * Whether the files of this format are chosen for a window by their rows' span (Parquet: the
   * footer's statistics are cheap) rather than by the month in their names (SQLite).
   */
  boolean selectsByContent();

  /** As {@link SlotSource#pieces}, for {@code segment}, which is {@code file}. */
  Optional<List<Piece>> pieces(
      Segment segment, Path file, TimeRange window, boolean openEnd, long maxRows, long maxMicros);

  /** The rows of one of this format's {@link #pieces}, in load order, counted into progress. */
  SlotTable load(Piece piece, Projection projection, LoadProgress progress);

  /**
   * The rows of {@code range} in {@code files} (ascending month order) in load order
   * (docs/metrics.md, "Load order"), and from {@code openEndFile} (one of them, or null) every row
   * from the range start on, without upper bound; rows read are counted into {@code progress}.
   */
  SlotTable load(
      List<Path> files,
      TimeRange range,
      Projection projection,
      Path openEndFile,
      LoadProgress progress);
}
