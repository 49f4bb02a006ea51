package io.gpureport.load;

/**
 * A stored part of a {@link SlotSource} (a monthly file, for SQLite), opaque to the report: its
 * label names it in messages.
 */
public record Segment(String label) {
  @Override
  public String toString() {
    return label;
  }
}
