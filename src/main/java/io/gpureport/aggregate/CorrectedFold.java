package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.DeviceModels;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The report v2 of the rule set corrected as a fold over a window's classified chunks
 * (docs/metrics.md, "Rule set corrected"). Per snapshot it keeps one primary row per GPU key (C1),
 * gives backfill rows their class (C5), and adds every key to the sets of the groups it belongs to
 * in the open 15-minute bucket ({@link GroupSets}); the window-level sections (F4–F7) keep small
 * per-key and per-machine state ({@link WindowTallies}). Only integer sums are kept, so the order
 * of the buckets does not matter.
 */
public final class CorrectedFold implements WindowFold {
  static final int CLASSES = 6;
  static final int BACKFILL_OPEN = 5;

  /** Fixed group ids (descriptor kind {@link #FIXED}). */
  static final int PRIORITIZED_PRIMARY = 6;

  static final int PRIORITIZED_SECONDARY = 7;
  static final int TOTAL = 8;
  static final int PRIORITIZED_TOTAL = 9;
  static final int OPEN_TOTAL = 10;
  static final int FLAGSHIP = 11;
  static final int STANDARD = 12;
  static final int MEMORY = 13;

  /** The class of the Secondary (Backfill) group of prioritized machines: class 4 or 5. */
  static final int PRIORITIZED_BACKFILL = -2;

  static final int FIXED = 1;
  static final int DEVICE = 2;
  static final int HOST = 3;
  static final int FILTERED = 4;
  static final int H200_USER = 5;
  static final int BACKFILL_USER = 6;
  static final int MACHINE_BACKFILL = 7;

  /**
   * What the report v2 shows besides the rules: paths and options of the request; {@code
   * seriesMinutes} > 0 folds only the time series of C16, at buckets that wide.
   */
  public record Options(
      boolean groupByDevice,
      boolean allDevices,
      CorrectedReport.HostTableMode hostTable,
      List<String> flagshipModels,
      int seriesMinutes) {
    public Options {
      Objects.requireNonNull(hostTable, "hostTable");
      flagshipModels = List.copyOf(flagshipModels);
      if (seriesMinutes < 0) {
        throw new IllegalArgumentException("seriesMinutes < 0: " + seriesMinutes);
      }
    }

    /** The time series of C16 at {@code minutes}-wide buckets, old models kept with allDevices. */
    public static Options timeSeries(int minutes, boolean allDevices) {
      return new Options(false, allDevices, CorrectedReport.HostTableMode.OFF, List.of(), minutes);
    }
  }

  private final Options options;
  private final Buckets buckets = new Buckets(ReportFold.ALLOCATION_BUCKET_MINUTES);
  private final GpuKeys keys = new GpuKeys();
  private final GroupSets sets = new GroupSets(keys);
  private final WindowTallies tallies = new WindowTallies();
  final Dictionary machines = new Dictionary();
  final Dictionary devices = new Dictionary();
  final Dictionary owners = new Dictionary();
  private final BitSet prioritized = new BitSet();
  private final BitSet chtc = new BitSet();
  private final Dictionary gpuIds = new Dictionary();
  private final BitSet recordedBuckets = new BitSet();
  private final LongOpenHashSet hostKeys = new LongOpenHashSet();
  private Int2IntOpenHashMap hostGpus;
  private final ClassCatalogue classes;
  private final CorrectedSeries series;

  private final IntArrayList groupBuffer = new IntArrayList(5);
  private final int[] profile = new int[GroupSets.PROFILE];
  private final int[][] deviceGroups = new int[CLASSES][0];
  private int[] keyHostDevice = new int[0];
  private int[] keyHostGroup = new int[0];
  private byte[] tiers = new byte[0];
  private final KeptRows keptRows = new KeptRows();
  private int openBucket = -1;

  private final RowsSeen seen = new RowsSeen();

