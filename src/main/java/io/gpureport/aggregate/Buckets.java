package io.gpureport.aggregate;

import io.gpureport.load.Timestamps;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The distinct buckets of the rows seen so far (docs/metrics.md, "15-minute buckets"), numbered in
 * time order across the chunks of a fold: a bucket cut by a chunk edge keeps its number in the next
 * chunk.
 */
final class Buckets {
  private final int minutes;
  private final LongArrayList starts = new LongArrayList();

  Buckets(int minutes) {
    this.minutes = minutes;
  }

  /**
   * The bucket number of each row of the next chunk (timestamps ascending, after every earlier).
   */
  int[] add(long[] timestamps) {
    int[] index = new int[timestamps.length];
    long last = starts.isEmpty() ? Long.MIN_VALUE : starts.getLong(starts.size() - 1);
    for (int i = 0; i < timestamps.length; i++) {
      long b = Timestamps.floor(timestamps[i], minutes);
      if (b != last) {
        starts.add(b);
        last = b;
      }
      index[i] = starts.size() - 1;
    }
    return index;
  }

  /** Appends the next bucket (after every earlier one) and gives its number. */
  int append(long start) {
    if (!starts.isEmpty() && starts.getLong(starts.size() - 1) >= start) {
      throw new IllegalArgumentException("bucket not after the last one");
    }
    starts.add(start);
    return starts.size() - 1;
  }

  int count() {
    return starts.size();
  }

  long start(int bucket) {
    return starts.getLong(bucket);
  }

  long[] starts() {
    return starts.toLongArray();
  }
}
