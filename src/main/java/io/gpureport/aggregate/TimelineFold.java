package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.RowFlags;
import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;
import io.gpureport.load.Timestamps;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;

/**
 * {@code gpureport timeline} as a fold over a window's classified chunks (docs/metrics.md,
 * "Timeline cells"): per snapshot each GPU id of each host gets the state {@code hosts} gives it
 * ({@link GpuSnapshot}; excluded hosts and rows failing {@code --host} dropped first), refined by
 * class (busy: the Claimed primary row's class, idle: the kept row's class), and per bucket of
 * {@code --bucket-minutes} the highest-ranked state of its snapshots wins (the earlier snapshot on
 * a tie). Memory: one int per GPU and bucket (state and an index of the deciding row's State, user
 * and job), not per row.
 */
public final class TimelineFold implements WindowFold {
  /** A cell's facts beyond its state: the deciding row's State, RemoteOwner and GlobalJobId. */
  private record Facts(String slotState, String user, String job) {}

  private static final Facts NONE = new Facts("", "", "");
  private static final int STATE_BITS = 4;
  private static final int STATE_MASK = (1 << STATE_BITS) - 1;
  private static final TimelineState[] STATES = TimelineState.values();

  private final ClassCatalogue classes;
  private final int bucketMinutes;
  private final long bucketMicros;
  private final RowsSeen seen = new RowsSeen();
  private final Buckets quarterHours = new Buckets(ReportFold.ALLOCATION_BUCKET_MINUTES);
  private final GpuSnapshot snapshot = new GpuSnapshot();
  private final HostClasses hostClasses;
  private final Dictionary hostNames = new Dictionary();
  private final Dictionary gpuNames = new Dictionary();
  private final Dictionary deviceNames = new Dictionary();
  private final List<IntArrayList> hostDevices = new ArrayList<>();
  private final Long2IntOpenHashMap gpuIndex = new Long2IntOpenHashMap();
  private final IntArrayList gpuHost = new IntArrayList();
  private final IntArrayList gpuId = new IntArrayList();

  /** Per GPU, per bucket from {@link #firstBucket}: facts index × 16 + state ordinal; 0 no data. */
  private final List<int[]> cells = new ArrayList<>();

  private final Map<Facts, Integer> factsIndex = new HashMap<>();
  private final List<Facts> facts = new ArrayList<>(List.of(NONE));
  private long firstBucket = Long.MIN_VALUE;
  private int snapshots;

  /** A fold over rows classified with a rule set whose classes are {@code classes}. */
  public TimelineFold(ClassCatalogue classes, int bucketMinutes) {
    if (bucketMinutes < 1) {
      throw new IllegalArgumentException("bucket minutes must be >= 1: " + bucketMinutes);
    }
    this.classes = classes;
    this.bucketMinutes = bucketMinutes;
    this.bucketMicros = bucketMinutes * Timestamps.MICROS_PER_MINUTE;
    this.hostClasses = new HostClasses(classes);
    gpuIndex.defaultReturnValue(-1);
    factsIndex.put(NONE, 0);
  }

  @Override
  public TimelineFold emptyCopy() {
    return new TimelineFold(classes, bucketMinutes);
  }

  @Override
  public RowsSeen seen() {
    return seen;
  }

  @Override
  public int bucketCount() {
    return quarterHours.count();
  }

  @Override
  public void add(ClassifiedRows r) {
    if (!seen.accept(classes, r)) {
      return;
    }
    int n = r.size();
    long[] ts = r.timestamps();
    quarterHours.add(ts);
    if (firstBucket == Long.MIN_VALUE) {
      firstBucket = Timestamps.floor(ts[0], bucketMinutes);
    }
    Chunk c = new Chunk(r);
    int start = 0;
    while (start < n) {
      int end = start;
      while (end < n && ts[end] == ts[start]) {
        end++;
      }
      snapshot(c, start, end);
      start = end;
    }
  }

  /** The codes of one chunk recoded to the fold's dictionaries. */
  private final class Chunk {
    final ClassifiedRows rows;
    final int[] machines;
    final int[] hostOf;
    final int[] gpuOf;
    final int[] deviceOf;
    final int[] stateCodes;
    final int[] ownerCodes;
    final int[] jobCodes;
    final SlotTable.Dictionaries names;

    Chunk(ClassifiedRows r) {
      rows = r;
      SlotTable loaded = r.loaded();
      names = loaded.dictionaries();
      machines = loaded.codes(SlotTable.MACHINE).asIntArray();
      hostOf = HostsFold.recode(names.machines(), hostNames);
      gpuOf = HostsFold.recode(r.gpuNames(), gpuNames);
      deviceOf = HostsFold.recode(r.deviceNames(), deviceNames);
      stateCodes = loaded.codes(SlotTable.STATE).asIntArray();
      ownerCodes = loaded.codes(SlotTable.OWNER).asIntArray();
      IntColumn jobs = loaded.codes(SlotTable.JOB);
      jobCodes = jobs == null ? null : jobs.asIntArray();
    }

    Facts facts(int i, boolean busy) {
      String state = text(names.states(), stateCodes[i]);
      if (!busy) {
        return new Facts(state, "", "");
      }
      return new Facts(
          state,
          text(names.owners(), ownerCodes[i]),
          jobCodes == null ? "" : text(names.jobs(), jobCodes[i]));
    }

    private static String text(Dictionary d, int code) {
      return code < 0 ? "" : d.value(code);
    }
  }

