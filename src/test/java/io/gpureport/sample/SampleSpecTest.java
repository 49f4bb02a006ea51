package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpureport.errors.UsageException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Option values: start formats, quarter-hour flooring and range checks. */
class SampleSpecTest {
  private static final Path OUT = Path.of("out");

  @Test
  void defaultsAreThreeDaysEndingNow() {
    SampleSpec spec = SampleSpec.defaults(OUT, LocalDateTime.of(2025, 12, 3, 8, 20));
    assertEquals(LocalDateTime.of(2025, 11, 30, 8, 30), spec.start());
    assertEquals(3, spec.days());
    assertEquals(42, spec.seed());
    assertEquals(120, spec.hosts());
  }

  /** The last bucket, {@code days} days after the start less one quarter hour. */
  private static LocalDateTime lastBucket(LocalDateTime now, int days) {
    return SampleSpec.startEndingAt(now, days).plusDays(days).minusMinutes(15);
  }

  @Test
  void theLastSnapshotIsTheNewestStampedAtOrBeforeNow() {
    LocalDateTime quarter = LocalDateTime.of(2025, 12, 3, 8, 0);
    // stamped 2 to 8 s after its quarter hour: 08:00 is taken only from 08:00:08 on
    assertEquals(quarter.minusMinutes(15), lastBucket(quarter, 1));
    assertEquals(quarter.minusMinutes(15), lastBucket(quarter.plusNanos(7_999_999_000L), 1));
    assertEquals(quarter, lastBucket(quarter.plusSeconds(8), 1));
    assertEquals(quarter, lastBucket(quarter.plusMinutes(15).minusNanos(1_000), 1));
    assertEquals(quarter.plusMinutes(15), lastBucket(quarter.plusMinutes(15).plusSeconds(8), 7));
    assertEquals(
        quarter.minusDays(2).plusMinutes(15), SampleSpec.startEndingAt(quarter.plusSeconds(8), 2));
  }

  @Test
  void startForms() {
    LocalDateTime t = LocalDateTime.of(2025, 11, 3, 10, 30);
    assertEquals(LocalDateTime.of(2025, 11, 3, 0, 0), SampleSpec.parseStart("2025-11-03"));
    assertEquals(t, SampleSpec.parseStart("2025-11-03 10:30"));
    assertEquals(t, SampleSpec.parseStart("2025-11-03T10:30"));
    assertEquals(t.withSecond(15), SampleSpec.parseStart("2025-11-03 10:30:15"));
    assertThrows(UsageException.class, () -> SampleSpec.parseStart("2025-02-30"));
    assertThrows(UsageException.class, () -> SampleSpec.parseStart("2025-11-03 25:00"));
    assertThrows(UsageException.class, () -> SampleSpec.parseStart("yesterday"));
  }

  @Test
  void startIsFlooredToAQuarterHour() {
    SampleSpec spec =
        new SampleSpec(OUT, 1, 1, LocalDateTime.of(2025, 11, 3, 10, 44, 59), 24, false);
    assertEquals(LocalDateTime.of(2025, 11, 3, 10, 30), spec.start());
  }

  @Test
  void rangeChecks() {
    LocalDateTime t = LocalDateTime.of(2025, 11, 3, 0, 0);
    assertThrows(UsageException.class, () -> new SampleSpec(OUT, 0, 1, t, 120, false));
    assertThrows(UsageException.class, () -> new SampleSpec(OUT, 401, 1, t, 120, false));
    assertThrows(UsageException.class, () -> new SampleSpec(OUT, 1, 1, t, 23, false));
    assertEquals(24, new SampleSpec(OUT, 1, 1, t, 24, false).hosts());
  }
}
