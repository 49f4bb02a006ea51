package io.gpureport.aggregate;

import java.util.List;

/**
 * One user of {@code gpureport users} in one class (and device, with {@code --by-device}; else
 * {@code ""}): peak concurrent GPUs and the start of the first bucket that reached it, mean GPUs
 * over the window's buckets, GPU-hours, distinct jobs, share of the class's claimed GPU-hours
 * (docs/metrics.md, "Per-user concurrent GPUs"), and the value per bucket of the window when the
 * series was asked for (else empty).
 */
public record UserRow(
    String user,
    PoolClass poolClass,
    String device,
    int peakGpus,
    long peakAt,
    double meanGpus,
    double gpuHours,
    long jobs,
    double sharePercent,
    List<Integer> series) {
  public UserRow {
    series = List.copyOf(series);
  }

  /** The same row under another user name ({@code --anonymize}). */
  UserRow named(String name) {
    return new UserRow(
        name, poolClass, device, peakGpus, peakAt, meanGpus, gpuHours, jobs, sharePercent, series);
  }
}
