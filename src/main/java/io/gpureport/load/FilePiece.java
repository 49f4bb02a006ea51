package io.gpureport.load;

import java.nio.file.Path;

/**
 * A {@link Piece} of a SQLite file: its rows of {@code range} (with {@code openEnd}, every row from
 * its start on), and when {@code byRowid} only those with rowids {@code [firstRowid, lastRowid]}.
 */
record FilePiece(
    Segment segment,
    Path file,
    TimeRange range,
    boolean openEnd,
    boolean byRowid,
    long firstRowid,
    long lastRowid)
    implements Piece {
  /** The range the query reads: {@code range}, without upper bound when {@code openEnd}. */
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
        + (byRowid ? " rowids [" + firstRowid + ", " + lastRowid + "]" : "");
  }
}
