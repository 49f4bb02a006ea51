package io.gpureport.classify;

import java.util.List;

/**
 * A rule set's classes as data: the reporting classes in class order and the legacy classes, each
 * at the position of its index (docs/metrics.md, "Classes").
 */
public record ClassCatalogue(List<ReportingClass> classes, List<LegacyClass> legacyClasses) {
  public ClassCatalogue {
    classes = List.copyOf(classes);
    legacyClasses = List.copyOf(legacyClasses);
    for (int i = 0; i < classes.size(); i++) {
      ReportingClass c = classes.get(i);
      if (c.index() != i || c.legacy() >= legacyClasses.size()) {
        throw new IllegalArgumentException("class " + c.internalName() + " is not at " + i);
      }
    }
    for (int i = 0; i < legacyClasses.size(); i++) {
      if (legacyClasses.get(i).index() != i) {
        throw new IllegalArgumentException("legacy class " + legacyClasses.get(i) + " not at " + i);
      }
    }
  }

  /** The number of reporting classes. */
  public int size() {
    return classes.size();
  }

  /** The reporting class at {@code index}. */
  public ReportingClass get(int index) {
    return classes.get(index);
  }

  /** The legacy class at {@code index}. */
  public LegacyClass legacy(int index) {
    return legacyClasses.get(index);
  }

  /** The "Real slots" group (classes 1–3 in the reference rules), in class order. */
  public List<ReportingClass> real() {
    return classes.stream().filter(c -> !c.backfill()).toList();
  }

  /** The "Backfill slots" group (classes 4–6 in the reference rules), in class order. */
  public List<ReportingClass> backfill() {
    return classes.stream().filter(ReportingClass::backfill).toList();
  }

  /**
   * Per reporting class index: its position in its group ({@link #real()} or {@link #backfill()}).
   */
  public int[] groupPositions() {
    int[] out = new int[classes.size()];
    int real = 0;
    int backfill = 0;
    for (ReportingClass c : classes) {
      out[c.index()] = c.backfill() ? backfill++ : real++;
    }
    return out;
  }

  /** Per reporting class index: true for backfill classes (never deduplicated). */
  public boolean[] backfillFlags() {
    boolean[] out = new boolean[classes.size()];
    for (ReportingClass c : classes) {
      out[c.index()] = c.backfill();
    }
    return out;
  }
}
