package io.gpureport;

import java.io.PrintStream;

/** The GPU-model snapshot analysis (SEMANTICS §7.10) (stub). */
final class SnapshotJob {
  private final PrintStream out;

  SnapshotJob(PrintStream out) {
    this.out = out;
  }

  void run(ReportRequest req) {
    throw new GpuReportException("gpu-model-snapshot is not implemented yet");
  }
}
