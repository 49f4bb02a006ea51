package io.gpureport.aggregate;

import io.gpureport.classify.SlotClass;
import java.util.List;

/**
 * A class's device entries (§7.3), ascending raw name, with its §7.4 total (null when the class is
 * not included) and the HTML total re-summed in ascending raw-name order (§7.12).
 */
public record DeviceTable(SlotClass slotClass, Stat total, Stat htmlTotal, List<Entry> devices) {
  /** One device line. */
  public record Entry(String device, String displayName, Stat stat) {}
}
