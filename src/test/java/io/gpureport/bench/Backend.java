package io.gpureport.bench;

import java.nio.file.Path;

/** One way to compute the device statistics of a window (the hot path of a report). */
public interface Backend {
  /** A short name for tables. */
  String name();

  /**
   * Computes the window {@code [start, end]} (naive epoch microseconds, both inclusive) of {@code
   * data}, which is a monthly file, a single file or a data directory (SEMANTICS §4.1).
   */
  BackendResult compute(Path data, long start, long end, Probe probe);

  default BackendResult compute(Path data, long start, long end) {
    return compute(data, start, end, Probe.NONE);
  }
}
