package io.gpureport.classify;

import java.util.Objects;

/**
 * One legacy class (docs/metrics.md, "The three legacy classes"): time series and snapshot, with
 * its position, printed name, display name, JSON key and whether it is the backfill class.
 */
public record LegacyClass(
    int index, String printedName, String displayName, String jsonKey, boolean backfill) {
  public LegacyClass {
    Objects.requireNonNull(printedName, "printedName");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(jsonKey, "jsonKey");
    if (index < 0) {
      throw new IllegalArgumentException("negative index in class " + printedName);
    }
  }
}
