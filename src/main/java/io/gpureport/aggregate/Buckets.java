package io.gpureport.aggregate;

import io.gpureport.load.Timestamps;
import java.util.Arrays;

/**
 * The distinct buckets of the loaded rows and each row's bucket index (docs/metrics.md, "15-minute
 * buckets").
 */
final class Buckets {
  final int[] index;
  final long[] starts;

  private Buckets(int[] index, long[] starts) {
    this.index = index;
    this.starts = starts;
  }

  /** Buckets of rows sorted by timestamp, floored to {@code minutes}. */
  static Buckets of(long[] timestamps, int minutes) {
    int[] index = new int[timestamps.length];
    long[] starts = new long[16];
    int count = 0;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < timestamps.length; i++) {
      long b = Timestamps.floor(timestamps[i], minutes);
      if (b != last) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = b;
        last = b;
      }
      index[i] = count - 1;
    }
    return new Buckets(index, Arrays.copyOf(starts, count));
  }

  int count() {
    return starts.length;
  }
}
