package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpureport.UsageException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Option values: start formats, quarter-hour flooring and range checks. */
class SampleSpecTest {
  private static final Path OUT = Path.of("out");

  @Test
  void defaultsSpanAMonthBoundary() {
    SampleSpec spec = SampleSpec.defaults(OUT);
    assertEquals(LocalDateTime.of(2025, 10, 30, 0, 0), spec.start());
    assertEquals(3, spec.days());
    assertEquals(42, spec.seed());
    assertEquals(120, spec.hosts());
    assertEquals(LocalDateTime.of(2025, 10, 30, 0, 0), SampleSpec.parseStart(null));
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
    LocalDateTime t = SampleSpec.DEFAULT_START;
    assertThrows(UsageException.class, () -> new SampleSpec(OUT, 0, 1, t, 120, false));
    assertThrows(UsageException.class, () -> new SampleSpec(OUT, 401, 1, t, 120, false));
    assertThrows(UsageException.class, () -> new SampleSpec(OUT, 1, 1, t, 23, false));
    assertEquals(24, new SampleSpec(OUT, 1, 1, t, 24, false).hosts());
  }
}
