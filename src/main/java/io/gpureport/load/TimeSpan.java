package io.gpureport.load;

/**
 * A segment's rows lie within {@code [min, max]} (naive epoch microseconds), compared as instants.
 */
record TimeSpan(long min, long max) implements Span {
  TimeSpan {
    if (max < min) {
      throw new IllegalArgumentException("span max " + max + " before min " + min);
    }
  }

  @Override
  public boolean mayHold(TimeRange range, boolean openEnd) {
    if (max < range.start()) {
      return false;
    }
    if (openEnd || range.end() == Long.MAX_VALUE) {
      return true;
    }
    return range.endInclusive() ? min <= range.end() : min < range.end();
  }
}
