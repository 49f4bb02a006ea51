package io.gpureport.classify;

/**
 * Slot state as the metrics see it: Claimed, Unclaimed, or anything else (docs/metrics.md,
 * "States").
 */
public final class SlotState {
  public static final byte OTHER = 0;
  public static final byte CLAIMED = 1;
  public static final byte UNCLAIMED = 2;

  /** Only in the rule set corrected, which counts drained GPUs apart (C6); else {@link #OTHER}. */
  public static final byte DRAINED = 3;

  private SlotState() {}

  /** Exact, case-sensitive comparison with {@code Claimed} / {@code Unclaimed}. */
  public static byte of(String state) {
    if ("Claimed".equals(state)) {
      return CLAIMED;
    }
    return "Unclaimed".equals(state) ? UNCLAIMED : OTHER;
  }

  /** {@link #of} with {@code Drained} kept apart as {@link #DRAINED} (rule set corrected, C6). */
  public static byte withDrained(String state) {
    return "Drained".equals(state) ? DRAINED : of(state);
  }
}
