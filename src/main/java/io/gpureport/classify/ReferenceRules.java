package io.gpureport.classify;

import io.gpureport.load.SlotTable;
import java.util.List;

/**
 * The rule set {@code reference}: the legacy reporter's classes (docs/metrics.md, "Classes", L3–L5)
 * and dedup rank (docs/metrics.md, "Rank", L9, L10).
 */
final class ReferenceRules implements RuleSet {
  static final ReferenceRules INSTANCE = new ReferenceRules();

  static final int PRIORITY_RESEARCHER = 0;
  static final int PRIORITY_CHTC = 1;
  static final int SHARED = 2;
  static final int BACKFILL_RESEARCHER = 3;
  static final int BACKFILL_CHTC = 4;
  static final int BACKFILL_OPEN = 5;

  static final int LEGACY_PRIORITY = 0;
  static final int LEGACY_SHARED = 1;
  static final int LEGACY_BACKFILL = 2;

  /** docs/metrics.md, "The six reporting classes" and "The three legacy classes". */
  private static final ClassCatalogue CLASSES =
      new ClassCatalogue(
          List.of(
              new ReportingClass(
                  PRIORITY_RESEARCHER,
                  "Priority-ResearcherOwned",
                  "Prioritized (Researcher Owned)",
                  false,
                  LEGACY_PRIORITY),
              new ReportingClass(
                  PRIORITY_CHTC,
                  "Priority-CHTCOwned",
                  "Prioritized (CHTC Owned)",
                  false,
                  LEGACY_PRIORITY),
              new ReportingClass(SHARED, "Shared", "Open Capacity", false, LEGACY_SHARED),
              new ReportingClass(
                  BACKFILL_RESEARCHER,
                  "Backfill-ResearcherOwned",
                  "Backfill (Researcher Owned)",
                  true,
                  LEGACY_BACKFILL),
              new ReportingClass(
                  BACKFILL_CHTC,
                  "Backfill-CHTCOwned",
                  "Backfill (CHTC Owned)",
                  true,
                  LEGACY_BACKFILL),
              new ReportingClass(
                  BACKFILL_OPEN,
                  "Backfill-OpenCapacity",
                  "Backfill (Open Capacity)",
                  true,
                  LEGACY_BACKFILL)),
          List.of(
              new LegacyClass(
                  LEGACY_PRIORITY, "Priority", "Prioritized service", "priority", false),
              new LegacyClass(LEGACY_SHARED, "Shared", "Open Capacity", "shared", false),
              new LegacyClass(LEGACY_BACKFILL, "Backfill", "Backfill", "backfill", true)));

  /** The decisions for every combination of row flags and state, built once from the rules. */
  private static final Classifier.Decisions DECISIONS = decisions();

  private ReferenceRules() {}

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public ClassCatalogue classes() {
    return CLASSES;
  }

  @Override
  public ClassifiedRows classify(SlotTable table, ClassifyRules rules) {
    return Classifier.classify(table, rules, CLASSES, DECISIONS);
  }

  @Override
  public RowClass classOf(
      String name, String state, String prioritizedProjects, boolean chtcOwned) {
    int flags =
        Classifier.nameFlags(name)
            | Classifier.projectFlags(prioritizedProjects)
            | (chtcOwned ? RowFlags.CHTC : 0);
    return DECISIONS.of(flags, SlotState.of(state));
  }

  private static Classifier.Decisions decisions() {
    return Classifier.Decisions.of(
        (flags, state) -> {
          int primary = primaryOf(flags);
          boolean backfill = (flags & RowFlags.BACKFILL) != 0;
          int reporting = backfill ? backfillOf(flags) : primary;
          return new RowClass(
              reporting, primary, CLASSES.get(reporting).legacy(), rank(state, backfill));
        });
  }

  /**
   * The primary class (1–3) that the PP and CHTC tests of a row select, used for primary rows and,
   * in the Unclaimed state variant, for claimed backfill rows (docs/metrics.md, "State variants
   * (allocation summary and time series)"); PP NULL counts as prioritized (L3), Open Capacity has
   * no CHTC test (L4).
   */
  static int primaryOf(int flags) {
    if ((flags & RowFlags.PP_EMPTY) != 0) {
      return SHARED;
    }
    return (flags & RowFlags.CHTC) != 0 ? PRIORITY_CHTC : PRIORITY_RESEARCHER;
  }

  /**
   * The backfill class (4–6) of a backfill row by its own PP, NULL counting as empty
   * (docs/metrics.md, "The six reporting classes", L3, L5).
   */
  static int backfillOf(int flags) {
    if ((flags & RowFlags.CHTC) != 0) {
      return BACKFILL_CHTC;
    }
    boolean ppEmptyB = (flags & (RowFlags.PP_EMPTY | RowFlags.PP_NULL)) != 0;
    return ppEmptyB ? BACKFILL_OPEN : BACKFILL_RESEARCHER;
  }

  /**
   * The dedup rank (docs/metrics.md, "Rank"): 3 claimed primary, 2 claimed backfill (L9), 1
   * unclaimed primary, 0 everything else.
   */
  static int rank(byte state, boolean backfill) {
    if (state == SlotState.CLAIMED) {
      return backfill ? 2 : 3;
    }
    return state == SlotState.UNCLAIMED && !backfill ? 1 : 0;
  }
}
