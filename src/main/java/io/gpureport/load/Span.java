package io.gpureport.load;

/** The time span of a segment's rows, as far as a window query is concerned. */
public interface Span {
  /** The span of a segment with no row a window query can match. */
  Span NONE = (range, openEnd) -> false;

  /**
   * Whether a row of the span can be in {@code range} as the window query compares (without upper
   * bound when {@code openEnd}).
   */
  boolean mayHold(TimeRange range, boolean openEnd);
}
