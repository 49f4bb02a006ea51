package io.gpureport.load;

/** A range of naive epoch microseconds; the start is inclusive, the end as given. */
public record TimeRange(long start, long end, boolean endInclusive) {
  /** The closed window {@code [start, end]} of SEMANTICS §4.4. */
  public static TimeRange closed(long start, long end) {
    return new TimeRange(start, end, true);
  }

  /** The half-open window {@code [start, end)} of the snapshot analysis (§7.10). */
  public static TimeRange halfOpen(long start, long end) {
    return new TimeRange(start, end, false);
  }
}
