package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.RowFlags;
import io.gpureport.load.Timestamps;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Records, instead of summing them, the per-bucket counts a {@link StateSplit} hands over, and the
 * rows of each local day, to cut them into {@link DayPart}s (docs/decisions/0005-rollups.md).
 */
final class DayRecorder implements StateSplit.BucketSink {
  static final long DAY = 24L * 60 * Timestamps.MICROS_PER_MINUTE;

  private final Buckets buckets;
  private final int classes;
  private final LongArrayList starts = new LongArrayList();
  private final IntArrayList claimed = new IntArrayList();
  private final IntArrayList unclaimed = new IntArrayList();

  /** Per day: rows, excluded, first, last. */
  private final TreeMap<Long, long[]> days = new TreeMap<>();

  DayRecorder(Buckets buckets, int classes) {
    this.buckets = buckets;
    this.classes = classes;
  }

  @Override
  public void accept(int bucket, int[] c, int[] u) {
    starts.add(buckets.start(bucket));
    claimed.addElements(claimed.size(), c);
    unclaimed.addElements(unclaimed.size(), u);
  }

  /** Counts a chunk's rows by day (rows in time order). */
  void count(ClassifiedRows r) {
    long[] ts = r.timestamps();
    long[] open = null;
    long openDay = Long.MIN_VALUE;
    for (int i = 0; i < ts.length; i++) {
      long day = ts[i] - Math.floorMod(ts[i], DAY);
      if (day != openDay) {
        openDay = day;
        open = days.computeIfAbsent(day, d -> new long[] {0, 0, 0, 0});
        if (open[0] == 0) {
          open[2] = ts[i];
        }
      }
      open[0]++;
      if (r.has(i, RowFlags.EXCLUDED)) {
        open[1]++;
      }
      open[3] = ts[i];
    }
  }

  /** The days with rows, ascending; {@code allocationStarts}: every 15-minute bucket's start. */
  List<DayPart> parts(long[] allocationStarts) {
    List<DayPart> out = new ArrayList<>();
    int a = 0;
    int s = 0;
    for (var e : days.entrySet()) {
      long day = e.getKey();
      long next = day + DAY;
      int a0 = a;
      while (a < allocationStarts.length && allocationStarts[a] < next) {
        a++;
      }
      int s0 = s;
      while (s < starts.size() && starts.getLong(s) < next) {
        s++;
      }
      long[] v = e.getValue();
      out.add(
          new DayPart(
              day,
              v[0],
              v[1],
              v[2],
              v[3],
              java.util.Arrays.copyOfRange(allocationStarts, a0, a),
              starts.subList(s0, s).toLongArray(),
              classes,
              claimed.subList(s0 * classes, s * classes).toIntArray(),
              unclaimed.subList(s0 * classes, s * classes).toIntArray()));
    }
    return out;
  }
}
