package io.gpureport.classify;

/**
 * The three legacy classes (docs/metrics.md, "The three legacy classes"): time series and snapshot.
 */
public enum LegacyClass {
  PRIORITY("Priority", "Prioritized service", "priority"),
  SHARED("Shared", "Open Capacity", "shared"),
  BACKFILL("Backfill", "Backfill", "backfill");

  private final String printedName;
  private final String displayName;
  private final String jsonKey;

  LegacyClass(String printedName, String displayName, String jsonKey) {
    this.printedName = printedName;
    this.displayName = displayName;
    this.jsonKey = jsonKey;
  }

  public String printedName() {
    return printedName;
  }

  public String displayName() {
    return displayName;
  }

  public String jsonKey() {
    return jsonKey;
  }

  /** The legacy class selected by a row's PP test; PRIORITY or SHARED for any row. */
  public static LegacyClass primaryOf(int flags) {
    return (flags & RowFlags.PP_EMPTY) != 0 ? SHARED : PRIORITY;
  }
}
