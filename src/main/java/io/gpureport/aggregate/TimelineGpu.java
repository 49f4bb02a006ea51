package io.gpureport.aggregate;

import java.util.List;

/** One GPU (an id on a host) of a timeline: its runs, covering every bucket in order. */
public record TimelineGpu(String id, List<TimelineRun> runs) {
  public TimelineGpu {
    runs = List.copyOf(runs);
  }

  /** The id as shown: {@code (empty id)} for "", which counts as a GPU under reference (L12). */
  public String label() {
    return id.isEmpty() ? "(empty id)" : id;
  }

  /** The state in bucket {@code b}. */
  public TimelineState state(int b) {
    for (TimelineRun r : runs) {
      if (b >= r.from() && b < r.to()) {
        return r.state();
      }
    }
    throw new IndexOutOfBoundsException("bucket " + b);
  }
}
