package io.gpureport.aggregate;

import io.gpureport.classify.ReportingClass;
import java.util.List;

/**
 * A class's device entries (docs/metrics.md, "Usage by Device Type"), ascending raw name, with its
 * class total (docs/metrics.md, "Real Slots and Backfill Slots"; null when the class is not
 * included) and the HTML total re-summed in ascending raw-name order (docs/metrics.md, "Rounding
 * and evaluation order", L22).
 */
public record DeviceTable(
    ReportingClass slotClass, Stat total, Stat htmlTotal, List<Entry> devices) {
  /** One device line. */
  public record Entry(String device, String displayName, Stat stat) {}
}
