package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.LegacyClass;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotClass;
import io.gpureport.classify.SlotState;

/**
 * A fold over the chunks of a window: per-bucket claimed and unclaimed GPU counts with the state
 * variants (docs/metrics.md, "State variants"), as the non-device summary (docs/metrics.md,
 * "Allocation summary") and the time series (docs/metrics.md, "Time series") use them. Each
 * bucket's row set is deduplicated on its own.
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

  private final Scheme scheme;
  private final BucketSink sink;
  private final BucketCounter counter;

  /** The open bucket: the next one to hand to the sink. */
  private int current;

  StateSplit(Scheme scheme, BucketSink sink) {
    this.scheme = scheme;
    this.sink = sink;
    this.counter = new BucketCounter(2 * scheme.classes);
  }

  /** Adds a chunk whose rows fall in {@code bucket}s, after every earlier one. */
  void add(ClassifiedRows rows, int[] bucket) {
    int n = rows.size();
    int[] partition = new int[n];
    for (int i = 0; i < n; i++) {
      partition[i] = rows.has(i, RowFlags.EXCLUDED) ? -1 : bucket[i];
    }
    boolean[] keep = Dedup.winners(rows, partition);
    int[] gpus = rows.gpus();
    byte[] states = rows.states();
    for (int i = 0; i < n; i++) {
      closeBefore(bucket[i]);
      if (partition[i] < 0 || gpus[i] < 0 || !rows.has(i, RowFlags.HOST_NAME)) {
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

  /** Hands every bucket before {@code bucket} to the sink. */
  private void closeBefore(int bucket) {
    int k = scheme.classes;
    while (current < bucket) {
      int[] claimed = new int[k];
      int[] unclaimed = new int[k];
      for (int c = 0; c < k; c++) {
        claimed[c] = counter.count(2 * c);
        unclaimed[c] = counter.count(2 * c + 1);
      }
      counter.reset();
      sink.accept(current, claimed, unclaimed);
      current++;
    }
  }

  /** Hands the remaining buckets of the window's {@code count} to the sink. */
  void finish(int count) {
    closeBefore(count);
  }

  /**
   * The non-device allocation summary (docs/metrics.md, "Allocation summary"): six stats in
   * CLASS_ORDER.
   */
  static final class Summary implements BucketSink {
    private static final int K = SlotClass.values().length;
    private final long[] sumC = new long[K];
    private final long[] sumT = new long[K];
    private final double[] pct = new double[K];
    private final int[] nPct = new int[K];

    @Override
    public void accept(int bucket, int[] claimed, int[] unclaimed) {
      for (int c = 0; c < K; c++) {
        int total = claimed[c] + unclaimed[c];
        if (total > 0) {
          pct[c] += ((double) claimed[c] / total) * 100;
          nPct[c]++;
          sumC[c] += claimed[c];
          sumT[c] += total;
        }
      }
    }

    java.util.List<ClassStat> finish(int buckets) {
      double nAll = buckets;
      java.util.List<ClassStat> out = new java.util.ArrayList<>();
      for (SlotClass cls : SlotClass.values()) {
        int c = cls.ordinal();
        double mean = nPct[c] > 0 ? pct[c] / nPct[c] : 0;
        out.add(new ClassStat(cls, new Stat(mean, sumC[c] / nAll, sumT[c] / nAll)));
      }
      return out;
    }
  }

  /** The time series (docs/metrics.md, "Time series"): one bucket of cells per bucket. */
  static final class Series implements BucketSink {
    private final Buckets buckets;
    private final java.util.List<TimeSeries.Bucket> out = new java.util.ArrayList<>();

    Series(Buckets buckets) {
      this.buckets = buckets;
    }

    @Override
    public void accept(int b, int[] claimed, int[] unclaimed) {
      java.util.List<TimeSeries.Cell> cells = new java.util.ArrayList<>(claimed.length);
      for (LegacyClass lc : LegacyClass.values()) {
        int c = claimed[lc.ordinal()];
        int t = c + unclaimed[lc.ordinal()];
        cells.add(new TimeSeries.Cell(lc, c, t, t > 0 ? ((double) c / t) * 100 : 0));
      }
      out.add(new TimeSeries.Bucket(buckets.start(b), cells));
    }

    TimeSeries finish(int minutes) {
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
}
