package io.gpureport.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a sample run wrote.
 *
 * @param files the monthly files, in time order
 * @param rows total rows written
 * @param snapshots number of snapshots
 * @param first timestamp of the first snapshot, stored form
 * @param last timestamp of the last snapshot, stored form
 * @param hosts machines in the pool
 * @param gpus GPUs in the pool
 */
public record SampleSummary(
    List<Path> files, long rows, int snapshots, String first, String last, int hosts, int gpus) {
  public SampleSummary {
    files = List.copyOf(files);
  }

  /** The one-line status message, e.g. {@code Wrote 432,000 rows to gpu_state_2025-10.db, ...}. */
  public String describe() {
    String names =
        files.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
    Path dir = files.isEmpty() ? null : files.get(0).getParent();
    return String.format(
        Locale.ROOT,
        "Wrote %,d rows to %s in %s: %,d snapshots from %s to %s (%d hosts, %d GPUs)",
        rows,
        names,
        dir,
        snapshots,
        first,
        last,
        hosts,
        gpus);
  }
}
