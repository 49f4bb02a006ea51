package io.gpureport.collect;

import java.util.List;

/**
 * One startd ad reduced to the projected attributes (docs/metrics.md, "How collect builds the
 * rows"). Column values are {@code String}, {@code Long} or {@code Double}, which are also their
 * SQLite storage classes, or {@code null} for NULL.
 *
 * @param assignedGpus the split and trimmed {@code AssignedGPUs} ids, not yet normalised; {@code
 *     null} when the attribute is missing or null
 * @param availableGpus the {@code AvailableGPUs} elements with {@code GPUs_} removed; never null
 */
record SlotAd(
    String name,
    List<String> assignedGpus,
    List<String> availableGpus,
    String state,
    String deviceName,
    Object globalMemoryMb,
    String prioritizedProjects,
    Object averageUsage,
    String machine,
    String remoteOwner,
    String globalJobId,
    String preventJobsReason,
    Object disk) {

  /**
   * Whether the slot is a backfill slot: its name contains {@code backfill} (docs/metrics.md, "Real
   * slots and backfill slots").
   */
  boolean isBackfill() {
    return name != null && name.contains("backfill");
  }
}
