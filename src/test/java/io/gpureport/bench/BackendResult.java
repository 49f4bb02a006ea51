package io.gpureport.bench;

import io.gpureport.aggregate.Stat;
import java.util.Collections;
import java.util.SortedMap;

/**
 * What every backend computes for a window: the number of distinct 15-minute buckets of the loaded
 * rows (N_all) and the device statistics of SEMANTICS §7.3 for classes 1–6, one {@link Stat} per
 * (class, device) entry, old-model filter on, shipped exclusions and CHTC list.
 */
public record BackendResult(long loadedRows, int buckets, SortedMap<Cell, Stat> stats) {
  public BackendResult {
    stats = Collections.unmodifiableSortedMap(stats);
  }
}
