package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import java.util.Arrays;

/**
 * Per host, its kept rows per reporting class, and from them its {@link HostCategory}: the class
 * with the most kept rows, primary classes first (class order on ties; README, "hosts options").
 */
final class HostClasses {
  private final ClassCatalogue classes;
  private final boolean[] backfillClass;
  private final int nClasses;
  private long[] counts = new long[0];

  HostClasses(ClassCatalogue classes) {
    this.classes = classes;
    this.backfillClass = classes.backfillFlags();
    this.nClasses = classes.size();
  }

  /** Counts a kept row of host {@code h} (a dense index) in class {@code c}. */
  void add(int h, int c) {
    if (counts.length <= h * nClasses + c) {
      counts = Arrays.copyOf(counts, 2 * (h + 1) * nClasses);
    }
    counts[h * nClasses + c]++;
  }

  /** The category of host {@code h}; {@link HostCategory#UNCLASSIFIED} without kept rows. */
  HostCategory category(int h) {
    int best = -1;
    for (int pass = 0; pass < 2 && best < 0; pass++) {
      for (int c = 0; c < nClasses; c++) {
        boolean wanted = pass == 0 ? !backfillClass[c] : backfillClass[c];
        long count = count(h, c);
        if (wanted && count > 0 && (best < 0 || count > count(h, best))) {
          best = c;
        }
      }
    }
    return best < 0 ? HostCategory.UNCLASSIFIED : HostCategory.of(classes.get(best));
  }

  private long count(int h, int c) {
    int at = h * nClasses + c;
    return at < counts.length ? counts[at] : 0;
  }
}
