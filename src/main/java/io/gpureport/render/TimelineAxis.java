package io.gpureport.render;

import io.gpureport.aggregate.Timeline;
import io.gpureport.load.Timestamps;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ticks of a timeline's time axis: the buckets holding a multiple of a step (1 hour to 1 week,
 * the smallest that leaves {@code minBuckets} buckets between ticks) of the naive wall clock.
 */
final class TimelineAxis {
  private static final int[] STEPS = {60, 120, 180, 360, 720, 1440, 2880, 10080};

  /**
   * A tick at bucket {@code bucket}, labelled {@code label} (e.g. {@code 11-02} or {@code 06:00}).
   */
  record Tick(int bucket, String label) {}

  private TimelineAxis() {}

  /** The ticks of {@code t}, at least {@code minBuckets} buckets apart. */
  static List<Tick> ticks(Timeline t, double minBuckets) {
    int step = STEPS[STEPS.length - 1];
    for (int s : STEPS) {
      if (s / (double) t.bucketMinutes() >= minBuckets) {
        step = s;
        break;
      }
    }
    List<Tick> ticks = new ArrayList<>();
    for (int b = 0; b < t.buckets(); b++) {
      long from = t.bucketStart(b);
      long mark = Timestamps.floor(from + t.bucketMicros() - 1, step);
      if (mark >= from) {
        ticks.add(new Tick(b, label(Timestamps.toLocal(mark), step)));
      }
    }
    return ticks;
  }

  private static String label(LocalDateTime t, int step) {
    if (step >= 1440 || (t.getHour() == 0 && t.getMinute() == 0)) {
      return String.format(Locale.ROOT, "%02d-%02d", t.getMonthValue(), t.getDayOfMonth());
    }
    return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
  }
}
