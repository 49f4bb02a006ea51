package io.gpureport.sample;

/** Receives the rows of one snapshot in storage order; the timestamp is the snapshot's. */
interface RowSink {
  /**
   * One {@code gpu_state} row. {@code preventJobsReason}, {@code projects}, {@code owner} and
   * {@code jobId} may be null; {@code usage} is NaN for NULL.
   */
  void row(
      String name,
      String gpuId,
      String availableGpus,
      String state,
      String preventJobsReason,
      Host host,
      String projects,
      double usage,
      String owner,
      String jobId);
}
