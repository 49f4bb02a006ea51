package io.gpureport.load;

import java.nio.file.Path;

/**
 * A {@link Piece} of a Parquet file: its row groups {@code [firstGroup, lastGroup]}, read with
 * {@code range} (with {@code openEnd}, every row from its start on).
 */
record ParquetPiece(
    Segment segment, Path file, TimeRange range, boolean openEnd, int firstGroup, int lastGroup)
    implements Piece {
  /** The range the read keeps rows of: {@code range}, without upper bound when {@code openEnd}. */
  TimeRange queried() {
    return openEnd ? new TimeRange(range.start(), Long.MAX_VALUE, true) : range;
  }

  @Override
  public String toString() {
    return segment
        + " ["
        + Timestamps.formatSeconds(range.start())
        + ", "
        + (openEnd
            ? "open)"
            : Timestamps.formatSeconds(range.end()) + (range.endInclusive() ? "]" : ")"))
        + " row groups ["
        + firstGroup
        + ", "
        + lastGroup
        + "]";
  }
}
