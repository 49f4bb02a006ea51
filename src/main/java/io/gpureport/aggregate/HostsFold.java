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
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code gpureport hosts} as a fold over a window's classified chunks
 * (docs/decisions/0002-engine.md) : per snapshot, each GPU id of each host gets one state, and per
 * host and GPU only counts, the open idle run and the closed idle runs (as snapshot numbers) are
 * kept, so memory grows with the hosts, GPUs and idle runs, not with the rows.
 *
 * <p>The state of a GPU in a snapshot, from its rows there (excluded hosts and rows whose slot name
 * fails {@code --host} are dropped first, docs/metrics.md "CHTC-owned hosts, exclusions and
 * --host"): {@code busy} if a primary row is Claimed; else {@code backfill} if a backfill row is
 * Claimed; else from the row dedup keeps (docs/metrics.md "Dedup", the rule set's rank, ties to the
 * first in load order, L10): {@code idle} if it is Unclaimed, else {@code unavailable} (its State
 * as loaded: Drained is told apart, every other state reads Other). A GPU id seen on the host in
 * some snapshot of the window is {@code absent} in the snapshots where the host has rows but not
 * this id, and {@code no data} where the host has no row at all.
 *
 * <p>Allocated % is computed as the device statistics compute the Real Slots TOTAL
 * (docs/metrics.md, "Usage by Device Type", "Real Slots and Backfill Slots") on the host's rows
 * alone: per (real class, device), distinct GPUs and Claimed GPUs of the kept rows per 15-minute
 * bucket, summed and divided by the host's buckets; class totals in device first-appearance order,
 * then the classes in class order; Allocated ÷ Available × 100. All devices count (as with {@code
 * --all-devices}).
 */
public final class HostsFold implements WindowFold {
  private static final byte BUSY = GpuSnapshot.BUSY;
  private static final byte BACKFILL = GpuSnapshot.BACKFILL;
  private static final byte IDLE = GpuSnapshot.IDLE;
  private static final byte UNAVAILABLE = GpuSnapshot.UNAVAILABLE;

  private final ClassCatalogue classes;
  private final boolean[] backfillClass;
  private final int nClasses;
  private final RowsSeen seen = new RowsSeen();
  private final Buckets buckets = new Buckets(ReportFold.ALLOCATION_BUCKET_MINUTES);
  private final LongArrayList snapshots = new LongArrayList();

  private final Dictionary hostNames = new Dictionary();
  private final Dictionary gpuNames = new Dictionary();
  private final Dictionary deviceNames = new Dictionary();

  /** Per host. */
  private final IntArrayList hostPresent = new IntArrayList();

  private final IntArrayList hostLastSnapshot = new IntArrayList();
  private final IntArrayList hostLastBucket = new IntArrayList();
  private final IntArrayList hostBuckets = new IntArrayList();
  private final LongArrayList hostLastSeen = new LongArrayList();
  private final List<IntArrayList> hostDevices = new ArrayList<>();
  private final List<IntArrayList> hostGpus = new ArrayList<>();
  private final HostClasses hostClasses;
  private final List<LongArrayList> hostUnavailable = new ArrayList<>();
  private final Dictionary unavailableNames = new Dictionary();

  /** Per GPU: its key (host, id), shared with the report v2 ({@link GpuKeys}), and its id. */
  private final GpuKeys keys = new GpuKeys();

  private final IntArrayList gpuId = new IntArrayList();
  private long[] counts = new long[0]; // 4 per GPU: busy, backfill, idle, unavailable
  private int[] lastIdle = new int[0];
  private int[] runStart = new int[0];
  private final List<LongArrayList> runs = new ArrayList<>();

  /** The current snapshot's GPU states. */
  private final GpuSnapshot snapshot = new GpuSnapshot();

  /** Allocation groups (host, class, device) and the open bucket's distinct (group, GPU). */
  private final Long2IntOpenHashMap groupIndex = new Long2IntOpenHashMap();

  private final IntArrayList groupHost = new IntArrayList();
  private final IntArrayList groupClass = new IntArrayList();
  private final IntArrayList groupDevice = new IntArrayList();
  private long[] groupTotal = new long[0];
  private long[] groupClaimed = new long[0];
  private final LongOpenHashSet bucketTotal = new LongOpenHashSet();
  private final LongOpenHashSet bucketClaimed = new LongOpenHashSet();
  private int currentBucket = -1;

  /** A fold over rows classified with a rule set whose classes are {@code classes}. */
  public HostsFold(ClassCatalogue classes) {
    this.classes = classes;
    this.backfillClass = classes.backfillFlags();
    this.nClasses = classes.size();
    this.hostClasses = new HostClasses(classes);
    groupIndex.defaultReturnValue(-1);
  }

  @Override
  public HostsFold emptyCopy() {
    return new HostsFold(classes);
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
    SlotTable loaded = r.loaded();
    int[] machines = loaded.codes(SlotTable.MACHINE).asIntArray();
    int[] hostOf = recode(loaded.dictionaries().machines(), hostNames);
    int[] gpuOf = recode(r.gpuNames(), gpuNames);
    int[] deviceOf = recode(r.deviceNames(), deviceNames);
    int[] stateCodes = loaded.codes(SlotTable.STATE).asIntArray();
    Dictionary stateNames = loaded.dictionaries().states();
    byte[] states = r.states();
    byte[] reporting = r.classes().reporting();
    int[] gpus = r.gpus();
    int[] devices = r.devices();
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
      int s = snapshots.size();
      snapshots.add(ts[start]);
      snapshot.start(r, s);
      for (int i = start; i < end; i++) {
        if (machines[i] < 0 || r.has(i, RowFlags.EXCLUDED) || !r.has(i, RowFlags.HOST_NAME)) {
          continue;
        }
        int h = host(hostOf[machines[i]]);
        if (hostLastSnapshot.getInt(h) != s) {
          hostLastSnapshot.set(h, s);
          hostPresent.set(h, hostPresent.getInt(h) + 1);
          hostLastSeen.set(h, ts[i]);
        }
        if (hostLastBucket.getInt(h) != bucket[i]) {
          hostLastBucket.set(h, bucket[i]);
          hostBuckets.set(h, hostBuckets.getInt(h) + 1);
        }
        if (devices[i] >= 0 && !hostDevices.get(h).contains(deviceOf[devices[i]])) {
          hostDevices.get(h).add(deviceOf[devices[i]]);
        }
        if (gpus[i] < 0) {
          continue;
        }
        snapshot.add(gpu(h, gpuOf[gpus[i]]), i);
      }
      for (int t = 0; t < snapshot.size(); t++) {
        int k = snapshot.gpu(t);
        int w = snapshot.winner(t);
        byte state = snapshot.state(t);
        if (state == UNAVAILABLE) {
          String name = stateCodes[w] < 0 ? "NULL" : stateNames.value(stateCodes[w]);
          LongArrayList byName = hostUnavailable.get(gpuHost(k));
          int code = unavailableNames.encode(name);
          while (byName.size() <= code) {
            byName.add(0);
          }
          byName.set(code, byName.getLong(code) + 1);
        }
        counts[4 * k + state]++;
        if (state == IDLE) {
          if (lastIdle[k] != s - 1) {
            closeRun(k);
            runStart[k] = s;
          }
          lastIdle[k] = s;
        }
        int c = reporting[w];
        if (c >= 0) {
          int h = gpuHost(k);
          hostClasses.add(h, c);
          if (!backfillClass[c] && devices[w] >= 0) {
            int g = group(h, c, deviceOf[devices[w]]);
            long key = ((long) g << 32) | k;
            bucketTotal.add(key);
            if (states[w] == SlotState.CLAIMED) {
              bucketClaimed.add(key);
            }
          }
        }
      }
      start = end;
    }
  }

  /** Closes GPU {@code k}'s idle run, if any, into its runs. */
  private void closeRun(int k) {
    if (lastIdle[k] >= 0) {
      runs.get(k).add(((long) runStart[k] << 32) | lastIdle[k]);
      lastIdle[k] = -1;
    }
  }

  private void closeBucket() {
    for (long key : bucketTotal) {
      groupTotal[(int) (key >>> 32)]++;
    }
    for (long key : bucketClaimed) {
      groupClaimed[(int) (key >>> 32)]++;
    }
    bucketTotal.clear();
    bucketClaimed.clear();
  }

  /** Per code of {@code from}, the code of its value in {@code to} (encoded if new). */
  static int[] recode(Dictionary from, Dictionary to) {
    int[] map = new int[from.size()];
    for (int k = 0; k < map.length; k++) {
      map[k] = to.encode(from.value(k));
    }
    return map;
  }

  private int host(int code) {
    while (hostPresent.size() <= code) {
      hostPresent.add(0);
      hostLastSnapshot.add(-1);
      hostLastBucket.add(-1);
      hostBuckets.add(0);
      hostLastSeen.add(0);
      hostDevices.add(new IntArrayList());
      hostGpus.add(new IntArrayList());
      hostUnavailable.add(new LongArrayList());
    }
    return code;
  }

  private int gpu(int h, int id) {
    int before = keys.size();
    int k = keys.id(h, id);
    if (k < before) {
      return k;
    }
    gpuId.add(id);
    hostGpus.get(h).add(k);
    runs.add(new LongArrayList(0));
    if (lastIdle.length <= k) {
      int size = Math.max(16, 2 * lastIdle.length);
      lastIdle = grow(lastIdle, size, -1);
      runStart = Arrays.copyOf(runStart, size);
      counts = Arrays.copyOf(counts, 4 * size);
    }
    return k;
  }

  /** The host of GPU {@code k}. */
  private int gpuHost(int k) {
    return keys.machine(k) - 1;
  }

  private int group(int h, int c, int device) {
    long key = ((long) h * nClasses + c) << 32 | device;
    int g = groupIndex.get(key);
    if (g >= 0) {
      return g;
    }
    g = groupHost.size();
    groupIndex.put(key, g);
    groupHost.add(h);
    groupClass.add(c);
    groupDevice.add(device);
    if (groupTotal.length <= g) {
      groupTotal = Arrays.copyOf(groupTotal, Math.max(16, 2 * groupTotal.length));
      groupClaimed = Arrays.copyOf(groupClaimed, groupTotal.length);
    }
    return g;
  }

  private static int[] grow(int[] a, int size, int fill) {
    int old = a.length;
    int[] out = Arrays.copyOf(a, size);
    Arrays.fill(out, old, size, fill);
    return out;
  }

  /**
   * The table, once, after the last chunk; {@code windowEnd} ends the stretches still idle in the
   * last snapshot.
   */
  public HostsTable finish(long windowEnd) {
    closeBucket();
    currentBucket = -1;
    int nSnap = snapshots.size();
    long[] ts = snapshots.toLongArray();
    long median = medianSpacing(ts);
    boolean[] gapAfter = new boolean[nSnap];
    for (int s = 0; s + 1 < nSnap; s++) {
      gapAfter[s] = ts[s + 1] - ts[s] > 2 * median;
    }
    long end = nSnap > 0 ? Math.max(windowEnd, ts[nSnap - 1]) : windowEnd;
    List<IdleStretch> stretches = new ArrayList<>();
    IdleStretch[] longest = new IdleStretch[hostPresent.size()];
    for (int k = 0; k < keys.size(); k++) {
      closeRun(k);
      int h = gpuHost(k);
      String host = hostNames.value(h);
      String id = gpuNames.value(gpuId.getInt(k));
      for (long run : runs.get(k)) {
        int a = (int) (run >>> 32);
        int e = (int) run;
        int from = a;
        for (int s = a; s <= e; s++) {
          IdleStretch x = null;
          if (s == e) {
            if (e == nSnap - 1) {
              x = new IdleStretch(host, id, ts[from], end, true);
            } else {
              x = new IdleStretch(host, id, ts[from], gapAfter[e] ? ts[e] : ts[e + 1], false);
            }
          } else if (gapAfter[s]) {
            x = new IdleStretch(host, id, ts[from], ts[s], false);
            from = s + 1;
          }
          if (x != null) {
            stretches.add(x);
            if (longest[h] == null || HostsTable.LONGEST_FIRST.compare(x, longest[h]) < 0) {
              longest[h] = x;
            }
          }
        }
      }
    }
    List<HostRow> rows = new ArrayList<>();
    for (int h = 0; h < hostPresent.size(); h++) {
      if (hostPresent.getInt(h) == 0) {
        continue;
      }
      rows.add(row(h, nSnap, longest[h]));
    }
    return new HostsTable(nSnap, median, rows, stretches);
  }

  private HostRow row(int h, int nSnap, IdleStretch longestIdle) {
    IntArrayList ks = hostGpus.get(h);
    long present = hostPresent.getInt(h);
    long[] byState = new long[4];
    long absent = 0;
    int never = 0;
    for (int t = 0; t < ks.size(); t++) {
      int k = ks.getInt(t);
      long seenK = 0;
      for (int st = 0; st < 4; st++) {
        byState[st] += counts[4 * k + st];
        seenK += counts[4 * k + st];
      }
      absent += present - seenK;
      if (counts[4 * k + BUSY] + counts[4 * k + BACKFILL] == 0) {
        never++;
      }
    }
    long gpuSnapshots = (long) ks.size() * nSnap;
    long noData = (long) ks.size() * (nSnap - present);
    Map<String, Long> unavailableByState = new TreeMap<>();
    LongArrayList byName = hostUnavailable.get(h);
    for (int code = 0; code < byName.size(); code++) {
      if (byName.getLong(code) > 0) {
        unavailableByState.put(unavailableNames.value(code), byName.getLong(code));
      }
    }
    List<String> devices = new ArrayList<>();
    for (int d : hostDevices.get(h)) {
      devices.add(deviceNames.value(d));
    }
    return new HostRow(
        hostNames.value(h),
        hostClasses.category(h),
        devices,
        ks.size(),
        allocatedPercent(h),
        gpuSnapshots,
        byState[BUSY],
        byState[BACKFILL],
        byState[IDLE],
        byState[UNAVAILABLE],
        unavailableByState,
        absent,
        noData,
        never,
        longestIdle,
        hostLastSeen.getLong(h));
  }

  /**
   * The Real Slots TOTAL of the host's rows: per class in class order, the sum of its device
   * entries' averages in device first-appearance order (docs/metrics.md, "Rounding and evaluation
   * order"); Allocated ÷ Available × 100, 0 with nothing available.
   */
  private double allocatedPercent(int h) {
    double nAll = hostBuckets.getInt(h);
    double claimedSum = 0;
    double availableSum = 0;
    for (int c = 0; c < nClasses; c++) {
      if (backfillClass[c]) {
        continue;
      }
      double cc = 0;
      double ca = 0;
      boolean any = false;
      for (int d : hostDevices.get(h)) {
        int g = groupIndex.get((((long) h * nClasses + c) << 32) | d);
        if (g >= 0 && groupTotal[g] > 0) {
          cc += groupClaimed[g] / nAll;
          ca += groupTotal[g] / nAll;
          any = true;
        }
      }
      if (any && ca > 0) {
        claimedSum += cc;
        availableSum += ca;
      }
    }
    return Stat.ofSums(claimedSum, availableSum).allocatedPercent();
  }

  /** The median of the spacings between consecutive snapshots (the lower middle one if even). */
  static long medianSpacing(long[] ts) {
    if (ts.length < 2) {
      return 0;
    }
    long[] d = new long[ts.length - 1];
    for (int i = 0; i + 1 < ts.length; i++) {
      d[i] = ts[i + 1] - ts[i];
    }
    Arrays.sort(d);
    return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  }
}
