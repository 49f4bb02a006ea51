package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code gpureport users} as a fold over a window's classified chunks (docs/metrics.md, "Per-user
 * concurrent GPUs"): per snapshot each GPU id keeps one row, the rule set's highest rank (ties to
 * the first in load order, as {@code hosts} and docs/metrics.md "Dedup"); of the kept rows the
 * Claimed ones count, per (user, legacy class[, device]) as distinct GPU ids, and per class for the
 * class total (owner or not). A bucket's value is the maximum over its snapshots. Excluded hosts
 * and rows whose slot name fails {@code --host} are dropped first. Memory grows with users,
 * classes, devices and jobs (and buckets, with the series), not rows.
 */
public final class UsersFold implements WindowFold {
  private static final int NO_DEVICE = -1;
  private static final int CLASS_TOTAL = -1;
  private static final double BUCKET_HOURS = ReportFold.ALLOCATION_BUCKET_MINUTES / 60.0;

  private final ClassCatalogue classes;
  private final boolean byDevice;
  private final boolean series;
  private final RowsSeen seen = new RowsSeen();
  private final Buckets buckets = new Buckets(ReportFold.ALLOCATION_BUCKET_MINUTES);
  private final Dictionary users = new Dictionary();
  private final Dictionary devices = new Dictionary();
  private final Dictionary jobs = new Dictionary();

  /** Groups: (user or CLASS_TOTAL, legacy class, device or NO_DEVICE). */
  private final Long2IntOpenHashMap groupIndex = new Long2IntOpenHashMap();

  private final IntArrayList groupUser = new IntArrayList();
  private final IntArrayList groupClass = new IntArrayList();
  private final IntArrayList groupDevice = new IntArrayList();
  private int[] snapshotCount = new int[0];
  private int[] bucketMax = new int[0];
  private int[] bucketMark = new int[0];
  private int[] peak = new int[0];
  private long[] peakAt = new long[0];
  private long[] sum = new long[0];
  private final List<LongArrayList> groupSeries = new ArrayList<>();
  private final LongOpenHashSet groupJobs = new LongOpenHashSet();
  private final IntArrayList snapshotTouched = new IntArrayList();
  private final IntArrayList bucketTouched = new IntArrayList();
  private int currentBucket = -1;

  /** The current snapshot's kept row per GPU code of the chunk, and the codes with one. */
  private final KeptRows kept = new KeptRows();

  private final IntArrayList touched = new IntArrayList();

  /**
   * A fold over rows classified with a rule set whose classes are {@code classes}; {@code byDevice}
   * splits users by device, {@code series} keeps every bucket's value.
   */
  public UsersFold(ClassCatalogue classes, boolean byDevice, boolean series) {
    this.classes = classes;
    this.byDevice = byDevice;
    this.series = series;
    groupIndex.defaultReturnValue(-1);
  }

  @Override
  public UsersFold emptyCopy() {
    return new UsersFold(classes, byDevice, series);
  }

  @Override
  public RowsSeen seen() {
    return seen;
  }

  @Override
  public int bucketCount() {
    return buckets.count();
  }

  @Override
  public void add(ClassifiedRows r) {
    if (!seen.accept(classes, r)) {
      return;
    }
    int n = r.size();
    long[] ts = r.timestamps();
    int[] bucket = buckets.add(ts);
    int start = 0;
    while (start < n) {
      int end = start;
      while (end < n && ts[end] == ts[start]) {
        end++;
      }
      if (bucket[start] != currentBucket) {
        closeBucket();
        currentBucket = bucket[start];
      }
      snapshot(r, start, end);
      start = end;
    }
  }

  /** Rows {@code [from, to)} of {@code r}: one snapshot. */
  private void snapshot(ClassifiedRows r, int from, int to) {
    int[] gpus = r.gpus();
    byte[] rank = r.classes().rank();
    KeptRows.Order byRank = (i, j) -> rank[i] > rank[j]; // ties: the first in load order, L10
    kept.nextSnapshot();
    touched.clear();
    for (int i = from; i < to; i++) {
      if (gpus[i] < 0 || r.has(i, RowFlags.EXCLUDED) || !r.has(i, RowFlags.HOST_NAME)) {
        continue;
      }
      if (kept.offer(gpus[i], i, byRank)) {
        touched.add(gpus[i]);
      }
    }
    byte[] states = r.states();
    byte[] legacy = r.classes().legacy();
    int[] owners = r.owners();
    int[] deviceCodes = r.devices();
    int[] jobCodes = r.loaded().codes(SlotTable.JOB).asIntArray();
    Dictionary jobNames = r.loaded().dictionaries().jobs();
    for (int t = 0; t < touched.size(); t++) {
      int w = kept.row(touched.getInt(t));
      int c = legacy[w];
      if (states[w] != SlotState.CLAIMED || c < 0) {
        continue;
      }
      int classTotal = group(CLASS_TOTAL, c, NO_DEVICE);
      count(classTotal);
      String owner = owners[w] < 0 ? "" : r.ownerNames().value(owners[w]);
      if (owner.isEmpty()) {
        continue;
      }
      int d =
          byDevice && deviceCodes[w] >= 0
              ? devices.encode(r.deviceNames().value(deviceCodes[w]))
              : NO_DEVICE;
      int g = group(users.encode(owner), c, d);
      count(g);
      if (jobCodes[w] >= 0) {
        groupJobs.add(((long) g << 32) | jobs.encode(jobNames.value(jobCodes[w])));
      }
    }
    for (int t = 0; t < snapshotTouched.size(); t++) {
      int g = snapshotTouched.getInt(t);
      if (bucketMark[g] != currentBucket) {
        bucketMark[g] = currentBucket;
        bucketTouched.add(g);
      }
      bucketMax[g] = Math.max(bucketMax[g], snapshotCount[g]);
      snapshotCount[g] = 0;
    }
    snapshotTouched.clear();
  }

