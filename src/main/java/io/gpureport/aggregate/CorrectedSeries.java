package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.LegacyClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The time series of the rule set corrected (docs/metrics.md, "Rule set corrected", C16): per
 * bucket the class rule's claimed and total GPU keys of Priority (classes 1–2), Shared (3) and
 * Backfill (4–6), and the ratio-of-sums summary.
 */
final class CorrectedSeries {
  static final int PRIORITY = 0;
  static final int SHARED = 1;
  static final int BACKFILL = 2;

  private final ClassCatalogue classes;
  private final int minutes;
  private final Buckets buckets;
  private final GroupSets sets;
  private final List<long[]> counts = new ArrayList<>();
  private final List<Long> starts = new ArrayList<>();
  private int open = -1;

  CorrectedSeries(ClassCatalogue classes, int minutes, GpuKeys keys) {
    this.classes = classes;
    this.sets = new GroupSets(keys);
    this.minutes = minutes;
    this.buckets = new Buckets(minutes);
    sets.group(CorrectedFold.fixed(PRIORITY), GroupSets.CLASS_PRIMARY, -1);
    sets.group(CorrectedFold.fixed(SHARED), GroupSets.CLASS_PRIMARY, -1);
    sets.group(CorrectedFold.fixed(BACKFILL), GroupSets.CLASS_BACKFILL, -1);
  }

  /** The series bucket of each row of the next chunk. */
  int[] buckets(long[] timestamps) {
    return buckets.add(timestamps);
  }

  /** The next snapshot is in series bucket {@code b}: closes the open one when it differs. */
  void bucket(int b) {
    if (b != open) {
      close();
      open = b;
    }
  }

  void add(int group, int key, byte bits) {
    sets.add(group, key, bits);
  }

  private void close() {
    if (open < 0) {
      return;
    }
    long[] before = totals();
    sets.closeBucket();
    long[] after = totals();
    long[] bucket = new long[after.length];
    for (int i = 0; i < bucket.length; i++) {
      bucket[i] = after[i] - before[i];
    }
    counts.add(bucket);
    starts.add(buckets.start(open));
  }

  /** Claimed and total sums of the three groups: claimed at 2g, total at 2g + 1. */
  private long[] totals() {
    long[] out = new long[6];
    for (int g = 0; g < 3; g++) {
      CorrectedReport.Sums s = sets.sums(g);
      out[2 * g] = s.allocated();
      out[2 * g + 1] = s.available();
    }
    return out;
  }

  TimeSeries finish() {
    close();
    open = -1;
    List<TimeSeries.Bucket> rows = new ArrayList<>();
    for (int b = 0; b < counts.size(); b++) {
      List<TimeSeries.Cell> cells = new ArrayList<>(3);
      for (int g = 0; g < 3; g++) {
        int claimed = (int) counts.get(b)[2 * g];
        int total = (int) counts.get(b)[2 * g + 1];
        cells.add(
            new TimeSeries.Cell(
                legacy(g), claimed, total, total > 0 ? (double) claimed / total * 100 : 0));
      }
      rows.add(new TimeSeries.Bucket(starts.get(b), cells));
    }
    List<TimeSeries.Summary> summary = new ArrayList<>();
    int n = rows.size();
    for (int g = 0; g < 3; g++) {
      CorrectedReport.Sums s = sets.sums(g);
      double percent =
          s.available() == 0 ? 0 : (double) s.allocated() / (double) s.available() * 100;
      summary.add(
          new TimeSeries.Summary(
              legacy(g),
              new Stat(percent, (double) s.allocated() / n, (double) s.available() / n)));
    }
    return new TimeSeries(minutes, rows, summary);
  }

  private LegacyClass legacy(int g) {
    return classes.legacy(g);
  }
}
