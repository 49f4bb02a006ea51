package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntPredicate;

/**
 * One analysis of a window as a fold over its chunks: {@link #add} takes the classified rows of
 * consecutive time ranges in time order (a snapshot never split between two), and the finishing
 * methods give exactly what one pass over the whole window gives (docs/metrics.md). Only the
 * running state is kept: sums in bucket order, the open bucket's distinct GPUs, first-appearance
 * orders, and the global codes of GPU ids, devices and owners (each chunk's codes are its own). The
 * classes are the rule set's catalogue; every chunk must be classified with it.
 */
public final class ReportFold implements WindowFold {
  static final int ALLOCATION_BUCKET_MINUTES = 15;

  private final Dictionary gpus = new Dictionary();
  private final Dictionary devices = new Dictionary();
  private final Dictionary owners = new Dictionary();
  private final Buckets allocationBuckets = new Buckets(ALLOCATION_BUCKET_MINUTES);

  private final ClassCatalogue classes;
  private final double hours;
  private final boolean allDevices;
  private final DeviceStatistics deviceStats;
  private final MemoryStatistics memory;
  private final UserHours h200Users;
  private final UserHours backfillUsers;

  private final boolean device;
  private final boolean backfill;
  private final Buckets splitBuckets;
  private final StateSplit split;
  private final StateSplit.Summary summary;
  private final StateSplit.Series series;
  private final int seriesMinutes;

  private final RowsSeen seen = new RowsSeen();

  /** The per-day recording of {@link #recording}, else null. */
  private DayRecorder recorder;

  private ReportFold(
      ClassCatalogue classes,
      boolean device,
      boolean allDevices,
      double hours,
      boolean backfill,
      int tsMin) {
    this(classes, device, allDevices, hours, backfill, tsMin, false);
  }

  private ReportFold(
      ClassCatalogue classes,
      boolean device,
      boolean allDevices,
      double hours,
      boolean backfill,
      int tsMin,
      boolean record) {
    this.classes = classes;
    this.device = device;
    this.backfill = backfill;
    this.hours = hours;
    this.allDevices = allDevices;
    this.seriesMinutes = tsMin;
    this.deviceStats = device ? new DeviceStatistics(classes, allDevices) : null;
    this.memory = device ? new MemoryStatistics(classes) : null;
    this.h200Users = device ? new UserHours(ReportFold::h200, classes.classes(), hours) : null;
    this.backfillUsers =
        device && backfill ? new UserHours(this::newDevice, classes.backfill(), hours) : null;
    if (device) {
      splitBuckets = null;
      split = null;
      summary = null;
      series = null;
    } else if (tsMin > 0) {
      splitBuckets = new Buckets(tsMin);
      series = record ? null : new StateSplit.Series(classes, splitBuckets);
      summary = null;
      split =
          new StateSplit(
              classes,
              StateSplit.Scheme.LEGACY,
              record ? new DayRecorder(splitBuckets, classes.legacyClasses().size()) : series);
    } else {
      splitBuckets = allocationBuckets;
      summary = record ? null : new StateSplit.Summary(classes);
      series = null;
      split =
          new StateSplit(
              classes,
              StateSplit.Scheme.REPORTING,
              record ? new DayRecorder(splitBuckets, classes.size()) : summary);
    }
    if (record && device) {
      recorder =
          new DayRecorder(
              allocationBuckets,
              classes.size(),
              true,
              h200Users.passes(),
              backfillUsers == null ? -1 : backfillUsers.passes());
      deviceStats.record(recorder);
      memory.record(recorder);
      h200Users.record(recorder.h200);
      if (backfillUsers != null) {
        backfillUsers.record(recorder.backfill);
      }
    } else {
      recorder = record ? (DayRecorder) split.sink() : null;
    }
  }

  /**
   * Whether the fold can be recorded and replayed day by day ({@link #recording}, {@link #append}):
   * the non-device allocation summary and the time series whose bucket width divides a day, so that
   * no bucket spans a local midnight.
   */
  public boolean rollable() {
    return seriesMinutes == 0 || (24 * 60) % seriesMinutes == 0;
  }

  /**
   * A fold of the same analysis that records what each local day contributes ({@link #dayParts})
   * instead of summing it up; only for a {@link #rollable} fold.
   */
  public ReportFold recording() {
    if (!rollable()) {
      throw new IllegalStateException("fold cannot be rolled up by day");
    }
    return new ReportFold(classes, device, allDevices, hours, backfill, seriesMinutes, true);
  }

  /** Whether the fold is the device allocation's (its day parts carry {@link DayPart.Devices}). */
  public boolean byDevice() {
    return device;
  }

