package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.MemoryCategory;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Real slots by memory category (docs/metrics.md, "Real Slots by Memory Category", L15): no model
 * filter, per-category bucket denominators.
 */
final class MemoryStatistics {
  private static final int CATEGORIES = MemoryCategory.values().length;

  /** The number of Real classes (the counted groups per category). */
  private final int nReal;

  /** Per class index: its position among the Real classes (only used for them). */
  private final int[] realPosition;

  /** Per class index: true for backfill classes, which this table leaves out. */
  private final boolean[] backfill;

  /** Categories in order of first appearance over every row. */
  private final List<MemoryCategory> firstSeen = new ArrayList<>();

  private final boolean[] seen = new boolean[CATEGORIES];
  private final BucketCounter counter;
  private final long[] sumClaimed = new long[CATEGORIES];
  private final long[] sumTotal = new long[CATEGORIES];
  private final int[] bucketsWithData = new int[CATEGORIES];
  private int current = -1;

  /** Set for a recording fold: every flushed category is handed to it. */
  private DayRecorder recorder;

  MemoryStatistics(ClassCatalogue classes) {
    this.nReal = classes.real().size();
    this.realPosition = classes.groupPositions();
    this.backfill = classes.backfillFlags();
    this.counter = new BucketCounter(CATEGORIES * nReal * 2);
  }

  /** Adds a chunk whose rows fall in {@code bucket}s, after every earlier one. */
  void add(ClassifiedRows rows, int[] bucket) {
    int n = rows.size();
    byte[] memory = rows.memory();
    int[] partition = new int[n];
    for (int i = 0; i < n; i++) {
      int m = memory[i];
      if (!seen[m]) {
        seen[m] = true;
        firstSeen.add(MemoryCategory.values()[m]);
      }
      partition[i] = rows.has(i, RowFlags.EXCLUDED) ? -1 : m;
    }
    boolean[] keep = Dedup.winners(rows, partition);
    int[] gpus = rows.gpus();
    byte[] cls = rows.classes().reporting();
    for (int i = 0; i < n; i++) {
      if (bucket[i] != current) {
        flush();
        current = bucket[i];
      }
      if (!keep[i] || gpus[i] < 0 || backfill[cls[i]] || !rows.has(i, RowFlags.HOST_NAME)) {
        continue;
      }
      int g = memory[i] * nReal + realPosition[cls[i]];
      counter.add(2 * g, gpus[i]);
      if (rows.states()[i] == SlotState.CLAIMED) {
        counter.add(2 * g + 1, gpus[i]);
      }
    }
  }

  /** The memory table, or null when no category has data; closes the last bucket. */
  MemoryTable finish() {
    flush();
    current = -1;
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

  private void flush() {
    long[] c = new long[CATEGORIES];
    long[] t = new long[CATEGORIES];
    for (int k = 0; k < counter.touched().size(); k++) {
      int slot = counter.touched().getInt(k);
      int cat = (slot >> 1) / nReal;
      if ((slot & 1) == 0) {
        t[cat] += counter.count(slot);
      } else {
        c[cat] += counter.count(slot);
      }
    }
    for (int m = 0; m < CATEGORIES; m++) {
      if (t[m] > 0) {
        sumClaimed[m] += c[m];
        sumTotal[m] += t[m];
        bucketsWithData[m]++;
        if (recorder != null) {
          recorder.memory(current, m, c[m], t[m]);
        }
      }
    }
    counter.reset();
  }

  /** Closes the open bucket. */
  void closeOpen() {
    flush();
    current = -1;
  }

  void record(DayRecorder r) {
    this.recorder = r;
  }

  /**
   * A replayed day (after every earlier one): its categories in first-appearance order and its
   * integer sums.
   */
  void append(byte[] order, long[] claimed, long[] total, int[] buckets) {
    flush();
    current = -1;
    for (byte m : order) {
      if (!seen[m]) {
        seen[m] = true;
        firstSeen.add(MemoryCategory.values()[m]);
      }
    }
    for (int m = 0; m < CATEGORIES; m++) {
      sumClaimed[m] += claimed[m];
      sumTotal[m] += total[m];
      bucketsWithData[m] += buckets[m];
    }
  }
}
