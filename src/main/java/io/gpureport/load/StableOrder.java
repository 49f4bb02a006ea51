package io.gpureport.load;

import java.util.stream.IntStream;
import tech.tablesaw.api.LongColumn;

/** Establishes load order: a stable sort by timestamp of the concatenated files (§4.5). */
final class StableOrder {
  private StableOrder() {}

  static SlotTable sortedByTimestamp(SlotTable t) {
    LongColumn ts = t.timestamps();
    boolean sorted = true;
    for (int i = 1; i < ts.size() && sorted; i++) {
      sorted = ts.getLong(i - 1) <= ts.getLong(i);
    }
    if (sorted) {
      return t;
    }
    int[] order =
        IntStream.range(0, ts.size())
            .boxed()
            .sorted((a, b) -> Long.compare(ts.getLong(a), ts.getLong(b)))
            .mapToInt(Integer::intValue)
            .toArray();
    return t.reordered(order);
  }
}
