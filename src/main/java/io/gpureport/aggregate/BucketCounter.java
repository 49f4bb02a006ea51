package io.gpureport.aggregate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/** Counts distinct GPU ids per group within one bucket, then hands the counts over and resets. */
final class BucketCounter {
  /** Receives a group's distinct count at the end of a bucket. */
  interface Sink {
    void accept(int group, int count);
  }

  private final LongOpenHashSet seen = new LongOpenHashSet();
  private int[] counts;
  private final IntArrayList touched = new IntArrayList();

  BucketCounter(int groups) {
    this.counts = new int[groups];
  }

  /** Adds a non-NULL GPU id to a group (groups are added as they come). */
  void add(int group, int gpu) {
    if (group >= counts.length) {
      counts = java.util.Arrays.copyOf(counts, Math.max(group + 1, 2 * counts.length));
    }
    if (seen.add(((long) group << 32) | (gpu & 0xffffffffL))) {
      if (counts[group]++ == 0) {
        touched.add(group);
      }
    }
  }

  /** Current count of a group in this bucket. */
  int count(int group) {
    return group < counts.length ? counts[group] : 0;
  }

  /** Groups with a non-zero count in this bucket, in first-touched order. */
  IntArrayList touched() {
    return touched;
  }

  /** Clears the bucket. */
  void reset() {
    for (int i = 0; i < touched.size(); i++) {
      counts[touched.getInt(i)] = 0;
    }
    touched.clear();
    seen.clear();
  }
}
