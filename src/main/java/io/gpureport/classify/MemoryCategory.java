package io.gpureport.classify;

/**
 * Memory categories (docs/metrics.md, "Memory categories"), with the display sort key of the memory
 * table (L16).
 */
public enum MemoryCategory {
  UNDER_48("<48GB", 48),
  GB48("48GB", 48),
  GB80("80GB", 80),
  OVER_80(">80GB", 80.1),
  UNKNOWN("Unknown", 999);

  private final String label;
  private final double sortKey;

  MemoryCategory(String label, double sortKey) {
    this.label = label;
    this.sortKey = sortKey;
  }

  public String label() {
    return label;
  }

  public double sortKey() {
    return sortKey;
  }

  /** The category of a memory size in MiB; NaN means "no value". */
  public static MemoryCategory of(double mib) {
    if (Double.isNaN(mib) || mib <= 0) {
      return UNKNOWN;
    }
    double gb = mib / 1024;
    if (gb < 44) {
      return UNDER_48;
    }
    if (gb <= 50) {
      return GB48;
    }
    if (gb >= 75 && gb <= 85) {
      return GB80;
    }
    return gb > 85 ? OVER_80 : UNDER_48;
  }
}
