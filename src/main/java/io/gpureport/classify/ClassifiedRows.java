package io.gpureport.classify;

import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;

/**
 * The loaded rows in load order with everything the metrics test per row: flags ({@link RowFlags}),
 * state, memory category, the codes of GPU id, device and owner (-1 = NULL) in their dictionaries,
 * the classes and rank a rule set decided ({@link RowClasses}), and the loaded rows themselves, for
 * the columns a rule set reads beyond these.
 */
public record ClassifiedRows(
    long[] timestamps,
    int[] flags,
    byte[] states,
    byte[] memory,
    int[] gpus,
    int[] devices,
    int[] owners,
    Dictionary deviceNames,
    Dictionary ownerNames,
    Dictionary gpuNames,
    long rowsExcluded,
    RowClasses classes,
    SlotTable loaded) {

  public ClassifiedRows {
    if (classes.reporting().length != timestamps.length) {
      throw new IllegalArgumentException("classes and rows of different lengths");
    }
    if (loaded.rowCount() != timestamps.length) {
      throw new IllegalArgumentException("loaded and classified rows of different lengths");
    }
  }

  /** Number of distinct non-NULL GPU ids (codes are below it). */
  public int gpuCount() {
    return gpuNames.size();
  }

  public int size() {
    return timestamps.length;
  }

  public boolean has(int row, int flag) {
    return (flags[row] & flag) != 0;
  }

  /** The dedup rank of a row (docs/metrics.md, "Rank"), as the rule set decided it. */
  public int rank(int row) {
    return classes.rank()[row];
  }
}
