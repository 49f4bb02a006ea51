package io.gpureport.aggregate;

/**
 * What a GPU did in one bucket of {@code gpureport timeline} (docs/metrics.md, "Timeline cells"):
 * busy on a primary slot by the host's class, busy with a backfill job, idle by class, unavailable,
 * or no data. {@link #rank()} orders them as the rule sets' dedup rank does; the highest-ranked
 * state of a bucket's snapshots wins.
 */
public enum TimelineState {
  NO_DATA("no-data", "no data", 0),
  UNAVAILABLE("unavailable", "unavailable", 1),
  IDLE_RESEARCHER("idle-researcher", "idle, researcher-owned", 2),
  IDLE_CHTC("idle-chtc", "idle, CHTC-owned", 2),
  IDLE_OPEN("idle-open", "idle, open capacity", 2),
  IDLE_UNCLASSIFIED("idle-unclassified", "idle, unclassified", 2),
  BACKFILL("backfill", "busy, backfill job", 3),
  BUSY_RESEARCHER("busy-researcher", "busy, researcher-owned", 4),
  BUSY_CHTC("busy-chtc", "busy, CHTC-owned", 4),
  BUSY_OPEN("busy-open", "busy, open capacity", 4),
  BUSY_UNCLASSIFIED("busy-unclassified", "busy, unclassified", 4);

  private final String key;
  private final String label;
  private final int rank;

  TimelineState(String key, String label, int rank) {
    this.key = key;
    this.label = label;
    this.rank = rank;
  }

  /** A stable name for CSS classes and tests, e.g. {@code busy-chtc}. */
  public String key() {
    return key;
  }

  /** The legend's words, e.g. {@code busy, CHTC-owned}. */
  public String label() {
    return label;
  }

  /** Busy primary 4, backfill 3, idle 2, unavailable 1, no data 0. */
  public int rank() {
    return rank;
  }

  /** Busy on a primary slot of a host of {@code c}. */
  static TimelineState busy(HostCategory c) {
    return switch (c) {
      case RESEARCHER_OWNED -> BUSY_RESEARCHER;
      case CHTC_OWNED -> BUSY_CHTC;
      case OPEN_CAPACITY -> BUSY_OPEN;
      case UNCLASSIFIED -> BUSY_UNCLASSIFIED;
    };
  }

  /** Idle, in class {@code c}. */
  static TimelineState idle(HostCategory c) {
    return switch (c) {
      case RESEARCHER_OWNED -> IDLE_RESEARCHER;
      case CHTC_OWNED -> IDLE_CHTC;
      case OPEN_CAPACITY -> IDLE_OPEN;
      case UNCLASSIFIED -> IDLE_UNCLASSIFIED;
    };
  }
}
