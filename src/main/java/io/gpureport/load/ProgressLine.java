package io.gpureport.load;

import java.util.Locale;

/**
 * The text of the load progress line: rows read and, for a window read in several chunks, the part
 * of the window done, the rate and the time left, estimated from the fraction of the window's time
 * covered so far.
 */
final class ProgressLine {
  private static final long MICROS_PER_DAY = 24 * Timestamps.MICROS_PER_HOUR;

  private ProgressLine() {}

  /** {@code Loading snapshots: 1,234 rows}: one load, whose end is not known in advance. */
  static String rows(long rows) {
    return String.format(Locale.ROOT, "Loading snapshots: %,d rows", rows);
  }

  /**
   * {@code Loading snapshots: 1,234 rows, 3 of 31 days, 5,000 rows/s, ETA 1:05}: {@code rows} read
   * in {@code elapsedMillis}, the chunks done covering {@code doneMicros} of a window of {@code
   * windowMicros} (hours for a window shorter than two days); no ETA before a chunk is done.
   */
  static String window(long rows, long doneMicros, long windowMicros, long elapsedMillis) {
    long done = Math.max(0, Math.min(doneMicros, windowMicros));
    StringBuilder b = new StringBuilder(rows(rows)).append(", ");
    long unit = windowMicros >= 2 * MICROS_PER_DAY ? MICROS_PER_DAY : Timestamps.MICROS_PER_HOUR;
    long total = ceilDiv(windowMicros, unit);
    long covered = done == windowMicros ? total : done / unit;
    b.append(String.format(Locale.ROOT, "%,d of %,d ", covered, total))
        .append(unit == MICROS_PER_DAY ? "days" : "hours");
    long millis = Math.max(1, elapsedMillis);
    b.append(String.format(Locale.ROOT, ", %,d rows/s", rows * 1000 / millis));
    if (done <= 0 || windowMicros <= 0) {
      return b.append(", ETA --").toString();
    }
    double fraction = done / (double) windowMicros;
    long leftSeconds = Math.round(millis * (1 - fraction) / fraction / 1000);
    return b.append(", ETA ").append(duration(leftSeconds)).toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from one hour on. */
  static String duration(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  private static long ceilDiv(long a, long b) {
    return Math.max(1, -Math.floorDiv(-a, b));
  }
}
