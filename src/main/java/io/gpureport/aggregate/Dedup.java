package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Duplicate cleanup (docs/metrics.md, "Dedup"), run on several row sets at once: {@code
 * partition[i]} names the set of row i (-1: in none). Within each set, rows are grouped by
 * (timestamp, GPU id) and the highest rank wins, ties going to the first in load order. Rows of one
 * timestamp are always in one chunk, so a chunk is deduplicated on its own.
 *
 * <p>The dedup rule (docs/metrics.md, "The rule") returns a set in which no non-NULL id repeats
 * over the whole window unchanged. For a row with a non-NULL id that is the same thing: such a set
 * has at most one row per id and timestamp, which wins its group. Only rows with a NULL id differ
 * (unchanged, all kept; deduplicated, one per timestamp): the device, memory and state statistics
 * never count them, and {@link UserHours}, where they can name a user, follows both cases until the
 * window decides.
 */
final class Dedup {
  private Dedup() {}

  /** True for the rows that each set keeps, grouping rows with a NULL id together. */
  static boolean[] winners(ClassifiedRows rows, int[] partition) {
    int n = rows.size();
    int[] gpus = rows.gpus();
    long nullId = rows.gpuCount();
    long stride = rows.gpuCount() + 1L;
    boolean[] keep = new boolean[n];
    long[] ts = rows.timestamps();
    byte[] rank = rows.classes().rank();
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
        long key = p * stride + (gpus[i] >= 0 ? gpus[i] : nullId);
        int b = best.get(key);
        if (b < 0 || rank[i] > rank[b]) {
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
