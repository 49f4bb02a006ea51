package io.gpureport.aggregate;

import io.gpureport.classify.LegacyClass;
import java.util.List;

/**
 * The time-series analysis (docs/metrics.md, "Time series"): one row per bucket and the summary
 * means.
 */
public record TimeSeries(int bucketMinutes, List<Bucket> buckets, List<Summary> summary) {
  /** Claimed and total GPUs of one legacy class in one bucket. */
  public record Cell(LegacyClass legacyClass, int claimed, int total, double percent) {}

  /** One bucket row, cells in Priority, Shared, Backfill order. */
  public record Bucket(long start, List<Cell> cells) {}

  /** A class's summary means. */
  public record Summary(LegacyClass legacyClass, Stat stat) {}
}