  /** Counted classes per bucket of a {@link DayPart} of this fold. */
  public int partClasses() {
    return seriesMinutes > 0 ? classes.legacyClasses().size() : classes.size();
  }

  /**
   * The recorded days with rows, ascending; once, after the last chunk of a {@link #recording}
   * fold.
   */
  public java.util.List<DayPart> dayParts() {
    if (device) {
      closeOpen();
      return recorder.parts(
          allocationBuckets.starts(),
          h200Users.passes(),
          h200Users.dedups(),
          backfillUsers == null ? 0 : backfillUsers.passes());
    }
    split.finish(splitBuckets.count());
    return recorder.parts(allocationBuckets.starts(), 0, false, 0);
  }

  /** Closes the open bucket of every accumulator of the device allocation. */
  private void closeOpen() {
    deviceStats.closeOpen();
    memory.closeOpen();
    h200Users.closeOpen();
    if (backfillUsers != null) {
      backfillUsers.closeOpen();
    }
  }

  /** Replays a day of the device allocation (see {@link #append}). */
  private void appendDevices(DayPart part) {
    DayPart.Devices d = part.devices();
    if (d == null) {
      throw new IllegalStateException("day part of another analysis");
    }
    closeOpen();
    int[] code = new int[d.deviceOrder().size()];
    for (int k = 0; k < code.length; k++) {
      String name = d.deviceOrder().get(k);
      code[k] = devices.encode(name);
      deviceStats.appendDevice(code[k], name);
    }
    int[] bucket = new int[part.allocationStarts().length];
    for (int b = 0; b < bucket.length; b++) {
      bucket[b] = allocationBuckets.append(part.allocationStarts()[b]);
    }
    for (int k = 0; k < d.groupBucket().length; k++) {
      deviceStats.appendGroup(
          bucket[d.groupBucket()[k]],
          code[d.groupDevice()[k]],
          d.groupClass()[k],
          d.groupTotal()[k],
          d.groupClaimed()[k]);
    }
    memory.append(d.memoryOrder(), d.memoryClaimed(), d.memoryTotal(), d.memoryBuckets());
    h200Users.append(d.h200(), gpus::encode);
    if (backfillUsers != null) {
      backfillUsers.append(d.backfill(), gpus::encode);
    }
    seen.append(part.rows(), part.excluded(), part.first(), part.last());
  }

  /**
   * Replays a day's part after everything added or appended before (a later day): its buckets go to
   * the summary or series in bucket order, as {@link #add} of its rows would hand them.
   */
  public void append(DayPart part) {
    if (recorder != null || part.classes() != partClasses()) {
      throw new IllegalStateException("day part of another analysis");
    }
    if (device) {
      appendDevices(part);
      return;
    }
    split.finish(splitBuckets.count());
    StateSplit.BucketSink sink = summary != null ? summary : series;
    int k = part.classes();
    for (int b = 0; b < part.seriesStarts().length; b++) {
      int index = splitBuckets.append(part.seriesStarts()[b]);
      int[] claimed = java.util.Arrays.copyOfRange(part.claimed(), b * k, (b + 1) * k);
      int[] unclaimed = java.util.Arrays.copyOfRange(part.unclaimed(), b * k, (b + 1) * k);
      sink.accept(index, claimed, unclaimed);
    }
    if (splitBuckets != allocationBuckets) {
      for (long start : part.allocationStarts()) {
        allocationBuckets.append(start);
      }
    }
    split.continueAt(splitBuckets.count());
    seen.append(part.rows(), part.excluded(), part.first(), part.last());
  }

  /**
   * Allocation, device path (docs/metrics.md, "Allocation report"), with GPU-hours over {@code
   * hoursBack}, over a rule set's {@code classes}.
   */
  public static ReportFold forDeviceAllocation(
      ClassCatalogue classes, boolean allDevices, double hoursBack) {
    return new ReportFold(classes, true, allDevices, hoursBack, true, 0);
  }

  /**
   * The monthly statistics (docs/metrics.md, "Monthly summary"): model filter on, no backfill
   * table, the month's hours; over a rule set's {@code classes}.
   */
  public static ReportFold forMonthly(ClassCatalogue classes, double monthHours) {
    return new ReportFold(classes, true, false, monthHours, false, 0);
  }

  /**
   * Allocation, non-device path (docs/metrics.md, "Allocation summary"), over a rule set's {@code
   * classes}.
   */
  public static ReportFold forAllocationSummary(ClassCatalogue classes) {
    return new ReportFold(classes, false, false, 0, false, 0);
  }

