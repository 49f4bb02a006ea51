package io.gpureport.load;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Establishes load order (docs/metrics.md, "Load order"): rows arrive in (file month, rowid) order,
 * and a stable sort by timestamp turns that into (timestamp, file month, rowid). Collector files
 * are written in time order, so the sort is nearly always skipped.
 */
final class StableOrder {
  private StableOrder() {}

  static SlotTable sortedByTimestamp(SlotTable t) {
    long[] ts = t.timestamps().asLongArray();
    boolean sorted = true;
    for (int i = 1; i < ts.length && sorted; i++) {
      sorted = ts[i - 1] <= ts[i];
    }
    if (sorted) {
      return t;
    }
    int[] order = new int[ts.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    IntArrays.mergeSort(order, (a, b) -> Long.compare(ts[a], ts[b]));
    return t.reordered(order);
  }
}
