package io.gpureport.aggregate;

import io.gpureport.classify.LegacyClass;
import java.util.Locale;

/**
 * The classes of {@code users} and {@code trend} (README, "users"): the report's three legacy
 * classes (docs/metrics.md, "The three legacy classes") under the names of the command line.
 */
public enum PoolClass {
  /** Legacy Priority: real slots with PrioritizedProjects set, classes 1 + 2. */
  PRIORITIZED("priority"),
  /** Legacy Shared: real slots with PrioritizedProjects {@code ""}, class 3. */
  OPEN("shared"),
  /** Legacy Backfill: every backfill slot, classes 4–6. */
  BACKFILL("backfill");

  private final String legacyKey;

  PoolClass(String legacyKey) {
    this.legacyKey = legacyKey;
  }

  /** {@code prioritized}, {@code open} or {@code backfill}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class of a legacy class (by its JSON key). */
  public static PoolClass of(LegacyClass legacy) {
    for (PoolClass c : values()) {
      if (c.legacyKey.equals(legacy.jsonKey())) {
        return c;
      }
    }
    throw new IllegalArgumentException("no pool class for legacy class " + legacy.jsonKey());
  }

  /** The class named {@code key}, or null. */
  public static PoolClass ofKey(String key) {
    for (PoolClass c : values()) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    return null;
  }
}
