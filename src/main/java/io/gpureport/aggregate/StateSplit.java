package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.LegacyClass;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotClass;
import io.gpureport.classify.SlotState;

/**
 * Per-bucket claimed and unclaimed GPU counts with the state variants (docs/metrics.md, "State
 * variants (allocation summary and time series)"), as the non-device summary and the time series
 * use them. Each bucket's row set is deduplicated on its own.
 */
final class StateSplit {
  /** How rows map to the classes being counted. */
  enum Scheme {
    /** The six reporting classes. */
    REPORTING(SlotClass.values().length),
    /** Priority, Shared, Backfill. */
    LEGACY(LegacyClass.values().length);

    final int classes;

    Scheme(int classes) {
      this.classes = classes;
    }

    int primary(int flags) {
      return this == REPORTING
          ? SlotClass.primaryOf(flags).ordinal()
          : LegacyClass.primaryOf(flags).ordinal();
    }

    int backfill(int flags) {
      return this == REPORTING
          ? SlotClass.backfillOf(flags).ordinal()
          : LegacyClass.BACKFILL.ordinal();
    }
  }

  /** Receives, for each bucket in ascending order, the claimed and unclaimed counts by class. */
  interface BucketSink {
    void accept(int bucket, int[] claimed, int[] unclaimed);
  }

  private StateSplit() {}

  static void run(ClassifiedRows rows, Buckets buckets, Scheme scheme, BucketSink sink) {
    int n = rows.size();
    int[] partition = new int[n];
    for (int i = 0; i < n; i++) {
      partition[i] = rows.has(i, RowFlags.EXCLUDED) ? -1 : buckets.index[i];
    }
    boolean[] keep = Dedup.winners(rows, partition, Math.max(buckets.count(), 1));
    int k = scheme.classes;
    BucketCounter counter = new BucketCounter(2 * k);
    int[] gpus = rows.gpus();
    byte[] states = rows.states();
    int current = 0;
    for (int i = 0; i <= n; i++) {
      int bucket = i < n ? buckets.index[i] : buckets.count();
      while (current < bucket) {
        emit(counter, k, current, sink);
        current++;
      }
      if (i == n || partition[i] < 0 || gpus[i] < 0 || !rows.has(i, RowFlags.HOST_NAME)) {
        continue;
      }
      int f = rows.flags()[i];
      byte s = states[i];
      if (rows.has(i, RowFlags.BACKFILL)) {
        int b = scheme.backfill(f);
        if (s == SlotState.CLAIMED) {
          counter.add(2 * b, gpus[i]);
          if (keep[i]) {
            counter.add(2 * scheme.primary(f) + 1, gpus[i]);
          }
        } else if (s == SlotState.UNCLAIMED) {
          counter.add(2 * b + 1, gpus[i]);
        }
      } else if (keep[i]) {
        int p = scheme.primary(f);
        if (s == SlotState.CLAIMED) {
          counter.add(2 * p, gpus[i]);
        } else if (s == SlotState.UNCLAIMED) {
          counter.add(2 * p + 1, gpus[i]);
        }
      }
    }
  }

  private static void emit(BucketCounter counter, int k, int bucket, BucketSink sink) {
    int[] claimed = new int[k];
    int[] unclaimed = new int[k];
    for (int c = 0; c < k; c++) {
      claimed[c] = counter.count(2 * c);
      unclaimed[c] = counter.count(2 * c + 1);
    }
    counter.reset();
    sink.accept(bucket, claimed, unclaimed);
  }

  /**
   * The non-device allocation summary (docs/metrics.md, "Allocation summary
   * (--no-group-by-device)"): six stats in CLASS_ORDER.
   */
  static java.util.List<ClassStat> summary(ClassifiedRows rows, Buckets buckets) {
    int k = SlotClass.values().length;
    long[] sumC = new long[k];
    long[] sumT = new long[k];
    double[] pct = new double[k];
    int[] nPct = new int[k];
    run(
        rows,
        buckets,
        Scheme.REPORTING,
        (b, claimed, unclaimed) -> {
          for (int c = 0; c < k; c++) {
            int total = claimed[c] + unclaimed[c];
            if (total > 0) {
              pct[c] += ((double) claimed[c] / total) * 100;
              nPct[c]++;
              sumC[c] += claimed[c];
              sumT[c] += total;
            }
          }
        });
    double nAll = buckets.count();
    java.util.List<ClassStat> out = new java.util.ArrayList<>();
    for (SlotClass cls : SlotClass.values()) {
      int c = cls.ordinal();
      double mean = nPct[c] > 0 ? pct[c] / nPct[c] : 0;
      out.add(new ClassStat(cls, new Stat(mean, sumC[c] / nAll, sumT[c] / nAll)));
    }
    return out;
  }

  /** The time series (docs/metrics.md, "Time series") at {@code minutes}-wide buckets. */
  static TimeSeries timeSeries(ClassifiedRows rows, Buckets buckets, int minutes) {
    int k = LegacyClass.values().length;
    java.util.List<TimeSeries.Bucket> out = new java.util.ArrayList<>();
    run(
        rows,
        buckets,
        Scheme.LEGACY,
        (b, claimed, unclaimed) -> {
          java.util.List<TimeSeries.Cell> cells = new java.util.ArrayList<>(k);
          for (LegacyClass lc : LegacyClass.values()) {
            int c = claimed[lc.ordinal()];
            int t = c + unclaimed[lc.ordinal()];
            cells.add(new TimeSeries.Cell(lc, c, t, t > 0 ? ((double) c / t) * 100 : 0));
          }
          out.add(new TimeSeries.Bucket(buckets.starts[b], cells));
        });
    java.util.List<TimeSeries.Summary> summary = new java.util.ArrayList<>();
    for (LegacyClass lc : LegacyClass.values()) {
      double p = 0;
      double c = 0;
      double t = 0;
      for (TimeSeries.Bucket b : out) {
        TimeSeries.Cell cell = b.cells().get(lc.ordinal());
        p += cell.percent();
        c += cell.claimed();
        t += cell.total();
      }
      int nb = out.size();
      summary.add(new TimeSeries.Summary(lc, new Stat(p / nb, c / nb, t / nb)));
    }
    return new TimeSeries(minutes, out, summary);
  }
}
