package io.gpureport.aggregate;

import java.util.List;

/** Real slots by memory category (§7.5): a TOTAL and the categories in display order. */
public record MemoryTable(Stat total, List<Row> categories) {
  /** One category line. */
  public record Row(String category, Stat stat) {}
}
