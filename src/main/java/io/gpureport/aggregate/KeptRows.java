package io.gpureport.aggregate;

import java.util.Arrays;

/**
 * The row dedup keeps for each GPU key in the current snapshot (docs/metrics.md, "Dedup" and "Rule
 * set corrected", C1): the key's first row offered in the snapshot, replaced by each later row the
 * fold's order puts strictly before it. Shared by {@link GpuSnapshot} (for {@link HostsFold} and
 * {@link TimelineFold}: every row of a GPU; rank, then load order), {@link UsersFold} (the same, by
 * GPU id) and {@link CorrectedFold} (C1: the primary rows; rank, then Name, then load order). Keys
 * are the fold's GPU keys ({@link GpuKeys} ids, or a chunk's GPU codes); rows are the chunk's.
 */
final class KeptRows {
  /** Whether row {@code i} beats row {@code j}, two rows of one key in the current snapshot. */
  @FunctionalInterface
  interface Order {
    boolean better(int i, int j);
  }

  private int[] row = new int[0];
  private int[] snapshot = new int[0];
  private int current;

  /** Starts the next snapshot: no key has a kept row in it yet. */
  void nextSnapshot() {
    current++;
  }

  /** Offers row {@code i} of key {@code k}; true when it is the key's first row of the snapshot. */
  boolean offer(int k, int i, Order order) {
    if (k >= snapshot.length) {
      int size = Math.max(Math.max(16, k + 1), 2 * snapshot.length);
      row = Arrays.copyOf(row, size);
      snapshot = Arrays.copyOf(snapshot, size);
    }
    if (snapshot[k] != current) {
      snapshot[k] = current;
      row[k] = i;
      return true;
    }
    if (order.better(i, row[k])) {
      row[k] = i;
    }
    return false;
  }

  /** Whether key {@code k} has a kept row in the current snapshot. */
  boolean has(int k) {
    return k < snapshot.length && snapshot[k] == current;
  }

  /** The kept row of key {@code k} in the current snapshot (valid when {@link #has} is true). */
  int row(int k) {
    return row[k];
  }
}
