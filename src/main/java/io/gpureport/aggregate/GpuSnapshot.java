package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * The state of each GPU in one snapshot, from its rows there (README, "hosts options";
 * docs/metrics.md "Dedup"), shared by {@code hosts} and {@code timeline}: {@link #BUSY} if a
 * primary row is Claimed; else {@link #BACKFILL} if a backfill row is Claimed; else from the row
 * dedup keeps (the rule set's rank, ties to the first in load order, L10): {@link #IDLE} if it is
 * Unclaimed, else {@link #UNAVAILABLE}. GPUs are the caller's dense indices.
 */
final class GpuSnapshot {
  static final byte BUSY = 0;
  static final byte BACKFILL = 1;
  static final byte IDLE = 2;
  static final byte UNAVAILABLE = 3;

  /** The row dedup keeps per GPU: rank, ties to the first in load order (L10). */
  private final KeptRows kept = new KeptRows();

  private final KeptRows.Order byRank = (i, j) -> this.rows.rank(i) > this.rows.rank(j);
  private int[] busyRow = new int[0];
  private int[] backfillRow = new int[0];
  private final IntArrayList touched = new IntArrayList();
  private ClassifiedRows rows;

  /** Starts snapshot number {@code s} (ascending) of {@code chunk}. */
  void start(ClassifiedRows chunk, int s) {
    rows = chunk;
    kept.nextSnapshot();
    touched.clear();
  }

  /** Adds row {@code i} of the snapshot as a row of GPU {@code k}. */
  void add(int k, int i) {
    if (busyRow.length <= k) {
      int size = Math.max(16, Math.max(k + 1, 2 * busyRow.length));
      busyRow = Arrays.copyOf(busyRow, size);
      backfillRow = Arrays.copyOf(backfillRow, size);
    }
    if (kept.offer(k, i, byRank)) {
      busyRow[k] = -1;
      backfillRow[k] = -1;
      touched.add(k);
    }
    if (rows.states()[i] == SlotState.CLAIMED) {
      if (!rows.has(i, RowFlags.BACKFILL)) {
        busyRow[k] = busyRow[k] < 0 ? i : busyRow[k];
      } else {
        backfillRow[k] = backfillRow[k] < 0 ? i : backfillRow[k];
      }
    }
  }

  /** The number of GPUs with rows in the snapshot. */
  int size() {
    return touched.size();
  }

  /** The {@code t}-th GPU with rows in the snapshot (first row first). */
  int gpu(int t) {
    return touched.getInt(t);
  }

  /** The row dedup keeps for the {@code t}-th GPU. */
  int winner(int t) {
    return kept.row(gpu(t));
  }

  /** The state of the {@code t}-th GPU. */
  byte state(int t) {
    int k = gpu(t);
    if (busyRow[k] >= 0) {
      return BUSY;
    }
    if (backfillRow[k] >= 0) {
      return BACKFILL;
    }
    return rows.states()[kept.row(k)] == SlotState.UNCLAIMED ? IDLE : UNAVAILABLE;
  }

  /**
   * The row that decided the {@code t}-th GPU's state: its first Claimed primary row when busy, its
   * first Claimed backfill row when backfill, else the row dedup keeps.
   */
  int decidingRow(int t) {
    int k = gpu(t);
    return busyRow[k] >= 0 ? busyRow[k] : backfillRow[k] >= 0 ? backfillRow[k] : kept.row(k);
  }
}
