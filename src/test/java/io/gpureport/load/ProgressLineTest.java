package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line's text and its estimate of the time left, at given times. */
class ProgressLineTest {
  private static final long DAY = 24 * Timestamps.MICROS_PER_HOUR;

  @Test
  void oneLoadShowsItsRows() {
    assertEquals("Loading snapshots: 1,234,567 rows", ProgressLine.rows(1_234_567));
  }

  @Test
  void aChunkedWindowShowsDaysDoneRateAndTimeLeft() {
    // a quarter of 92 days in 40 s: 120 s left
    assertEquals(
        "Loading snapshots: 2,000,000 rows, 23 of 92 days, 50,000 rows/s, ETA 2:00",
        ProgressLine.window(2_000_000, 23 * DAY, 92 * DAY, 40_000));
  }

  @Test
  void beforeTheFirstChunkIsDoneThereIsNoEstimate() {
    assertEquals(
        "Loading snapshots: 300,000 rows, 0 of 31 days, 100,000 rows/s, ETA --",
        ProgressLine.window(300_000, 0, 31 * DAY, 3_000));
  }

  @Test
  void aShortWindowCountsHoursAndPartDaysRoundUp() {
    assertEquals(
        "Loading snapshots: 10 rows, 6 of 36 hours, 10 rows/s, ETA 0:05",
        ProgressLine.window(
            10, 6 * Timestamps.MICROS_PER_HOUR, 36 * Timestamps.MICROS_PER_HOUR, 1000));
    assertEquals(
        "Loading snapshots: 0 rows, 2 of 3 days, 0 rows/s, ETA 0:01",
        ProgressLine.window(0, 2 * DAY, 2 * DAY + DAY / 2, 4000));
    assertEquals(
        "Loading snapshots: 0 rows, 3 of 3 days, 0 rows/s, ETA 0:00",
        ProgressLine.window(0, 2 * DAY + DAY / 2, 2 * DAY + DAY / 2, 4000));
  }

  @Test
  void longEstimatesShowHours() {
    assertEquals("1:01:05", ProgressLine.duration(3665));
    assertEquals("59:59", ProgressLine.duration(3599));
  }

  @Test
  void theProgressOfAWindowReadsItsRowsAndChunksAtTheClocksTime() {
    AtomicLong now = new AtomicLong(1_000_000);
    try (LoadProgress p = new LoadProgress(null, false, 10 * DAY, now::get)) {
      p.add(65_536);
      now.addAndGet(8_000);
      assertEquals("Loading snapshots: 65,536 rows, 0 of 10 days, 8,192 rows/s, ETA --", p.line());
      p.covered(4 * DAY);
      assertEquals(
          "Loading snapshots: 65,536 rows, 4 of 10 days, 8,192 rows/s, ETA 0:12", p.line());
    }
  }
}