  /**
   * The time series (docs/metrics.md, "Time series") at {@code bucketMinutes}-wide buckets, over a
   * rule set's {@code classes}.
   */
  public static ReportFold forTimeSeries(ClassCatalogue classes, int bucketMinutes) {
    return new ReportFold(classes, false, false, 0, false, bucketMinutes);
  }

  @Override
  public ReportFold emptyCopy() {
    return new ReportFold(
        classes, device, allDevices, hours, backfill, seriesMinutes, recorder != null);
  }

  @Override
  public void add(ClassifiedRows chunk) {
    if (!classes.equals(chunk.classes().catalogue())) {
      throw new IllegalArgumentException("chunk classified with another rule set's classes");
    }
    if (chunk.size() == 0) {
      return;
    }
    ClassifiedRows r = global(chunk);
    long[] ts = r.timestamps();
    seen.add(r);
    if (recorder != null) {
      recorder.count(r);
    }
    int[] bucket = allocationBuckets.add(ts);
    if (split != null) {
      split.add(r, splitBuckets == allocationBuckets ? bucket : splitBuckets.add(ts));
      return;
    }
    // memory and backfill users are independent of the device statistics: the other core's work
    CompletableFuture<Void> other =
        CompletableFuture.runAsync(
            () -> {
              memory.add(r, bucket);
              if (backfillUsers != null) {
                backfillUsers.add(r, bucket);
              }
            });
    deviceStats.add(r, bucket);
    h200Users.add(r, bucket);
    join(other);
  }

  /** The chunk with global codes of GPU ids, devices and owners. */
  private ClassifiedRows global(ClassifiedRows c) {
    return new ClassifiedRows(
        c.timestamps(),
        c.flags(),
        c.states(),
        c.memory(),
        recode(c.gpus(), c.gpuNames(), gpus),
        recode(c.devices(), c.deviceNames(), devices),
        recode(c.owners(), c.ownerNames(), owners),
        devices,
        owners,
        gpus,
        c.rowsExcluded(),
        c.classes(),
        c.loaded());
  }

  static int[] recode(int[] codes, Dictionary from, Dictionary to) {
    int[] map = new int[from.size()];
    for (int k = 0; k < map.length; k++) {
      map[k] = to.encode(from.value(k));
    }
    int[] out = new int[codes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = codes[i] < 0 ? codes[i] : map[codes[i]];
    }
    return out;
  }

  private static IntPredicate h200(ClassifiedRows r) {
    int h200 = r.deviceNames().find(DeviceModels.H200);
    int[] d = r.devices();
    return i -> h200 >= 0 && d[i] == h200;
  }

  /** The backfill table's input: rows of no device, or of one the regex model filter keeps. */
  private IntPredicate newDevice(ClassifiedRows r) {
    boolean[] oldCode = new boolean[r.deviceNames().size()];
    for (int d = 0; d < oldCode.length; d++) {
      oldCode[d] = !allDevices && DeviceModels.isOldByRegex(r.deviceNames().value(d));
    }
    int[] d = r.devices();
    return i -> d[i] < 0 || !oldCode[d[i]];
  }

  private static void join(CompletableFuture<Void> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  @Override
  public RowsSeen seen() {
    return seen;
  }

  @Override
  public int bucketCount() {
    return allocationBuckets.count();
  }

  /** The device allocation or monthly statistics; once, after the last chunk. */
  public DeviceAllocation deviceAllocation() {
    DeviceStatistics stats = deviceStats.finish(allocationBuckets);
    MemoryTable memoryTable = memory.finish();
    UserTable h200 = h200Users.finish();
    UserTable backfill =
        backfillUsers == null ? new UserTable(List.of(), 0) : backfillUsers.finish();
    BucketSeries bucketSeries = stats.bucketSeries(ALLOCATION_BUCKET_MINUTES);
    DeviceAllocation.ClassTables tables =
        stats.anyIncluded()
            ? new DeviceAllocation.Included(
                stats.slots(classes.real()),
                Optional.ofNullable(memoryTable),
                stats.slots(classes.backfill()),
                h200,
                backfill)
            : new DeviceAllocation.NoneIncluded();
    return new DeviceAllocation(tables, stats.tables(), stats.subjectPercents(), bucketSeries);
  }

  /** The non-device allocation summary: six stats in CLASS_ORDER; once, after the last chunk. */
  public List<ClassStat> allocationSummary() {
    split.finish(splitBuckets.count());
    return summary.finish(allocationBuckets.count());
  }

  /** The time series; once, after the last chunk. */
  public TimeSeries timeSeries() {
    split.finish(splitBuckets.count());
    return series.finish(seriesMinutes);
  }
}
