package io.gpureport.cli;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.UsageException;
import io.gpureport.report.ReportJob;
import picocli.CommandLine.Option;

/**
 * The hidden options that tune how a window is read (tests, measurements), shared by the commands
 * that fold a window: chunk length, row budget and load threads.
 */
final class EngineOptions {
  @Option(
      names = "--chunk-minutes",
      hidden = true,
      paramLabel = "MINUTES",
      description = "Length of the time chunks the window is read in (tests, measurements).")
  Long chunkMinutes;

  @Option(
      names = "--chunk-rows",
      hidden = true,
      paramLabel = "ROWS",
      description = "Row budget of the chunks and stored-order pieces (tests, measurements).")
  Long chunkRows;

  @Option(
      names = "--load-threads",
      hidden = true,
      paramLabel = "N",
      description = "Threads that read the data (tests, measurements; default: the processors).")
  Integer loadThreads;

  /** Fails with a usage error on a value below 1. */
  void validate() {
    if (chunkMinutes != null && chunkMinutes < 1) {
      throw new UsageException("--chunk-minutes must be >= 1, was " + chunkMinutes);
    }
    if (chunkRows != null && chunkRows < 1) {
      throw new UsageException("--chunk-rows must be >= 1, was " + chunkRows);
    }
    if (loadThreads != null && loadThreads < 1) {
      throw new UsageException("--load-threads must be >= 1, was " + loadThreads);
    }
  }

  /** The load threads: {@code --load-threads}, else the processors. */
  int threads() {
    return loadThreads != null ? loadThreads : Runtime.getRuntime().availableProcessors();
  }

  /** Sets the chunk options given on {@code job}. */
  void applyTo(ReportJob job) {
    if (chunkMinutes != null) {
      job.chunkMinutes(chunkMinutes);
    }
    if (chunkRows != null) {
      job.chunkRows(chunkRows);
    }
  }

  /** Runs {@code fold}; running out of heap is reported with how to give the JVM more. */
  static void withHeapHint(Runnable fold) {
    try {
      fold.run();
    } catch (OutOfMemoryError e) {
      throw new GpuReportException(
          "out of memory (Java heap) for this window; give the JVM more, e.g."
              + " GPUREPORT_JAVA_OPTS=-Xmx2g bin/gpureport ...",
          e);
    }
  }
}