  /** A fold for the report v2 with these options. */
  public CorrectedFold(ClassCatalogue classes, Options options) {
    this.classes = Objects.requireNonNull(classes, "classes");
    this.options = Objects.requireNonNull(options, "options");
    this.series =
        options.seriesMinutes() > 0
            ? new CorrectedSeries(classes, options.seriesMinutes(), keys)
            : null;
    for (int c = 0; c < CLASSES; c++) {
      sets.group(fixed(c), c < 3 ? GroupSets.CLASS_PRIMARY : GroupSets.CLASS_BACKFILL, c);
    }
    sets.group(fixed(PRIORITIZED_PRIMARY), GroupSets.CLASS_PRIMARY, -1);
    sets.group(fixed(PRIORITIZED_SECONDARY), GroupSets.CLASS_BACKFILL, PRIORITIZED_BACKFILL);
    sets.group(fixed(TOTAL), GroupSets.BUSY, -1);
    sets.group(fixed(PRIORITIZED_TOTAL), GroupSets.BUSY, -1);
    sets.group(fixed(OPEN_TOTAL), GroupSets.BUSY, -1);
    sets.group(fixed(FLAGSHIP), GroupSets.CLASS_PRIMARY, -1);
    sets.group(fixed(STANDARD), GroupSets.CLASS_PRIMARY, -1);
    for (int m = 0; m < 5; m++) {
      sets.group(fixed(MEMORY + m), GroupSets.BUSY, -1);
    }
  }

  @Override
  public CorrectedFold emptyCopy() {
    return new CorrectedFold(classes, options);
  }

