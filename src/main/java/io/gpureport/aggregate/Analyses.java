package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import java.util.List;

/**
 * The metric computations of SEMANTICS §7 over one set of classified rows: a {@link ReportFold} of
 * a single chunk.
 */
public final class Analyses {
  private Analyses() {}

  /** Allocation, device path (§7.3–7.6), with GPU-hours over {@code hoursBack}. */
  public static DeviceAllocation deviceAllocation(
      ClassifiedRows rows, boolean allDevices, double hoursBack) {
    ReportFold fold = ReportFold.forDeviceAllocation(allDevices, hoursBack);
    fold.add(rows);
    return fold.deviceAllocation();
  }

  /** The monthly statistics (§7.9): model filter on, no backfill table, the month's hours. */
  public static DeviceAllocation monthly(ClassifiedRows rows, double monthHours) {
    ReportFold fold = ReportFold.forMonthly(monthHours);
    fold.add(rows);
    return fold.deviceAllocation();
  }

  /** The number of distinct {@code minutes}-wide buckets of timestamps in load order. */
  public static int bucketCount(long[] timestamps, int minutes) {
    Buckets buckets = new Buckets(minutes);
    buckets.add(timestamps);
    return buckets.count();
  }

  /** Allocation, non-device path (§7.7): six stats in CLASS_ORDER. */
  public static List<ClassStat> allocationSummary(ClassifiedRows rows) {
    ReportFold fold = ReportFold.forAllocationSummary();
    fold.add(rows);
    return fold.allocationSummary();
  }

  /** The time series (§7.8). */
  public static TimeSeries timeSeries(ClassifiedRows rows, int bucketMinutes) {
    ReportFold fold = ReportFold.forTimeSeries(bucketMinutes);
    fold.add(rows);
    return fold.timeSeries();
  }
}
