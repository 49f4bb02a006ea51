package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ReportingClass;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counts of the switchable reference computation (CORRECTED.md §10.1): per 15-minute bucket the
 * distinct GPUs (ids or keys) and the claimed ones of every (class, device) and of the union of
 * each table's classes (C11), and the busy GPUs of the Real classes (C12); closed into integer sums
 * over buckets. {@link #rows} turns the sums into the eight rows as S§7.3–§7.4 does, or as C7, C11
 * and C12 say.
 */
final class SlotTally {
  static final int CLASSES = 6;

  private static final int REAL_TOTAL = 0;
  private static final int REAL_CLAIMED = 1;
  private static final int BACKFILL_TOTAL = 2;
  private static final int BACKFILL_CLAIMED = 3;
  private static final int BUSY = 4;

  /** Slot {@code 2g} all GPUs and {@code 2g + 1} the claimed ones of group {@code g}. */
  private final BucketCounter groups = new BucketCounter(0);

  private final BucketCounter unions = new BucketCounter(BUSY + 1);

  /** The open bucket's unclaimed Real GPUs: key in the high half, counted GPU in the low. */
  private final LongArrayList idleReal = new LongArrayList();

  /** The open bucket's keys with a Claimed backfill row (K). */
  private final IntOpenHashSet claimedBackfill = new IntOpenHashSet();

  /** Per group {@code g = device position * 6 + class}: the sums over closed buckets. */
  private long[] sumClaimed = new long[0];

  private long[] sumTotal = new long[0];
  private final long[] unionSums = new long[BUSY + 1];
  private int open = -1;

  /** Starts bucket {@code b}, closing the open one if it is another. */
  void bucket(int b) {
    if (b != open) {
      close();
      open = b;
    }
  }

  /** A GPU of a Real class (0–2) on a kept row: {@code gpu} counted, {@code key} for C12. */
  void real(int cls, int position, int gpu, int key, boolean claimed) {
    add(cls, position, gpu, claimed);
    unions.add(REAL_TOTAL, gpu);
    if (claimed) {
      unions.add(REAL_CLAIMED, gpu);
      unions.add(BUSY, gpu);
    } else {
      idleReal.add(((long) key << 32) | (gpu & 0xffffffffL));
    }
  }

  /** A GPU of a Backfill class (3–5). */
  void backfill(int cls, int position, int gpu, int key, boolean claimed) {
    add(cls, position, gpu, claimed);
    unions.add(BACKFILL_TOTAL, gpu);
    if (claimed) {
      unions.add(BACKFILL_CLAIMED, gpu);
      claimedBackfill.add(key);
    }
  }

  private void add(int cls, int position, int gpu, boolean claimed) {
    int g = position * CLASSES + cls;
    groups.add(2 * g, gpu);
    if (claimed) {
      groups.add(2 * g + 1, gpu);
    }
  }

  /** Closes the open bucket into the sums. */
  void close() {
    if (open < 0) {
      return;
    }
    for (int k = 0; k < idleReal.size(); k++) {
      long e = idleReal.getLong(k);
      if (claimedBackfill.contains((int) (e >>> 32))) {
        unions.add(BUSY, (int) e);
      }
    }
    for (int k = 0; k < groups.touched().size(); k++) {
      int slot = groups.touched().getInt(k);
      if ((slot & 1) == 0) {
        int g = slot >> 1;
        if (g >= sumTotal.length) {
          sumTotal = Arrays.copyOf(sumTotal, Math.max(g + 1, 2 * sumTotal.length));
          sumClaimed = Arrays.copyOf(sumClaimed, sumTotal.length);
        }
        sumTotal[g] += groups.count(slot);
        sumClaimed[g] += groups.count(slot + 1);
      }
    }
    for (int u = 0; u < unionSums.length; u++) {
      unionSums[u] += unions.count(u);
    }
    groups.reset();
    unions.reset();
    idleReal.clear();
    claimedBackfill.clear();
    open = -1;
  }

  /**
   * The eight rows over {@code buckets} buckets (N_all) and {@code devices} device positions,
   * labelled with {@code classes}' display names; {@code totals} says whether C7, C11 and C12 are
   * on.
   */
  RuleEffects.SlotRows rows(RuleSwitches totals, int devices, int buckets, ClassCatalogue classes) {
    close();
    double n = buckets;
    boolean ratioOfSums = totals.has(RuleSwitch.C7);
    Stat[] stat = new Stat[CLASSES];
    long[] claimedSum = new long[CLASSES];
    long[] totalSum = new long[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      double claimed = 0;
      double available = 0;
      for (int pos = 0; pos < devices; pos++) {
        int g = pos * CLASSES + c;
        if (g < sumTotal.length && sumTotal[g] > 0) {
          claimed += sumClaimed[g] / n;
          available += sumTotal[g] / n;
          claimedSum[c] += sumClaimed[g];
          totalSum[c] += sumTotal[g];
        }
      }
      stat[c] =
          ratioOfSums
              ? ofIntegers(claimedSum[c], totalSum[c], n)
              : available > 0 ? Stat.ofSums(claimed, available) : new Stat(0, 0, 0);
    }
    boolean union = totals.has(RuleSwitch.C11);
    Stat real =
        total(
            stat,
            claimedSum,
            totalSum,
            0,
            ratioOfSums,
            totals.has(RuleSwitch.C12) ? unionSums[BUSY] : union ? unionSums[REAL_CLAIMED] : -1,
            union ? unionSums[REAL_TOTAL] : -1,
            n);
    Stat backfill =
        total(
            stat,
            claimedSum,
            totalSum,
            3,
            ratioOfSums,
            union ? unionSums[BACKFILL_CLAIMED] : -1,
            union ? unionSums[BACKFILL_TOTAL] : -1,
            n);
    List<RuleEffects.Line> lines = new ArrayList<>();
    lines.add(new RuleEffects.Line("Real Slots TOTAL", 0, real));
    for (ReportingClass c : classes.real()) {
      lines.add(new RuleEffects.Line(c.displayName(), 1, stat[c.index()]));
    }
    lines.add(new RuleEffects.Line("Backfill Slots TOTAL", 0, backfill));
    for (ReportingClass c : classes.backfill()) {
      lines.add(new RuleEffects.Line(c.displayName(), 1, stat[c.index()]));
    }
    return new RuleEffects.SlotRows(lines);
  }

  /**
   * A TOTAL over classes {@code first .. first + 2}: the sums of the class rows (S§7.4), or, when
   * given (not -1), the union's or busy integer sums; from integers throughout with C7.
   */
  private static Stat total(
      Stat[] stat,
      long[] claimedSum,
      long[] totalSum,
      int first,
      boolean ratioOfSums,
      long claimedOverride,
      long totalOverride,
      double n) {
    double claimed = 0;
    double available = 0;
    long c = 0;
    long t = 0;
    for (int k = first; k < first + 3; k++) {
      if (stat[k].availableAvg() > 0) {
        claimed += stat[k].allocatedAvg();
        available += stat[k].availableAvg();
        c += claimedSum[k];
        t += totalSum[k];
      }
    }
    if (ratioOfSums) {
      return ofIntegers(
          claimedOverride >= 0 ? claimedOverride : c, totalOverride >= 0 ? totalOverride : t, n);
    }
    return Stat.ofSums(
        claimedOverride >= 0 ? claimedOverride / n : claimed,
        totalOverride >= 0 ? totalOverride / n : available);
  }

  /** C7: averages over N and the percentage from the integer sums. */
  private static Stat ofIntegers(long claimed, long total, double n) {
    return new Stat(total > 0 ? ((double) claimed / total) * 100 : 0, claimed / n, total / n);
  }
}
