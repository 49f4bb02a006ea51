package io.gpureport.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stored rows of the pool, whatever the store: its segments, the facts the report plans its
 * chunks with, and the rows of a window in load order (docs/metrics.md, "Load order"). Read-only;
 * it decides no rule (docs/decisions/0002-engine.md, "Sources").
 */
public interface SlotSource {
  /**
   * The source of {@code --db-path} / {@code --data-dir} (at most one is non-null), SQLite and
   * Parquet months alike, read with up to {@code threads} threads.
   */
  static SlotSource open(Path dbPath, Path dataDir, int threads) {
    return open(dbPath, dataDir, null, threads);
  }

  /**
   * The source of {@code --db-path} / {@code --data-dir} (at most one is non-null) in {@code
   * --input-format} {@code format} (null: both formats; a month stored in both is a usage error).
   */
  static SlotSource open(Path dbPath, Path dataDir, InputFormat format, int threads) {
    return new MonthlyStore(DataSource.resolve(dbPath, dataDir, format), threads);
  }

  /**
   * What the source noticed while choosing segments that the user should know (a Parquet month
   * holding rows of another month), one line each, without "Warning: ".
   */
  default List<String> warnings() {
    return List.of();
  }

  /**
   * The segments that may hold rows of {@code range}, in load order (ascending month); each holds
   * rows of its month, but rows of other times too, which a load reads if in its range.
   */
  List<Segment> segmentsFor(TimeRange range);

  /**
   * The last inserted row of the newest non-empty segment: cheap, and normally the newest row,
   * which the caller must confirm (rows need not be stored in time order); empty when there is none
   * or its timestamp is unreadable.
   */
  Optional<NewestRow> lastInserted();

  /** The newest stored timestamp (docs/metrics.md, "End time"); empty when there is no row. */
  OptionalLong defaultEndTime();

  /** The {@link Insertions} of a segment, without a scan. */
  Insertions insertions(Segment segment);

  /** The time span of a segment's rows; {@link Span#NONE} when no window query can match one. */
  Span span(Segment segment);

  /**
   * The rows of {@code range} in {@code segments} (as {@link #segmentsFor} gives them) in load
   * order, and from {@code openEndSegment} (one of them, or null) every row from the range start
   * on, without upper bound; rows read are counted into {@code progress}.
   */
  SlotTable load(
      List<Segment> segments,
      TimeRange range,
      Projection projection,
      Segment openEndSegment,
      LoadProgress progress);

  /**
   * The pieces that together read {@code segment}'s rows of {@code window} (with {@code openEnd},
   * every row from its start on), for a fold in stored order (docs/decisions/0002-engine.md); empty
   * when the segment cannot be read so (the caller reads it in time chunks). A segment that a time
   * range cannot be read from without a scan is cut into consecutive parts of its stored order of
   * at most {@code maxRows} stored rows each, any other into time ranges of at most {@code
   * maxMicros} within its span. Each piece's rows are in load order; the rows of the pieces in
   * their order are in load order exactly when the segment stores its rows in time order.
   */
  Optional<List<Piece>> pieces(
      Segment segment, TimeRange window, boolean openEnd, long maxRows, long maxMicros);

  /** The rows of one of this source's {@link #pieces}, in load order, counted into progress. */
  SlotTable load(Piece piece, Projection projection, LoadProgress progress);

  /** The rows of {@code range} in {@code segments}, in load order, without progress. */
  default SlotTable load(List<Segment> segments, TimeRange range, Projection projection) {
    return load(segments, range, projection, null, LoadProgress.silent());
  }

  /**
   * What identifies the segment's stored content without reading its rows (a file's size,
   * modification time, file key; docs/decisions/0005-rollups.md), or empty when the store cannot
   * tell: then nothing computed from it may be reused.
   */
  default Optional<String> identity(Segment segment) {
    return Optional.empty();
  }

  /**
   * The rows of {@code segment} in each of {@code ranges}, counted (with their largest rowid)
   * through a timestamp index as the loader selects them, and the segment's largest rowid; empty
   * when the segment cannot tell without reading its rows (no timestamp index, not SQLite). With no
   * range, whether it can tell.
   */
  default Optional<RangeMarks> marks(Segment segment, List<TimeRange> ranges) {
    return Optional.empty();
  }

  /**
   * What identifies every stored file of the source, in order ({@link #identity(Segment)} of each
   * one), or empty when the store cannot tell.
   */
  default Optional<String> identity() {
    return Optional.empty();
  }
}