  private void count(int g) {
    if (snapshotCount[g]++ == 0) {
      snapshotTouched.add(g);
    }
  }

  private void closeBucket() {
    for (int t = 0; t < bucketTouched.size(); t++) {
      int g = bucketTouched.getInt(t);
      int v = bucketMax[g];
      sum[g] += v;
      if (v > peak[g]) {
        peak[g] = v;
        peakAt[g] = buckets.start(currentBucket);
      }
      if (series) {
        groupSeries.get(g).add(((long) currentBucket << 32) | v);
      }
      bucketMax[g] = 0;
    }
    bucketTouched.clear();
  }

  private int group(int user, int c, int device) {
    long key = (((long) (user + 1) * classes.legacyClasses().size() + c) << 32) | (device + 1);
    int g = groupIndex.get(key);
    if (g >= 0) {
      return g;
    }
    g = groupUser.size();
    groupIndex.put(key, g);
    groupUser.add(user);
    groupClass.add(c);
    groupDevice.add(device);
    groupSeries.add(new LongArrayList(0));
    if (sum.length <= g) {
      int size = Math.max(16, 2 * sum.length);
      snapshotCount = Arrays.copyOf(snapshotCount, size);
      bucketMax = Arrays.copyOf(bucketMax, size);
      bucketMark = Arrays.copyOf(bucketMark, size);
      Arrays.fill(bucketMark, g, size, -1);
      peak = Arrays.copyOf(peak, size);
      peakAt = Arrays.copyOf(peakAt, size);
      sum = Arrays.copyOf(sum, size);
    }
    return g;
  }

  /** The table, once, after the last chunk. */
  public UsersTable finish() {
    closeBucket();
    currentBucket = -1;
    int nBuckets = buckets.count();
    long[] jobCount = new long[groupUser.size()];
    for (long key : groupJobs) {
      jobCount[(int) (key >>> 32)]++;
    }
    double[] classHours = new double[classes.legacyClasses().size()];
    List<UsersTable.ClassTotal> totals = new ArrayList<>();
    List<UserRow> rows = new ArrayList<>();
    for (int g = 0; g < groupUser.size(); g++) {
      if (groupUser.getInt(g) == CLASS_TOTAL) {
        int c = groupClass.getInt(g);
        classHours[c] = sum[g] * BUCKET_HOURS;
        totals.add(
            new UsersTable.ClassTotal(
                PoolClass.of(classes.legacy(c)), classHours[c], peak[g], peakAt[g]));
      }
    }
    for (int g = 0; g < groupUser.size(); g++) {
      int u = groupUser.getInt(g);
      if (u == CLASS_TOTAL) {
        continue;
      }
      int c = groupClass.getInt(g);
      double hours = sum[g] * BUCKET_HOURS;
      int d = groupDevice.getInt(g);
      rows.add(
          new UserRow(
              users.value(u),
              PoolClass.of(classes.legacy(c)),
              d == NO_DEVICE ? "" : devices.value(d),
              peak[g],
              peakAt[g],
              (double) sum[g] / nBuckets,
              hours,
              jobCount[g],
              classHours[c] > 0 ? (hours / classHours[c]) * 100 : 0,
              series ? aligned(groupSeries.get(g), nBuckets) : List.of()));
    }
    totals.sort(java.util.Comparator.comparing(UsersTable.ClassTotal::poolClass));
    rows.sort(UsersTable.ORDER);
    List<Long> starts = new ArrayList<>(nBuckets);
    for (long s : buckets.starts()) {
      starts.add(s);
    }
    return new UsersTable(ReportFold.ALLOCATION_BUCKET_MINUTES, starts, totals, rows);
  }

  /** A group's values per bucket of the window, zeros where it had none. */
  private static List<Integer> aligned(LongArrayList values, int nBuckets) {
    Integer[] out = new Integer[nBuckets];
    Arrays.fill(out, 0);
    for (long v : values) {
      out[(int) (v >>> 32)] = (int) v;
    }
    return Arrays.asList(out);
  }
}
