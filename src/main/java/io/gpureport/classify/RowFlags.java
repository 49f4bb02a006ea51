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

  private RowFlags() {}
}
