package io.gpureport.classify;

import java.util.List;

/** The six reporting classes (docs/metrics.md, "The six reporting classes"), in class order. */
public enum SlotClass {
  PRIORITY_RESEARCHER("Priority-ResearcherOwned", "Prioritized (Researcher Owned)", false),
  PRIORITY_CHTC("Priority-CHTCOwned", "Prioritized (CHTC Owned)", false),
  SHARED("Shared", "Open Capacity", false),
  BACKFILL_RESEARCHER("Backfill-ResearcherOwned", "Backfill (Researcher Owned)", true),
  BACKFILL_CHTC("Backfill-CHTCOwned", "Backfill (CHTC Owned)", true),
  BACKFILL_OPEN("Backfill-OpenCapacity", "Backfill (Open Capacity)", true);

  /** Classes 1–3, the "Real slots". */
  public static final List<SlotClass> REAL = List.of(PRIORITY_RESEARCHER, PRIORITY_CHTC, SHARED);

  /** Classes 4–6, the "Backfill slots". */
  public static final List<SlotClass> BACKFILL =
      List.of(BACKFILL_RESEARCHER, BACKFILL_CHTC, BACKFILL_OPEN);

  private final String internalName;
  private final String displayName;
  private final boolean backfill;

  SlotClass(String internalName, String displayName, boolean backfill) {
    this.internalName = internalName;
    this.displayName = displayName;
    this.backfill = backfill;
  }

  public String internalName() {
    return internalName;
  }

  public String displayName() {
    return displayName;
  }

  /** True for classes 4–6, which never deduplicate. */
  public boolean isBackfill() {
    return backfill;
  }

  /**
   * The primary class (1–3) that the PP and CHTC tests of a row select, used for primary rows and,
   * in the Unclaimed state variant, for claimed backfill rows (docs/metrics.md, "State variants
   * (allocation summary and time series)").
   */
  public static SlotClass primaryOf(int flags) {
    if ((flags & RowFlags.PP_EMPTY) != 0) {
      return SHARED;
    }
    return (flags & RowFlags.CHTC) != 0 ? PRIORITY_CHTC : PRIORITY_RESEARCHER;
  }

  /**
   * The backfill class (4–6) of a backfill row (docs/metrics.md, "The six reporting classes", L5).
   */
  public static SlotClass backfillOf(int flags) {
    if ((flags & RowFlags.CHTC) != 0) {
      return BACKFILL_CHTC;
    }
    boolean ppEmptyB = (flags & (RowFlags.PP_EMPTY | RowFlags.PP_NULL)) != 0;
    return ppEmptyB ? BACKFILL_OPEN : BACKFILL_RESEARCHER;
  }
}
