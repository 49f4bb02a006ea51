package io.gpureport.collect;

/**
 * One {@code gpu_state} row: a (slot, GPU id) pair of a snapshot (docs/metrics.md, "The stored
 * table"). Values are {@code String}, {@code Long}, {@code Double} or {@code null}, as stored.
 */
record GpuStateRow(
    String name,
    String assignedGpu,
    String availableGpus,
    String state,
    String deviceName,
    Object globalMemoryMb,
    String prioritizedProjects,
    Object averageUsage,
    String machine,
    String remoteOwner,
    String globalJobId,
    String timestamp,
    String preventJobsReason,
    Object disk) {

  /** The values in table column order, matching {@code CollectedTable.INSERT}. */
  Object[] columnValues() {
    return new Object[] {
      name,
      assignedGpu,
      availableGpus,
      state,
      deviceName,
      globalMemoryMb,
      prioritizedProjects,
      averageUsage,
      machine,
      remoteOwner,
      globalJobId,
      timestamp,
      preventJobsReason,
      disk
    };
  }
}
