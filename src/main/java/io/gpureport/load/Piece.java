package io.gpureport.load;

/**
 * A part of a segment that one load reads ({@link SlotSource#pieces}), opaque to the report: for
 * SQLite a rowid range of a file without a timestamp index, or a time range of one with it.
 */
public interface Piece {
  /** The segment the piece is a part of. */
  Segment segment();
}
