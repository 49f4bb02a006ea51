package io.gpureport.aggregate;

import io.gpureport.classify.ReportingClass;

/**
 * The category of a host in {@code gpureport hosts}: the reporting class of its primary (real-slot)
 * GPUs without the slot kind (docs/metrics.md, "The six reporting classes"), in class order.
 */
public enum HostCategory {
  RESEARCHER_OWNED("researcher-owned", "Researcher-owned"),
  CHTC_OWNED("chtc-owned", "CHTC-owned"),
  OPEN_CAPACITY("open-capacity", "Open capacity"),
  /** No primary row of the host was in a class (e.g. only backfill slots under corrected). */
  UNCLASSIFIED("unclassified", "Unclassified");

  private final String key;
  private final String label;

  HostCategory(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The value of {@code --category} and of JSON and CSV, e.g. {@code chtc-owned}. */
  public String key() {
    return key;
  }

  /** The heading of the text and HTML output, e.g. {@code CHTC-owned}. */
  public String label() {
    return label;
  }

  /** The category of {@code key}, or null. */
  public static HostCategory ofKey(String key) {
    for (HostCategory c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    return null;
  }

  /** The category of a class by its internal name (the same in both rule sets). */
  static HostCategory of(ReportingClass cls) {
    return switch (cls.internalName()) {
      case "Priority-ResearcherOwned", "Backfill-ResearcherOwned" -> RESEARCHER_OWNED;
      case "Priority-CHTCOwned", "Backfill-CHTCOwned" -> CHTC_OWNED;
      case "Shared", "Backfill-OpenCapacity" -> OPEN_CAPACITY;
      default -> UNCLASSIFIED;
    };
  }
}
