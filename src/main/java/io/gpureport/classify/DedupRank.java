package io.gpureport.classify;

/** The dedup rank (docs/metrics.md, "Rank"). */
public final class DedupRank {
  private DedupRank() {}

  /** 3 claimed primary, 2 claimed backfill, 1 unclaimed primary, 0 everything else. */
  public static int of(byte state, boolean backfill) {
    if (state == SlotState.CLAIMED) {
      return backfill ? 2 : 3;
    }
    return state == SlotState.UNCLAIMED && !backfill ? 1 : 0;
  }
}
