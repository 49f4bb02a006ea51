package io.gpureport.classify;

import java.util.Objects;

/**
 * One reporting class of a rule set (docs/metrics.md, "The six reporting classes"): its position in
 * class order, its names, whether it is a backfill class (never deduplicated) and the legacy class
 * it belongs to (docs/metrics.md, "The three legacy classes").
 */
public record ReportingClass(
    int index, String internalName, String displayName, boolean backfill, int legacy) {
  public ReportingClass {
    Objects.requireNonNull(internalName, "internalName");
    Objects.requireNonNull(displayName, "displayName");
    if (index < 0 || legacy < 0) {
      throw new IllegalArgumentException("negative index in class " + internalName);
    }
  }
}
