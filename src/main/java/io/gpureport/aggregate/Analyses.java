package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import java.util.List;

/**
 * The metric computations (docs/metrics.md) over one set of classified rows: a {@link ReportFold}
 * of a single chunk, over the classes the rows were classified with.
 */
public final class Analyses {
  private Analyses() {}

  private static ClassCatalogue classes(ClassifiedRows rows) {
    return rows.classes().catalogue();
  }

  /**
   * Allocation, device path (docs/metrics.md, "Allocation report (device tables)"), with GPU-hours
   * over {@code hoursBack}.
   */
  public static DeviceAllocation deviceAllocation(
      ClassifiedRows rows, boolean allDevices, double hoursBack) {
    ReportFold fold = ReportFold.forDeviceAllocation(classes(rows), allDevices, hoursBack);
    fold.add(rows);
    return fold.deviceAllocation();
  }

  /**
   * The monthly statistics (docs/metrics.md, "Monthly summary"): model filter on, no backfill
   * table, the month's hours.
   */
  public static DeviceAllocation monthly(ClassifiedRows rows, double monthHours) {
    ReportFold fold = ReportFold.forMonthly(classes(rows), monthHours);
    fold.add(rows);
    return fold.deviceAllocation();
  }

  /**
   * Allocation, non-device path (docs/metrics.md, "Allocation summary (--no-group-by-device)"): six
   * stats in CLASS_ORDER.
   */
  public static List<ClassStat> allocationSummary(ClassifiedRows rows) {
    ReportFold fold = ReportFold.forAllocationSummary(classes(rows));
    fold.add(rows);
    return fold.allocationSummary();
  }

  /** The time series (docs/metrics.md, "Time series"). */
  public static TimeSeries timeSeries(ClassifiedRows rows, int bucketMinutes) {
    ReportFold fold = ReportFold.forTimeSeries(classes(rows), bucketMinutes);
    fold.add(rows);
    return fold.timeSeries();
  }
}
