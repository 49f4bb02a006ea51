package io.gpureport.aggregate;

/**
 * Consecutive buckets {@code [from, to)} of one GPU with the same cell: its state and, from the row
 * that decided it, the slot's State as loaded ({@code Claimed}, {@code Drained}, {@code Other},
 * ...; "" without data), the RemoteOwner and the GlobalJobId ("" when NULL or not busy).
 */
public record TimelineRun(
    int from, int to, TimelineState state, String slotState, String user, String job) {
  public TimelineRun {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("empty run " + from + ".." + to);
    }
  }

  /** The number of buckets. */
  public int length() {
    return to - from;
  }
}
