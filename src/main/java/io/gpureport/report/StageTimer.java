package io.gpureport.report;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per pipeline stage, printed on stderr with {@code --verbose} (and by the benchmark).
 */
public final class StageTimer {
  private final Map<String, Long> nanos = new LinkedHashMap<>();

  /** Runs a stage and adds its wall time under {@code stage}. */
  public <T> T time(String stage, Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      nanos.merge(stage, System.nanoTime() - t0, Long::sum);
    }
  }

  /** Prints {@code timing: load=… ms classify=… ms …}. */
  public void print(PrintStream err) {
    StringBuilder b = new StringBuilder("timing:");
    nanos.forEach(
        (k, v) -> b.append(' ').append(k).append('=').append(v / 1_000_000).append(" ms"));
    err.println(b);
  }
}
