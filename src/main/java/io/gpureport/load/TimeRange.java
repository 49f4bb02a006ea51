package io.gpureport.load;

/** A range of naive epoch microseconds; the start is inclusive, the end as given. */
public record TimeRange(long start, long end, boolean endInclusive) {
  /** The closed window {@code [start, end]} (docs/metrics.md, "Window"). */
  public static TimeRange closed(long start, long end) {
    return new TimeRange(start, end, true);
  }

  /**
   * The half-open window {@code [start, end)} of the snapshot analysis (docs/metrics.md, "GPU-model
   * snapshot").
   */
  public static TimeRange halfOpen(long start, long end) {
    return new TimeRange(start, end, false);
  }
}
