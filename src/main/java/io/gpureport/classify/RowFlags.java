package io.gpureport.classify;

/**
 * Bit flags that classification stores per row; the class predicates (docs/metrics.md, "Classes")
 * read them.
 */
public final class RowFlags {
  /** {@code Name} contains {@code backfill}. */
  public static final int BACKFILL = 1;

  /** {@code Machine} is in the CHTC-owned list. */
  public static final int CHTC = 2;

  /** {@code Machine} matches an exclusion pattern. */
  public static final int EXCLUDED = 4;

  /** {@code --host} is empty or finds a match in {@code Name} (case-sensitive). */
  public static final int HOST_NAME = 8;

  /** {@code --host} is empty or finds a match in {@code Machine} (case-insensitive). */
  public static final int HOST_MACHINE = 16;

  /** PrioritizedProjects is NULL. */
  public static final int PP_NULL = 32;

  /** PrioritizedProjects is exactly {@code ""}. */
  public static final int PP_EMPTY = 64;

  /**
   * PrioritizedProjects is blank: NULL, or only characters up to U+0020 (rule set corrected, C3).
   */
  public static final int PP_BLANK = 128;

  /** {@code Name} contains {@code interactive} (rule set corrected, C4). */
  public static final int INTERACTIVE = 256;

  /** PreventJobsReason is not blank (rule set corrected, C9). */
  public static final int PREVENT_SET = 512;

  /** The row's file records PreventJobsReason (rule set corrected, F8). */
  public static final int PREVENT_RECORDED = 1024;

  /** The device name is old by the one model filter of the rule set corrected (C10). */
  public static final int OLD_DEVICE = 2048;

  private RowFlags() {}
}
