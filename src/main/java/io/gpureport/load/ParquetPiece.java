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
    return range.openEnded(openEnd);
  }

  @Override
  public String toString() {
    return segment
        + " "
        + range.label(openEnd)
        + " row groups ["
        + firstGroup
        + ", "
        + lastGroup
        + "]";
  }
}