  /** Rows {@code [start, end)}, one snapshot, into the cells of its bucket. */
  private void snapshot(Chunk c, int start, int end) {
    ClassifiedRows r = c.rows;
    int[] gpus = r.gpus();
    int[] devices = r.devices();
    snapshot.start(r, snapshots++);
    for (int i = start; i < end; i++) {
      if (c.machines[i] < 0 || r.has(i, RowFlags.EXCLUDED) || !r.has(i, RowFlags.HOST_NAME)) {
        continue;
      }
      int h = host(c.hostOf[c.machines[i]]);
      if (devices[i] >= 0 && !hostDevices.get(h).contains(c.deviceOf[devices[i]])) {
        hostDevices.get(h).add(c.deviceOf[devices[i]]);
      }
      if (gpus[i] >= 0) {
        snapshot.add(gpu(h, c.gpuOf[gpus[i]]), i);
      }
    }
    int b =
        (int)
            ((Timestamps.floor(r.timestamps()[start], bucketMinutes) - firstBucket) / bucketMicros);
    byte[] reporting = r.classes().reporting();
    for (int t = 0; t < snapshot.size(); t++) {
      int k = snapshot.gpu(t);
      int w = snapshot.winner(t);
      if (reporting[w] >= 0) {
        hostClasses.add(gpuHost.getInt(k), reporting[w]);
      }
      int row = snapshot.decidingRow(t);
      TimelineState state = state(snapshot.state(t), reporting[row]);
      int[] row0 = cell(k, b);
      int old = row0[b];
      if (state.rank() > STATES[old & STATE_MASK].rank()) {
        boolean busy = state.rank() >= TimelineState.BACKFILL.rank();
        row0[b] = factsCode(c.facts(row, busy)) << STATE_BITS | state.ordinal();
      }
    }
  }

  private TimelineState state(byte hostsState, int cls) {
    HostCategory category = cls < 0 ? HostCategory.UNCLASSIFIED : HostCategory.of(classes.get(cls));
    return switch (hostsState) {
      case GpuSnapshot.BUSY -> TimelineState.busy(category);
      case GpuSnapshot.BACKFILL -> TimelineState.BACKFILL;
      case GpuSnapshot.IDLE -> TimelineState.idle(category);
      default -> TimelineState.UNAVAILABLE;
    };
  }

  /** GPU {@code k}'s cells, grown to hold bucket {@code b}. */
  private int[] cell(int k, int b) {
    int[] a = cells.get(k);
    if (a.length <= b) {
      a = Arrays.copyOf(a, Math.max(b + 1, Math.max(16, 2 * a.length)));
      cells.set(k, a);
    }
    return a;
  }

  private int factsCode(Facts f) {
    Integer code = factsIndex.get(f);
    if (code == null) {
      code = facts.size();
      factsIndex.put(f, code);
      facts.add(f);
    }
    return code;
  }

  private int host(int code) {
    while (hostDevices.size() <= code) {
      hostDevices.add(new IntArrayList());
    }
    return code;
  }

  private int gpu(int h, int id) {
    long key = ((long) h << 32) | id;
    int k = gpuIndex.get(key);
    if (k < 0) {
      k = gpuHost.size();
      gpuIndex.put(key, k);
      gpuHost.add(h);
      gpuId.add(id);
      cells.add(new int[0]);
    }
    return k;
  }

  /**
   * The timeline of the window {@code [start, end]} (naive epoch microseconds), once, after the
   * last chunk: every bucket that starts in the window (a bucket cut by {@code start} is left out,
   * so a week of 15-minute buckets has 672), with or without data.
   */
  public Timeline finish(long start, long end) {
    long first = Timestamps.floor(start, bucketMinutes);
    if (first < start) {
      first += bucketMicros;
    }
    int buckets = (int) ((Timestamps.floor(end, bucketMinutes) - first) / bucketMicros) + 1;
    int offset = firstBucket == Long.MIN_VALUE ? 0 : (int) ((firstBucket - first) / bucketMicros);
    List<List<TimelineGpu>> byHost = new ArrayList<>();
    hostDevices.forEach(d -> byHost.add(new ArrayList<>()));
    for (int k = 0; k < gpuHost.size(); k++) {
      byHost
          .get(gpuHost.getInt(k))
          .add(
              new TimelineGpu(
                  gpuNames.value(gpuId.getInt(k)), runs(cells.get(k), offset, buckets)));
    }
    List<TimelineHost> hosts = new ArrayList<>();
    for (int h = 0; h < byHost.size(); h++) {
      List<TimelineGpu> gpus = byHost.get(h);
      if (gpus.isEmpty()) {
        continue;
      }
      gpus.sort(Comparator.comparing(TimelineGpu::id));
      List<String> devices = new ArrayList<>();
      hostDevices.get(h).forEach(d -> devices.add(deviceNames.value(d)));
      hosts.add(new TimelineHost(hostNames.value(h), hostClasses.category(h), devices, gpus));
    }
    return new Timeline(first, bucketMinutes, buckets, hosts);
  }

  /** The cells {@code a}, the first at bucket {@code offset}, as runs over {@code buckets}. */
  private List<TimelineRun> runs(int[] a, int offset, int buckets) {
    List<TimelineRun> runs = new ArrayList<>();
    int from = 0;
    for (int b = 1; b <= buckets; b++) {
      if (b == buckets || cellAt(a, b - offset) != cellAt(a, from - offset)) {
        int cell = cellAt(a, from - offset);
        Facts f = facts.get(cell >>> STATE_BITS);
        runs.add(
            new TimelineRun(from, b, STATES[cell & STATE_MASK], f.slotState(), f.user(), f.job()));
        from = b;
      }
    }
    return runs;
  }

  private static int cellAt(int[] a, int i) {
    return i >= 0 && i < a.length ? a[i] : 0;
  }
}
