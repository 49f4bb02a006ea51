package io.gpureport.classify;

/**
 * Slot state as the metrics see it: Claimed, Unclaimed, or anything else (docs/metrics.md,
 * "States").
 */
public final class SlotState {
  public static final byte OTHER = 0;
  public static final byte CLAIMED = 1;
  public static final byte UNCLAIMED = 2;

  private SlotState() {}

  /** Exact, case-sensitive comparison with {@code Claimed} / {@code Unclaimed}. */
  public static byte of(String state) {
    if ("Claimed".equals(state)) {
      return CLAIMED;
    }
    return "Unclaimed".equals(state) ? UNCLAIMED : OTHER;
  }
}
