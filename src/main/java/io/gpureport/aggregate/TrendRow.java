package io.gpureport.aggregate;

import java.time.LocalDate;

/**
 * One period and class of {@code gpureport trend} (docs/metrics.md, "Trend"): {@code [start, end)}
 * in days, partial when the range does not cover the whole period; {@code poolClass} is a class key
 * or {@code real} (Priority + Shared); averages over the buckets with data.
 */
public record TrendRow(
    LocalDate start,
    LocalDate end,
    boolean partial,
    String poolClass,
    long claimedSum,
    long availableSum,
    int bucketsWithData,
    int bucketsInPeriod,
    double bucketHours) {

  /** Σ claimed ÷ buckets with data (0 without data). */
  public double avgAllocated() {
    return bucketsWithData > 0 ? (double) claimedSum / bucketsWithData : 0;
  }

  /** Σ available ÷ buckets with data (0 without data). */
  public double avgAvailable() {
    return bucketsWithData > 0 ? (double) availableSum / bucketsWithData : 0;
  }

  /** Ratio of the sums, × 100 (0 with nothing available). */
  public double allocatedPercent() {
    return availableSum > 0 ? ((double) claimedSum / availableSum) * 100 : 0;
  }

  /** Σ claimed × the bucket length in hours. */
  public double claimedGpuHours() {
    return claimedSum * bucketHours;
  }

  /** Buckets with data ÷ the period's buckets inside the range, × 100. */
  public double coveragePercent() {
    return bucketsInPeriod > 0 ? ((double) bucketsWithData / bucketsInPeriod) * 100 : 0;
  }
}
