package io.gpureport.bench;

import io.gpureport.aggregate.Analyses;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.DeviceTable;
import io.gpureport.aggregate.Stat;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.ClassifyRules;
import io.gpureport.classify.RuleSets;
import io.gpureport.load.Projection;
import io.gpureport.load.SlotLoader;
import io.gpureport.load.SlotTable;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Option 2, what the product does: a typed loader into Tablesaw columns of dictionary codes ({@link
 * SlotLoader}), per-dictionary-value predicates (the {@code reference} rule set of {@link
 * RuleSets}) and hand-rolled aggregation over primitive arrays ({@code DeviceStatistics} via {@link
 * Analyses#deviceAllocation}). A thin wrapper over the public API; {@code deviceAllocation} also
 * builds the memory and user tables of the device path, which the other backends do not (its
 * "aggregate" phase therefore slightly overstates the hot path).
 */
public final class HandRolledBackend implements Backend {
  private final BenchInputs.Rules rules;
  private final int threads;

  /**
   * {@code threads} as in the product ({@code availableProcessors()}); 1 for a fair 1-core view.
   */
  public HandRolledBackend(BenchInputs.Rules rules, int threads) {
    this.rules = rules;
    this.threads = threads;
  }

  @Override
  public String name() {
    return threads == 1 ? "hand-rolled-1t" : "hand-rolled";
  }

  @Override
  public BackendResult compute(Path data, long start, long end, Probe probe) {
    SlotTable table =
        new SlotLoader(threads)
            .load(
                BenchInputs.files(data, start, end),
                TimeRange.closed(start, end),
                Projection.ALLOCATION);
    probe.checkpoint("load");
    if (table.rowCount() == 0) {
      return new BackendResult(0, 0, new TreeMap<>());
    }
    ClassifiedRows rows =
        RuleSets.named("reference")
            .classify(table, new ClassifyRules(rules.exclusions(), rules.chtcOwned(), ""));
    probe.checkpoint("classify");
    double hours = (double) (end - start) / Timestamps.MICROS_PER_HOUR;
    DeviceAllocation allocation = Analyses.deviceAllocation(rows, false, hours);
    SortedMap<Cell, Stat> stats = new TreeMap<>();
    for (DeviceTable t : allocation.devices()) {
      for (DeviceTable.Entry e : t.devices()) {
        stats.put(new Cell(t.slotClass().index() + 1, e.device()), e.stat());
      }
    }
    int buckets = 0;
    long last = Long.MIN_VALUE;
    for (long ts : rows.timestamps()) {
      long b = Timestamps.floor(ts, 15);
      if (b != last) {
        buckets++;
        last = b;
      }
    }
    probe.checkpoint("aggregate");
    return new BackendResult(rows.size(), buckets, stats);
  }
}