  @Override
  public void add(ClassifiedRows chunk) {
    int n = chunk.size();
    if (n == 0) {
      return;
    }
    long[] ts = chunk.timestamps();
    seen.add(chunk);
    Chunk c = new Chunk(chunk);
    int[] bucket = buckets.add(ts);
    int[] seriesBucket = series == null ? null : series.buckets(ts);
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || ts[i] != ts[start]) {
        if (bucket[start] != openBucket) {
          if (openBucket >= 0) {
            sets.closeBucket();
          }
          openBucket = bucket[start];
        }
        if (series != null) {
          series.bucket(seriesBucket[start]);
        }
        snapshot(c, start, i, ts[start], bucket[start]);
        start = i;
      }
    }
  }

  /** One snapshot, rows {@code [from, to)} of the chunk: C1, C5, then the groups. */
  private void snapshot(Chunk c, int from, int to, long ts, int bucket) {
    keptRows.nextSnapshot();
    KeptRows.Order c1 = c::better;
    for (int i = from; i < to; i++) {
      int f = c.flags[i];
      if ((f & RowFlags.PREVENT_RECORDED) != 0) {
        recordedBuckets.set(bucket);
      }
      boolean backfill = (f & RowFlags.BACKFILL) != 0;
      if (!backfill && (f & RowFlags.PP_BLANK) == 0) {
        prioritized.set(c.machine[i] + 1); // C5: any primary row of the machine
      }
      int k = c.key[i];
      if (k < 0 || backfill) {
        continue;
      }
      keptRows.offer(k, i, c1);
    }
    for (int i = from; i < to; i++) {
      int k = c.key[i];
      if (k >= 0 && (c.flags[i] & RowFlags.BACKFILL) == 0 && keptRows.row(k) == i) {
        kept(c, i, k, bucket);
      }
    }
    for (int i = from; i < to; i++) {
      int k = c.key[i];
      if (k >= 0 && (c.flags[i] & RowFlags.BACKFILL) != 0) {
        backfill(c, i, k, bucket);
      }
    }
    if (series == null) {
      tallies.snapshot(c, from, to, ts, bucket, options.allDevices());
    }
  }

  /** Whether a row passes the row filters of step 6 ({@code --host}, the model filter). */
  private boolean inScope(Chunk c, int i) {
    int f = c.flags[i];
    return (f & RowFlags.HOST_NAME) != 0
        && (options.allDevices() || (f & RowFlags.OLD_DEVICE) == 0);
  }

  /** A kept primary row (C1): its class's groups, or its excluded host's row only. */
  private void kept(Chunk c, int i, int k, int bucket) {
    int f = c.flags[i];
    int cls = c.primaryClass(i);
    int device = c.device[i];
    byte bits = bits(c, i);
    if ((f & RowFlags.EXCLUDED) != 0) {
      if (cls >= 0 && inScope(c, i)) {
        addHost(device, c.machine[i], k, bits);
      }
      return;
    }
    if ((f & RowFlags.HOST_NAME) == 0) {
      return;
    }
    if (!options.allDevices() && (f & RowFlags.OLD_DEVICE) != 0) {
      if (cls >= 0) {
        sets.add(sets.group(descriptor(FILTERED, device + 1, 0), GroupSets.COUNT, -1), k, (byte) 0);
      }
      return;
    }
    if (series != null) { // the time series of C16 only
      if (cls >= 0) {
        series.add(cls < 2 ? CorrectedSeries.PRIORITY : CorrectedSeries.SHARED, k, bits);
      }
      return;
    }
    tallies.keptInScope(c, i, k);
    if (cls < 0) {
      return;
    }
    int[] g = profile;
    g[0] = cls;
    g[1] = cls < 2 ? PRIORITIZED_PRIMARY : flagship(c, device) ? FLAGSHIP : STANDARD;
    g[2] = TOTAL;
    g[3] = cls < 2 ? PRIORITIZED_TOTAL : OPEN_TOTAL;
    g[4] = MEMORY + c.rows.memory()[i];
    g[5] = deviceGroup(cls, device);
    g[6] = hostGroup(device, c.machine[i], k);
    sets.addProfile(k, g, bits);
    if ((bits & GroupSets.CLAIMED) != 0 && (f & RowFlags.HOST_MACHINE) != 0 && c.h200(i)) {
      sets.add(user(H200_USER, cls, c.owner[i]), k, GroupSets.CLAIMED);
    }
  }

  /** A backfill GPU row: K, and its class's groups now (C5 step 1) or at the window's end. */
  private void backfill(Chunk c, int i, int k, int bucket) {
    int f = c.flags[i];
    if (!inScope(c, i)) {
      return;
    }
    byte bits = bits(c, i);
    boolean claimed = (bits & GroupSets.CLAIMED) != 0;
    if (claimed) {
      sets.claimedBackfill(k);
    }
    if ((f & RowFlags.EXCLUDED) != 0) {
      return;
    }
    if (series != null) {
      series.add(CorrectedSeries.BACKFILL, k, bits); // {4, 5, 6}: whatever C5 decides
      return;
    }
    int machine = c.machine[i] + 1;
    if (claimed) {
      sets.add(sets.group(descriptor(MACHINE_BACKFILL, machine, 0), GroupSets.COUNT, -1), k, bits);
    }
    if ((f & RowFlags.CHTC) != 0) {
      chtc.set(machine);
    }
    int primary = keptRows.has(k) ? c.primaryClass(keptRows.row(k)) : -1;
    if (primary >= 0) {
      IntArrayList groups = backfillGroups(c, i, primary + 3, claimed);
      for (int j = 0; j < groups.size(); j++) {
        sets.add(groups.getInt(j), k, bits);
      }
      return;
    }
    int prioritizedClass = (f & RowFlags.CHTC) != 0 ? 4 : 3;
    for (int cls : new int[] {prioritizedClass, BACKFILL_OPEN}) {
      IntArrayList groups = backfillGroups(c, i, cls, claimed);
      for (int j = 0; j < groups.size(); j++) {
        sets.addPending(groups.getInt(j), k, bits);
      }
    }
  }

  /** The groups of a backfill row of class {@code cls} (C5), in a reused buffer. */
  private IntArrayList backfillGroups(Chunk c, int i, int cls, boolean claimed) {
    IntArrayList g = groupBuffer;
    g.clear();
    g.add(cls);
    if (cls < BACKFILL_OPEN) {
      g.add(PRIORITIZED_SECONDARY);
    }
    g.add(deviceGroup(cls, c.device[i]));
    if (claimed && (c.flags[i] & RowFlags.HOST_MACHINE) != 0) {
      g.add(user(BACKFILL_USER, cls, c.owner[i]));
      if (c.h200(i)) {
        g.add(user(H200_USER, cls, c.owner[i]));
      }
    }
    return g;
  }

  /** The group of (class, device), registered on first use; ids cached per class and device. */
  private int deviceGroup(int cls, int device) {
    int[] byDevice = deviceGroups[cls];
    if (device + 1 >= byDevice.length) {
      byDevice =
          deviceGroups[cls] = Arrays.copyOf(byDevice, Math.max(device + 2, byDevice.length * 2));
    }
    int g = byDevice[device + 1] - 1;
    if (g < 0) {
      byte rule = cls < 3 ? GroupSets.CLASS_PRIMARY : GroupSets.CLASS_BACKFILL;
      g = sets.group(descriptor(DEVICE, cls, device + 1), rule, cls);
      byDevice[device + 1] = g + 1;
    }
    return g;
  }

  private int user(int table, int cls, int owner) {
    return sets.group(descriptor(table, cls, owner), GroupSets.COUNT, cls);
  }

  /** F7: the host row of (device, machine), and the key among its GPUs over the window. */
  private void addHost(int device, int machine, int k, byte bits) {
    sets.add(hostGroup(device, machine, k), k, bits);
  }

  /** The host row's group of a key on (device, machine), recording the key among its GPUs. */
  private int hostGroup(int device, int machine, int k) {
    if (k >= keyHostDevice.length) {
      int size = Math.max(k + 1, keyHostDevice.length * 2);
      keyHostDevice = Arrays.copyOf(keyHostDevice, size);
      keyHostGroup = Arrays.copyOf(keyHostGroup, size);
    }
    int g;
    if (keyHostDevice[k] == device + 2) {
      g = keyHostGroup[k];
    } else {
      g = sets.group(descriptor(HOST, device + 1, machine + 1), GroupSets.BUSY, -1);
      keyHostDevice[k] = device + 2;
      keyHostGroup[k] = g;
      hostKeys.add(((long) g << 32) | k);
    }
    return g;
  }

  /** The distinct keys of a host row over the window (F7 {@code gpus}). */
  int hostGpus(int group) {
    if (hostGpus == null) {
      hostGpus = new Int2IntOpenHashMap();
      for (long e : hostKeys) {
        hostGpus.addTo((int) (e >>> 32), 1);
      }
    }
    return hostGpus.get(group);
  }

  /** F3: the device's raw name contains a flagship model; decided once per device. */
  private boolean flagship(Chunk c, int device) {
    if (device < 0) {
      return false;
    }
    if (device >= tiers.length) {
      tiers = Arrays.copyOf(tiers, Math.max(device + 1, tiers.length * 2));
    }
    if (tiers[device] == 0) {
      String name = devices.value(device);
      tiers[device] = options.flagshipModels().stream().anyMatch(name::contains) ? (byte) 1 : 2;
    }
    return tiers[device] == 1;
  }

  private static byte bits(Chunk c, int i) {
    byte st = c.rows.states()[i];
    int b =
        st == SlotState.CLAIMED
            ? GroupSets.CLAIMED
            : st == SlotState.DRAINED ? GroupSets.DRAINED : 0;
    if ((c.flags[i] & RowFlags.PREVENT_SET) != 0) {
      b |= GroupSets.PREVENT;
    }
    return (byte) b;
  }

  static long fixed(int id) {
    return descriptor(FIXED, id, 0);
  }

  static long descriptor(int kind, int a, int b) {
    return ((long) kind << 56) | ((long) a << 28) | b;
  }

  /** The machine (global code + 1, 0 = NULL) of a key. */
  int keyMachine(int k) {
    return keys.machine(k);
  }

  @Override
  public RowsSeen seen() {
    return seen;
  }

  @Override
  public int bucketCount() {
    return buckets.count();
  }

  /** The time series of C16; once, after the last chunk, with rows; only with seriesMinutes. */
  public TimeSeries timeSeries() {
    return series.finish();
  }

  /** The report v2; once, after the last chunk, with rows. */
  public CorrectedReport finish() {
    sets.closeBucket();
    sets.resolvePending(
        (machine, g) -> {
          int cls = sets.classOf(g);
          int resolved = !prioritized.get(machine) ? BACKFILL_OPEN : chtc.get(machine) ? 4 : 3;
          return cls == resolved || (cls == PRIORITIZED_BACKFILL && resolved != BACKFILL_OPEN);
        });
    return new CorrectedResult(
            this, sets, tallies, options, classes, buckets.count(), recordedBuckets.cardinality())
        .report();
  }

  /**
   * One chunk with global codes: machine, device and owner ({@code Unknown} for NULL and empty,
   * C14), and the GPU key of each GPU row (-1 for rows with no GPU, C2).
   */
  final class Chunk {
    final ClassifiedRows rows;
    final int[] flags;
    final int[] machine;
    final int[] device;
    final int[] owner;
    final int[] key;
    final int[] names;
    final int h200;
    final SlotTable table;
    final int[] projects;
    final int[] reasons;
    private final LongOpenHashSet seenProjects = new LongOpenHashSet();
    private final LongOpenHashSet seenReasons = new LongOpenHashSet();

    Chunk(ClassifiedRows r) {
      this.rows = r;
      this.flags = r.flags();
      this.table = r.loaded();
      SlotTable.Dictionaries d = table.dictionaries();
      machine =
          ReportFold.recode(table.codes(SlotTable.MACHINE).asIntArray(), d.machines(), machines);
      device = ReportFold.recode(r.devices(), r.deviceNames(), devices);
      int[] ownerMap = new int[r.ownerNames().size()];
      for (int k = 0; k < ownerMap.length; k++) {
        String o = r.ownerNames().value(k);
        ownerMap[k] = owners.encode(o.isEmpty() ? "Unknown" : o);
      }
      int unknown = owners.encode("Unknown");
      int[] o = r.owners();
      owner = new int[o.length];
      for (int i = 0; i < o.length; i++) {
        owner[i] = o[i] < 0 ? unknown : ownerMap[o[i]];
      }
      int[] gpuMap = new int[r.gpuNames().size()];
      for (int k = 0; k < gpuMap.length; k++) {
        gpuMap[k] = gpuIds.encode(r.gpuNames().value(k));
      }
      int[] g = r.gpus();
      key = new int[g.length];
      for (int i = 0; i < g.length; i++) {
        key[i] = g[i] < 0 ? -1 : keys.id(machine[i], gpuMap[g[i]]);
      }
      names = table.codes(SlotTable.NAME).asIntArray();
      projects = table.codes(SlotTable.PROJECTS).asIntArray();
      reasons = table.codes(SlotTable.PREVENT).asIntArray();
      h200 = devices.find(DeviceModels.H200);
    }

    /** The class of a primary row (C3, C4), NO_CLASS for none. */
    int primaryClass(int i) {
      return rows.classes().reporting()[i];
    }

    /** C1's tie-break: higher rank, then the smaller Name (NULL first), then load order. */
    boolean better(int i, int j) {
      byte[] rank = rows.classes().rank();
      if (rank[i] != rank[j]) {
        return rank[i] > rank[j];
      }
      if (names[i] < 0 || names[j] < 0) {
        return names[i] < 0 && names[j] >= 0;
      }
      Dictionary d = table.dictionaries().names();
      return codePointOrder(d.value(names[i]), d.value(names[j])) < 0;
    }

    /** The machine (global code + 1, 0 = NULL) of a key. */
    int keyMachine(int k) {
      return CorrectedFold.this.keyMachine(k);
    }

    /** Row i's trimmed PrioritizedProjects the first time the chunk shows it on machine m. */
    String newProject(int m, int i) {
      int code = projects[i];
      return seenProjects.add(((long) m << 32) | code)
          ? table.dictionaries().projects().value(code).trim()
          : null;
    }

    /** Row i's trimmed PreventJobsReason the first time the chunk shows it on machine m. */
    String newReason(int m, int i) {
      int code = reasons[i];
      return seenReasons.add(((long) m << 32) | code)
          ? table.dictionaries().reasons().value(code).trim()
          : null;
    }

    boolean h200(int i) {
      return h200 >= 0 && device[i] == h200;
    }
  }

  /** Code-point order of two strings (differs from {@link String#compareTo} beyond the BMP). */
  static int codePointOrder(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
