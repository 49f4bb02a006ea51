package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.DeviceModels;
import io.gpureport.classify.SlotClass;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The metric computations of docs/metrics.md (one section per report), each one pass (or a few)
 * over classified rows.
 */
public final class Analyses {
  static final int ALLOCATION_BUCKET_MINUTES = 15;

  private Analyses() {}

  /**
   * Allocation, device path (docs/metrics.md, "Allocation report (device tables)"), with GPU-hours
   * over {@code hoursBack}.
   */
  public static DeviceAllocation deviceAllocation(
      ClassifiedRows rows, boolean allDevices, double hoursBack) {
    return devicePath(rows, allDevices, hoursBack, true);
  }

  /**
   * The monthly statistics (docs/metrics.md, "Monthly summary"): model filter on, no backfill
   * table, the month's hours.
   */
  public static DeviceAllocation monthly(ClassifiedRows rows, double monthHours) {
    return devicePath(rows, false, monthHours, false);
  }

  private static DeviceAllocation devicePath(
      ClassifiedRows rows, boolean allDevices, double hours, boolean backfillTable) {
    Buckets buckets = Buckets.of(rows.timestamps(), ALLOCATION_BUCKET_MINUTES);
    // memory and backfill-user tables are independent of the device statistics: compute them on
    // the other core meanwhile (no class may be included; then they are simply not used)
    CompletableFuture<MemoryTable> memory =
        CompletableFuture.supplyAsync(() -> MemoryStatistics.compute(rows, buckets));
    CompletableFuture<UserTable> backfillUsers =
        backfillTable
            ? CompletableFuture.supplyAsync(() -> backfillUsers(rows, buckets, allDevices, hours))
            : CompletableFuture.completedFuture(new UserTable(List.of(), 0));
    DeviceStatistics devices = DeviceStatistics.compute(rows, buckets, allDevices);
    List<DeviceTable> tables = devices.tables();
    if (!devices.anyIncluded()) {
      UserTable none = new UserTable(List.of(), 0);
      return new DeviceAllocation(
          null,
          null,
          null,
          tables,
          none,
          none,
          devices.subjectPercents(),
          devices.bucketSeries(ALLOCATION_BUCKET_MINUTES));
    }
    int h200 = rows.deviceNames().find(DeviceModels.H200);
    UserTable h200Users =
        h200 < 0
            ? new UserTable(List.of(), 0)
            : UserHours.compute(
                rows,
                buckets,
                i -> rows.devices()[i] == h200,
                Arrays.asList(SlotClass.values()),
                hours);
    return new DeviceAllocation(
        devices.slots(SlotClass.REAL),
        join(memory),
        devices.slots(SlotClass.BACKFILL),
        tables,
        h200Users,
        join(backfillUsers),
        devices.subjectPercents(),
        devices.bucketSeries(ALLOCATION_BUCKET_MINUTES));
  }

  private static UserTable backfillUsers(
      ClassifiedRows rows, Buckets buckets, boolean allDevices, double hours) {
    boolean[] oldCode = new boolean[rows.deviceNames().size()];
    for (int d = 0; d < oldCode.length; d++) {
      oldCode[d] = !allDevices && DeviceModels.isOldByRegex(rows.deviceNames().value(d));
    }
    return UserHours.compute(
        rows,
        buckets,
        i -> rows.devices()[i] < 0 || !oldCode[rows.devices()[i]],
        SlotClass.BACKFILL,
        hours);
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  /** The number of distinct {@code minutes}-wide buckets of timestamps in load order. */
  public static int bucketCount(long[] timestamps, int minutes) {
    return Buckets.of(timestamps, minutes).count();
  }

  /**
   * Allocation, non-device path (docs/metrics.md, "Allocation summary (--no-group-by-device)"): six
   * stats in CLASS_ORDER.
   */
  public static List<ClassStat> allocationSummary(ClassifiedRows rows) {
    return StateSplit.summary(rows, Buckets.of(rows.timestamps(), ALLOCATION_BUCKET_MINUTES));
  }

  /** The time series (docs/metrics.md, "Time series"). */
  public static TimeSeries timeSeries(ClassifiedRows rows, int bucketMinutes) {
    return StateSplit.timeSeries(rows, Buckets.of(rows.timestamps(), bucketMinutes), bucketMinutes);
  }
}
