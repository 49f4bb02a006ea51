package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.MemoryCategory;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotClass;
import io.gpureport.classify.SlotState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Real slots by memory category (docs/metrics.md, "Real Slots by Memory Category", L15): no model
 * filter, per-category bucket denominators.
 */
final class MemoryStatistics {
  private MemoryStatistics() {}

  /** The memory table, or null when no category has data. */
  static MemoryTable compute(ClassifiedRows rows, Buckets buckets) {
    int nCat = MemoryCategory.values().length;
    int n = rows.size();
    byte[] memory = rows.memory();
    List<MemoryCategory> firstSeen = new ArrayList<>();
    boolean[] seen = new boolean[nCat];
    int[] partition = new int[n];
    for (int i = 0; i < n; i++) {
      int m = memory[i];
      if (!seen[m]) {
        seen[m] = true;
        firstSeen.add(MemoryCategory.values()[m]);
      }
      partition[i] = rows.has(i, RowFlags.EXCLUDED) ? -1 : m;
    }
    boolean[] keep = Dedup.winners(rows, partition, nCat);
    int classes = SlotClass.REAL.size();
    BucketCounter counter = new BucketCounter(nCat * classes * 2);
    long[] sumClaimed = new long[nCat];
    long[] sumTotal = new long[nCat];
    int[] bucketsWithData = new int[nCat];
    int[] gpus = rows.gpus();
    int current = -1;
    for (int i = 0; i <= n; i++) {
      int bucket = i < n ? buckets.index[i] : -2;
      if (bucket != current) {
        flush(counter, classes, nCat, sumClaimed, sumTotal, bucketsWithData);
        current = bucket;
      }
      if (i == n
          || !keep[i]
          || gpus[i] < 0
          || rows.has(i, RowFlags.BACKFILL)
          || !rows.has(i, RowFlags.HOST_NAME)) {
        continue;
      }
      int g = memory[i] * classes + SlotClass.primaryOf(rows.flags()[i]).ordinal();
      counter.add(2 * g, gpus[i]);
      if (rows.states()[i] == SlotState.CLAIMED) {
        counter.add(2 * g + 1, gpus[i]);
      }
    }
    List<MemoryTable.Row> recorded = new ArrayList<>();
    double claimed = 0;
    double available = 0;
    for (MemoryCategory m : firstSeen) {
      int k = m.ordinal();
      if (bucketsWithData[k] > 0) {
        double c = (double) sumClaimed[k] / bucketsWithData[k];
        double a = (double) sumTotal[k] / bucketsWithData[k];
        recorded.add(new MemoryTable.Row(m.label(), Stat.ofSums(c, a)));
        claimed += c;
        available += a;
      }
    }
    if (recorded.isEmpty()) {
      return null;
    }
    List<MemoryTable.Row> display = new ArrayList<>(recorded);
    display.sort(Comparator.comparingDouble(r -> sortKey(r.category())));
    return new MemoryTable(Stat.ofSums(claimed, available), display);
  }

  private static double sortKey(String label) {
    for (MemoryCategory m : MemoryCategory.values()) {
      if (m.label().equals(label)) {
        return m.sortKey();
      }
    }
    return 999;
  }

  private static void flush(
      BucketCounter counter,
      int classes,
      int nCat,
      long[] sumClaimed,
      long[] sumTotal,
      int[] bucketsWithData) {
    long[] c = new long[nCat];
    long[] t = new long[nCat];
    for (int k = 0; k < counter.touched().size(); k++) {
      int slot = counter.touched().getInt(k);
      int cat = (slot >> 1) / classes;
      if ((slot & 1) == 0) {
        t[cat] += counter.count(slot);
      } else {
        c[cat] += counter.count(slot);
      }
    }
    for (int m = 0; m < nCat; m++) {
      if (t[m] > 0) {
        sumClaimed[m] += c[m];
        sumTotal[m] += t[m];
        bucketsWithData[m]++;
      }
    }
    counter.reset();
  }
}
