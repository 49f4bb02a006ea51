package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.MemoryCategory;
import io.gpureport.classify.RowFlags;
import io.gpureport.load.Timestamps;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records, instead of summing them, what the accumulators of a fold hand over bucket by bucket (the
 * counts a {@link StateSplit} passes on; the device groups, memory categories and user totals of
 * the device allocation), and the rows of each local day, to cut them into {@link DayPart}s
 * (docs/decisions/0005-rollups.md).
 */
final class DayRecorder implements StateSplit.BucketSink {
  static final long DAY = 24L * 60 * Timestamps.MICROS_PER_MINUTE;

  private static final int CATEGORIES = MemoryCategory.values().length;

  private final Buckets buckets;
  private final int classes;
  private final boolean device;
  private final LongArrayList starts = new LongArrayList();
  private final IntArrayList claimed = new IntArrayList();
  private final IntArrayList unclaimed = new IntArrayList();

  /** Per day: rows, excluded, first, last. */
  private final TreeMap<Long, long[]> days = new TreeMap<>();

  /** Per day: devices and memory categories in order of first appearance. */
  private final Map<Long, LinkedHashSet<String>> deviceOrder = new HashMap<>();

  private final Map<Long, LinkedHashSet<Byte>> memoryOrder = new HashMap<>();

  /** Closed device groups: bucket (fold numbering), device name, class, total, claimed. */
  private final IntArrayList groupBucket = new IntArrayList();

  private final List<String> groupDevice = new ArrayList<>();
  private final IntArrayList groupClass = new IntArrayList();
  private final IntArrayList groupTotal = new IntArrayList();
  private final IntArrayList groupClaimed = new IntArrayList();

  /** Flushed memory categories: bucket, category, claimed, total. */
  private final IntArrayList memoryBucket = new IntArrayList();

  private final IntArrayList memoryCategory = new IntArrayList();
  private final LongArrayList memoryClaimed = new LongArrayList();
  private final LongArrayList memoryTotal = new LongArrayList();

  private int groupCursor;
  private int memoryCursor;

  final Users h200;
  final Users backfill;

  /** {@code passesBackfill}: the backfill table's classes, negative without that table. */
  DayRecorder(Buckets buckets, int classes, boolean device, int passes200, int passesBackfill) {
    this.buckets = buckets;
    this.classes = classes;
    this.device = device;
    this.h200 = device ? new Users(passes200) : null;
    this.backfill = device && passesBackfill >= 0 ? new Users(passesBackfill) : null;
  }

  DayRecorder(Buckets buckets, int classes) {
    this(buckets, classes, false, 0, -1);
  }

  @Override
  public void accept(int bucket, int[] c, int[] u) {
    starts.add(buckets.start(bucket));
    claimed.addElements(claimed.size(), c);
    unclaimed.addElements(unclaimed.size(), u);
  }

  static long day(long t) {
    return t - Math.floorMod(t, DAY);
  }

  /** Counts a chunk's rows (global codes) by day (rows in time order). */
  void count(ClassifiedRows r) {
    long[] ts = r.timestamps();
    long[] open = null;
    LinkedHashSet<String> devices = null;
    LinkedHashSet<Byte> memory = null;
    long openDay = Long.MIN_VALUE;
    int[] d = r.devices();
    byte[] m = r.memory();
    for (int i = 0; i < ts.length; i++) {
      long day = day(ts[i]);
      if (day != openDay) {
        openDay = day;
        open = days.computeIfAbsent(day, x -> new long[] {0, 0, 0, 0});
        if (open[0] == 0) {
          open[2] = ts[i];
        }
        if (device) {
          devices = deviceOrder.computeIfAbsent(day, x -> new LinkedHashSet<>());
          memory = memoryOrder.computeIfAbsent(day, x -> new LinkedHashSet<>());
        }
      }
      open[0]++;
      if (r.has(i, RowFlags.EXCLUDED)) {
        open[1]++;
      }
      open[3] = ts[i];
      if (device) {
        if (d[i] >= 0) {
          devices.add(r.deviceNames().value(d[i]));
        }
        memory.add(m[i]);
      }
    }
  }

  /** A (device, class) group closed in {@code bucket}. */
  void deviceGroup(int bucket, String name, int cls, int total, int claimedGpus) {
    groupBucket.add(bucket);
    groupDevice.add(name);
    groupClass.add(cls);
    groupTotal.add(total);
    groupClaimed.add(claimedGpus);
  }

  /** A memory category with data in {@code bucket}. */
  void memory(int bucket, int category, long claimedGpus, long total) {
    memoryBucket.add(bucket);
    memoryCategory.add(category);
    memoryClaimed.add(claimedGpus);
    memoryTotal.add(total);
  }

  /** What a user table hands over, by bucket (fold numbering) and day. */
  static final class Users {
    private final IntArrayList inputBuckets = new IntArrayList();
    private final Map<Long, Set<String>> ids = new HashMap<>();
    private final Set<Long> repeats = new HashSet<>();

    /** Per pass index (kept passes first, then deduplicated): bucket, user, count. */
    private final List<IntArrayList> mergeBucket = new ArrayList<>();

    private final List<List<String>> mergeUser = new ArrayList<>();
    private final List<LongArrayList> mergeCount = new ArrayList<>();

