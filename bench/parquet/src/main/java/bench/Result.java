package bench;

import java.lang.management.ManagementFactory;

/** What a reader produced, in the form a report needs, and a checksum to compare readers. */
final class Result {
  static long firstRowNanos = -1;

  static void firstRow() {
    if (firstRowNanos < 0) firstRowNanos = System.nanoTime();
  }

  static double sinceJvmStartMs() {
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    return System.currentTimeMillis() - start;
  }

  static void print(String who, long rows, long t0, long t1, long checksum, boolean sorted,
      String extra) {
    double jvmToT0 = sinceJvmStartMs() - (System.nanoTime() - t0) / 1e6;
    System.out.printf(
        "%s rows=%d read_s=%.2f jvm_start_to_open_ms=%.0f jvm_start_to_first_row_ms=%.0f"
            + " sorted=%s checksum=%d %s%n",
        who, rows, (t1 - t0) / 1e9, jvmToT0, jvmToT0 + (firstRowNanos - t0) / 1e6, sorted,
        checksum, extra);
  }
}
