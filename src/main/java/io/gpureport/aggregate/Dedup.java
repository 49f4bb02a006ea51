package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * Duplicate cleanup (docs/metrics.md, "Dedup: one row per GPU per snapshot"), run on several row
 * sets at once: {@code partition[i]} names the set of row i (-1: in none). Within each set, rows
 * are grouped by (timestamp, GPU id) and the highest rank wins, ties going to the first in load
 * order. A set in which no non-NULL id repeats is returned unchanged.
 */
final class Dedup {
  private Dedup() {}

  /** True for the rows that each set keeps. */
  static boolean[] winners(ClassifiedRows rows, int[] partition, int partitions) {
    int n = rows.size();
    int[] gpus = rows.gpus();
    long nullId = rows.gpuCount();
    long stride = rows.gpuCount() + 1L;
    boolean[] hasDup = new boolean[partitions];
    LongOpenHashSet seen = new LongOpenHashSet();
    for (int i = 0; i < n; i++) {
      int p = partition[i];
      if (p >= 0 && gpus[i] >= 0 && !seen.add(p * stride + gpus[i])) {
        hasDup[p] = true;
      }
    }
    seen = null;
    boolean[] keep = new boolean[n];
    long[] ts = rows.timestamps();
    Long2IntOpenHashMap best = new Long2IntOpenHashMap();
    best.defaultReturnValue(-1);
    int runStart = 0;
    while (runStart < n) {
      int runEnd = runStart;
      while (runEnd < n && ts[runEnd] == ts[runStart]) {
        runEnd++;
      }
      for (int i = runStart; i < runEnd; i++) {
        int p = partition[i];
        if (p < 0) {
          continue;
        }
        if (!hasDup[p]) {
          keep[i] = true;
          continue;
        }
        long key = p * stride + (gpus[i] >= 0 ? gpus[i] : nullId);
        int b = best.get(key);
        if (b < 0 || rows.rank(i) > rows.rank(b)) {
          best.put(key, i);
        }
      }
      for (int winner : best.values()) {
        keep[winner] = true;
      }
      best.clear();
      runStart = runEnd;
    }
    return keep;
  }
}