    Users(int passes) {
      for (int k = 0; k < 2 * passes; k++) {
        mergeBucket.add(new IntArrayList());
        mergeUser.add(new ArrayList<>());
        mergeCount.add(new LongArrayList());
      }
    }

    void inputBucket(int bucket) {
      inputBuckets.add(bucket);
    }

    /** A non-NULL GPU id of the table's set at {@code ts}. */
    void id(long ts, String gpu) {
      long day = day(ts);
      if (!repeats.contains(day) && !ids.computeIfAbsent(day, x -> new HashSet<>()).add(gpu)) {
        repeats.add(day);
        ids.remove(day);
      }
    }

    void merge(int pass, int bucket, String user, long count) {
      mergeBucket.get(pass).add(bucket);
      mergeUser.get(pass).add(user);
      mergeCount.get(pass).add(count);
    }

    /** Cursors: the records of earlier days are behind them (records come in bucket order). */
    private int inputCursor;

    private int[] cursors;

    /** The part of {@code day}; days are asked for in ascending order. */
    DayPart.Users part(long day, long[] allocationStarts, int passes, boolean dedup) {
      if (cursors == null) {
        cursors = new int[mergeBucket.size()];
      }
      long next = day + DAY;
      int n = 0;
      while (inputCursor < inputBuckets.size()
          && allocationStarts[inputBuckets.getInt(inputCursor)] < next) {
        if (allocationStarts[inputBuckets.getInt(inputCursor)] >= day) {
          n++;
        }
        inputCursor++;
      }
      List<LinkedHashMap<String, Long>> kept = new ArrayList<>();
      List<LinkedHashMap<String, Long>> deduped = new ArrayList<>();
      for (int p = 0; p < 2 * passes; p++) {
        LinkedHashMap<String, Long> totals = new LinkedHashMap<>();
        IntArrayList b = mergeBucket.get(p);
        int k = cursors[p];
        while (k < b.size() && allocationStarts[b.getInt(k)] < next) {
          if (allocationStarts[b.getInt(k)] >= day) {
            totals.merge(mergeUser.get(p).get(k), mergeCount.get(p).getLong(k), Long::sum);
          }
          k++;
        }
        cursors[p] = k;
        (p < passes ? kept : deduped).add(totals);
      }
      boolean repeat = repeats.contains(day);
      List<String> seen = repeat ? List.of() : new ArrayList<>(ids.getOrDefault(day, Set.of()));
      return new DayPart.Users(n, repeat, seen, kept, dedup ? deduped : List.of());
    }
  }

  /** The days with rows, ascending; {@code allocationStarts}: every 15-minute bucket's start. */
  List<DayPart> parts(long[] allocationStarts, int passes200, boolean dedup200, int passesBf) {
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
              unclaimed.subList(s0 * classes, s * classes).toIntArray(),
              device
                  ? devices(day, a0, a, passes200, dedup200, passesBf, allocationStarts)
                  : null));
    }
    return out;
  }

  private DayPart.Devices devices(
      long day, int a0, int a1, int passes200, boolean dedup200, int passesBf, long[] starts) {
    List<String> order = new ArrayList<>(deviceOrder.getOrDefault(day, new LinkedHashSet<>()));
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < order.size(); k++) {
      index.put(order.get(k), k);
    }
    IntArrayList gb = new IntArrayList();
    IntArrayList gd = new IntArrayList();
    IntArrayList gc = new IntArrayList();
    IntArrayList gt = new IntArrayList();
    IntArrayList gl = new IntArrayList();
    for (;
        groupCursor < groupBucket.size() && groupBucket.getInt(groupCursor) < a1;
        groupCursor++) {
      int k = groupCursor;
      int b = groupBucket.getInt(k);
      if (b >= a0) {
        gb.add(b - a0);
        gd.add(index.get(groupDevice.get(k)).intValue());
        gc.add(groupClass.getInt(k));
        gt.add(groupTotal.getInt(k));
        gl.add(groupClaimed.getInt(k));
      }
    }
    LinkedHashSet<Byte> mo = memoryOrder.getOrDefault(day, new LinkedHashSet<>());
    byte[] memory = new byte[mo.size()];
    int i = 0;
    for (byte m : mo) {
      memory[i++] = m;
    }
    long[] mc = new long[CATEGORIES];
    long[] mt = new long[CATEGORIES];
    int[] mb = new int[CATEGORIES];
    for (;
        memoryCursor < memoryBucket.size() && memoryBucket.getInt(memoryCursor) < a1;
        memoryCursor++) {
      int k = memoryCursor;
      int b = memoryBucket.getInt(k);
      if (b >= a0) {
        int m = memoryCategory.getInt(k);
        mc[m] += memoryClaimed.getLong(k);
        mt[m] += memoryTotal.getLong(k);
        mb[m]++;
      }
    }
    return new DayPart.Devices(
        order,
        gb.toIntArray(),
        gd.toIntArray(),
        gc.toIntArray(),
        gt.toIntArray(),
        gl.toIntArray(),
        memory,
        mc,
        mt,
        mb,
        h200.part(day, starts, passes200, dedup200),
        backfill == null ? DayPart.Users.EMPTY : backfill.part(day, starts, passesBf, false));
  }
}
