package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.LegacyClass;
import io.gpureport.classify.ReportingClass;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;

/**
 * A fold over the chunks of a window: per-bucket claimed and unclaimed GPU counts with the state
 * variants (docs/metrics.md, "State variants"), as the non-device summary (docs/metrics.md,
 * "Allocation summary") and the time series (docs/metrics.md, "Time series") use them. Each
 * bucket's row set is deduplicated on its own.
 */
final class StateSplit {
  /** Which classes are counted: the reporting classes or the legacy classes of the catalogue. */
  enum Scheme {
    /** The six reporting classes. */
    REPORTING,
    /** Priority, Shared, Backfill. */
    LEGACY
  }

  /** Receives, for each bucket in ascending order, the claimed and unclaimed counts by class. */
  interface BucketSink {
    void accept(int bucket, int[] claimed, int[] unclaimed);
  }

  private final boolean legacy;
  private final int classes;

  /** Per reporting class index: the counted class (itself, or its legacy class). */
  private final int[] countedClass;

  /** Per reporting class index: true for backfill classes, which never deduplicate. */
  private final boolean[] backfill;

  private final BucketSink sink;
  private final BucketCounter counter;

  /** The open bucket: the next one to hand to the sink. */
  private int current;

  StateSplit(ClassCatalogue catalogue, Scheme scheme, BucketSink sink) {
    this.legacy = scheme == Scheme.LEGACY;
    this.classes = legacy ? catalogue.legacyClasses().size() : catalogue.size();
    this.countedClass = new int[catalogue.size()];
    for (ReportingClass c : catalogue.classes()) {
      countedClass[c.index()] = legacy ? c.legacy() : c.index();
    }
    this.backfill = catalogue.backfillFlags();
    this.sink = sink;
    this.counter = new BucketCounter(2 * classes);
  }

  BucketSink sink() {
    return sink;
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
    byte[] reporting = rows.classes().reporting();
    byte[] own = legacy ? rows.classes().legacy() : reporting;
    byte[] primary = rows.classes().primary();
    for (int i = 0; i < n; i++) {
      closeBefore(bucket[i]);
      if (partition[i] < 0 || gpus[i] < 0 || !rows.has(i, RowFlags.HOST_NAME)) {
        continue;
      }
      byte s = states[i];
      if (backfill[reporting[i]]) {
        int b = own[i];
        if (s == SlotState.CLAIMED) {
          counter.add(2 * b, gpus[i]);
          if (keep[i]) {
            // the Unclaimed variant: idle capacity of the row's primary class (L18)
            counter.add(2 * countedClass[primary[i]] + 1, gpus[i]);
          }
        } else if (s == SlotState.UNCLAIMED) {
          counter.add(2 * b + 1, gpus[i]);
        }
      } else if (keep[i]) {
        int p = own[i];
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
    int k = classes;
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

  /**
   * Continues after {@code count} buckets replayed straight into the sink (the open bucket closed
   * before, nothing counted since).
   */
  void continueAt(int count) {
    current = count;
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
    private final ClassCatalogue catalogue;
    private final long[] sumC;
    private final long[] sumT;
    private final double[] pct;
    private final int[] nPct;

    Summary(ClassCatalogue catalogue) {
      this.catalogue = catalogue;
      int k = catalogue.size();
      sumC = new long[k];
      sumT = new long[k];
      pct = new double[k];
      nPct = new int[k];
    }

    @Override
    public void accept(int bucket, int[] claimed, int[] unclaimed) {
      for (int c = 0; c < sumC.length; c++) {
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
      for (ReportingClass cls : catalogue.classes()) {
        int c = cls.index();
        double mean = nPct[c] > 0 ? pct[c] / nPct[c] : 0;
        out.add(new ClassStat(cls, new Stat(mean, sumC[c] / nAll, sumT[c] / nAll)));
      }
      return out;
    }
  }

  /** The time series (docs/metrics.md, "Time series"): one bucket of cells per bucket. */
  static final class Series implements BucketSink {
    private final ClassCatalogue catalogue;
    private final Buckets buckets;
    private final java.util.List<TimeSeries.Bucket> out = new java.util.ArrayList<>();

    Series(ClassCatalogue catalogue, Buckets buckets) {
      this.catalogue = catalogue;
      this.buckets = buckets;
    }

    @Override
    public void accept(int b, int[] claimed, int[] unclaimed) {
      java.util.List<TimeSeries.Cell> cells = new java.util.ArrayList<>(claimed.length);
      for (LegacyClass lc : catalogue.legacyClasses()) {
        int c = claimed[lc.index()];
        int t = c + unclaimed[lc.index()];
        cells.add(new TimeSeries.Cell(lc, c, t, t > 0 ? ((double) c / t) * 100 : 0));
      }
      out.add(new TimeSeries.Bucket(buckets.start(b), cells));
    }

    TimeSeries finish(int minutes) {
      java.util.List<TimeSeries.Summary> summary = new java.util.ArrayList<>();
      for (LegacyClass lc : catalogue.legacyClasses()) {
        double p = 0;
        double c = 0;
        double t = 0;
        for (TimeSeries.Bucket b : out) {
          TimeSeries.Cell cell = b.cells().get(lc.index());
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
