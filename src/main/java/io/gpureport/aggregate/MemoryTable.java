package io.gpureport.aggregate;

import java.util.List;

/**
 * Real slots by memory category (docs/metrics.md, "Real Slots by Memory Category"): a TOTAL and the
 * categories in display order.
 */
public record MemoryTable(Stat total, List<Row> categories) {
  /** One category line. */
  public record Row(String category, Stat stat) {}
}
