package io.gpureport.aggregate;

import io.gpureport.load.Timestamps;

/**
 * A maximal run of snapshots in which one GPU was {@code idle} (README, "hosts"): from {@code
 * start}, its first idle snapshot, to {@code end}, the first later snapshot in which it was not
 * idle, or its last idle snapshot when a missing snapshot follows it, or the window's end when
 * {@code open}. Times are naive epoch microseconds.
 */
public record IdleStretch(String host, String gpu, long start, long end, boolean open) {
  /** The length in hours (unrounded). */
  public double hours() {
    return (double) (end - start) / Timestamps.MICROS_PER_HOUR;
  }
}
