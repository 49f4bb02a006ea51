package io.gpureport.render;

import io.gpureport.aggregate.TrendRow;
import java.util.List;

/** {@code gpureport trend} as CSV ({@link Csv}): one row per period and class, unrounded. */
public final class TrendCsv {
  private TrendCsv() {}

  /** The CSV output. */
  public static String render(List<TrendRow> rows) {
    StringBuilder b = new StringBuilder();
    Csv.row(
        b,
        List.of(
            "start",
            "end",
            "partial",
            "class",
            "avg_allocated",
            "avg_available",
            "allocated_percent",
            "claimed_gpu_hours",
            "buckets_with_data",
            "buckets_in_period",
            "coverage_percent"));
    for (TrendRow r : rows) {
      Csv.row(
          b,
          List.of(
              r.start().toString(),
              r.end().toString(),
              Boolean.toString(r.partial()),
              r.poolClass(),
              Numbers.json(r.avgAllocated()),
              Numbers.json(r.avgAvailable()),
              Numbers.json(r.allocatedPercent()),
              Numbers.json(r.claimedGpuHours()),
              Integer.toString(r.bucketsWithData()),
              Integer.toString(r.bucketsInPeriod()),
              Numbers.json(r.coveragePercent())));
    }
    return b.toString();
  }
}
