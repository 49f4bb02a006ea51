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
    return range.openEnded(openEnd);
  }

  @Override
  public String toString() {
    return segment
        + " "
        + range.label(openEnd)
        + (byRowid ? " rowids [" + firstRowid + ", " + lastRowid + "]" : "");
  }
}
