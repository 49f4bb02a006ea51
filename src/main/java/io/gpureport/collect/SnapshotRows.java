package io.gpureport.collect;

import java.util.List;
import java.util.function.Consumer;

/**
 * Turns slot ads into the rows of one snapshot (docs/metrics.md, "How collect builds the rows"):
 * the backfill rule, GPU id normalisation, and one row per GPU id. Each ad is handled on its own,
 * so building is O(n).
 */
final class SnapshotRows {
  private final String timestamp;

  /** Rows stamped with {@code timestamp}, already formatted {@code YYYY-MM-DD HH:MM:SS.ffffff}. */
  SnapshotRows(String timestamp) {
    this.timestamp = timestamp;
  }

  /** Emits the rows of one ad in id order and returns how many it emitted (at least one). */
  int explode(SlotAd ad, Consumer<GpuStateRow> sink) {
    String available = String.join(",", ad.availableGpus());
    List<String> ids = ad.isBackfill() ? ad.availableGpus() : ad.assignedGpus();
    if (ids == null) {
      sink.accept(row(ad, null, available));
      return 1;
    }
    if (ids.isEmpty()) {
      sink.accept(row(ad, "", available));
      return 1;
    }
    for (String id : ids) {
      sink.accept(row(ad, normalise(id), available));
    }
    return ids.size();
  }

  /**
   * The id form HTCondor uses in {@code AssignedGPUs}: every {@code _} becomes {@code -}
   * (docs/metrics.md D12).
   */
  static String normalise(String id) {
    return id.replace('_', '-');
  }

  private GpuStateRow row(SlotAd ad, String id, String available) {
    return new GpuStateRow(
        ad.name(),
        id,
        available,
        ad.state(),
        ad.deviceName(),
        ad.globalMemoryMb(),
        ad.prioritizedProjects(),
        ad.averageUsage(),
        ad.machine(),
        ad.remoteOwner(),
        ad.globalJobId(),
        timestamp,
        ad.preventJobsReason(),
        ad.disk());
  }
}
