package io.gpureport.load;

import java.util.ArrayList;
import java.util.List;

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

  /** This range, or when {@code openEnd} the same start without upper bound. */
  public TimeRange openEnded(boolean openEnd) {
    return openEnd ? new TimeRange(start, Long.MAX_VALUE, true) : this;
  }

  /**
   * {@code [start, end]} or {@code [start, end)} to the second, {@code [start, open)} when {@code
   * openEnd}, for messages.
   */
  public String label(boolean openEnd) {
    return "["
        + Timestamps.formatSeconds(start)
        + ", "
        + (openEnd ? "open)" : Timestamps.formatSeconds(end) + (endInclusive ? "]" : ")"));
  }

  /**
   * This range cut into consecutive half-open ranges of {@code length} microseconds from its start,
   * the last one keeping this range's end (docs/decisions/0002-engine.md, "Chunks").
   */
  public List<TimeRange> split(long length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be positive: " + length);
    }
    List<TimeRange> out = new ArrayList<>();
    for (long from = start; ; from += length) {
      if (end - from <= length) {
        out.add(new TimeRange(from, end, endInclusive));
        return out;
      }
      out.add(halfOpen(from, from + length));
    }
  }
}
