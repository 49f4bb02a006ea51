package io.gpureport.aggregate;

import io.gpureport.classify.ReportingClass;
import io.gpureport.load.Timestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Allocation over time, a chart-only series (not a table number; docs/metrics.md, "HTML"): for each
 * bucket of the loaded rows (ascending) and each line, the claimed and total GPUs summed over the
 * line's device entries (model-filtered like the Real Slots table) and {@code claimed / total *
 * 100}, or {@code NaN} (no point) when the total is 0.
 *
 * <p>The device pass of the allocation tables produces it in the same pass, so that {@code Σ
 * claimed / N_all} of a line is the {@code allocatedAvg} of its class total and {@code Σ total /
 * N_all} its {@code availableAvg}. Lines: the included Real classes (1–3) in CLASS_ORDER, then
 * {@code Backfill TOTAL} (classes 4–6 together) when a backfill class is included. The arrays are
 * shared, not copied: callers must not modify them.
 */
public record BucketSeries(int bucketMinutes, long[] starts, List<Line> lines) {
  /** The name of the line of classes 4–6 together. */
  public static final String BACKFILL_TOTAL = "Backfill TOTAL";

  public BucketSeries {
    lines = List.copyOf(lines);
    for (Line l : lines) {
      if (l.claimed().length != starts.length || l.total().length != starts.length) {
        throw new IllegalArgumentException("line " + l.name() + " does not match the buckets");
      }
    }
  }

  /**
   * One line: {@code slotClass} is its Real class, or null for Backfill TOTAL. {@code percent[b]}
   * is {@code claimed[b] / total[b] * 100}, NaN where {@code total[b] == 0}.
   */
  public record Line(
      String name, ReportingClass slotClass, long[] claimed, long[] total, double[] percent) {
    /** A line with its percentages derived from the sums. */
    public static Line of(String name, ReportingClass slotClass, long[] claimed, long[] total) {
      double[] p = new double[total.length];
      for (int b = 0; b < p.length; b++) {
        p[b] = total[b] > 0 ? ((double) claimed[b] / total[b]) * 100 : Double.NaN;
      }
      return new Line(name, slotClass, claimed, total, p);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Line l
          && name.equals(l.name)
          && Objects.equals(slotClass, l.slotClass)
          && Arrays.equals(claimed, l.claimed)
          && Arrays.equals(total, l.total)
          && Arrays.equals(percent, l.percent);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, slotClass, Arrays.hashCode(claimed), Arrays.hashCode(total));
    }

    @Override
    public String toString() {
      return "Line[" + name + ", " + claimed.length + " buckets]";
    }
  }

  /** Number of buckets. */
  public int size() {
    return starts.length;
  }

  /**
   * The same lines per naive calendar day: each day's claimed and total summed over its buckets,
   * percent = Σ claimed / Σ total * 100 (NaN when Σ total = 0). {@code bucketMinutes} is 1440.
   */
  public BucketSeries daily() {
    long day = 24 * Timestamps.MICROS_PER_HOUR;
    int[] dayOf = new int[starts.length];
    long[] dayStarts = new long[starts.length];
    int days = 0;
    long last = Long.MIN_VALUE;
    for (int b = 0; b < starts.length; b++) {
      long d = starts[b] - Math.floorMod(starts[b], day);
      if (d != last) {
        dayStarts[days++] = d;
        last = d;
      }
      dayOf[b] = days - 1;
    }
    List<Line> out = new ArrayList<>(lines.size());
    for (Line l : lines) {
      long[] c = new long[days];
      long[] t = new long[days];
      for (int b = 0; b < starts.length; b++) {
        c[dayOf[b]] += l.claimed()[b];
        t[dayOf[b]] += l.total()[b];
      }
      out.add(Line.of(l.name(), l.slotClass(), c, t));
    }
    return new BucketSeries(24 * 60, Arrays.copyOf(dayStarts, days), out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketSeries s
        && bucketMinutes == s.bucketMinutes
        && Arrays.equals(starts, s.starts)
        && lines.equals(s.lines);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucketMinutes, Arrays.hashCode(starts), lines);
  }

  @Override
  public String toString() {
    return "BucketSeries[" + bucketMinutes + " min, " + starts.length + " buckets, " + lines + "]";
  }
}
