package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectTest {
  @ParameterizedTest(name = "{0} h -> ''{1}''")
  @CsvSource({
    "24, 24h",
    "48, 2d",
    "168, 1w",
    "336, 2w",
    "36, 36h",
    "720, 30d",
    "1, 1h",
    "25, 25h",
    "504, 3w",
    "192, 8d"
  })
  void periodSuffix(int hours, String expected) {
    assertEquals(expected, Subject.period(hours));
  }

  @org.junit.jupiter.api.Test
  void fullSubjects() {
    LocalDate today = LocalDate.of(2025, 12, 3);
    assertEquals(
        "CHTC GPU Allocation 2025-12-03 24h (66.7% | 75.0% | 33.3% | 33.3%)",
        Subject.of(
            "CHTC GPU Allocation",
            today,
            24,
            null,
            List.of(66.66666666666666, 75.0, 33.33333333333333, 33.33333333333333)));
    assertEquals(
        "CHTC GPU Allocation 2025-12-03 November 2025 (66.7%)",
        Subject.of("CHTC GPU Allocation", today, 24, "November 2025", List.of(66.66666666666666)));
    assertEquals("GPUs 2025-12-03", Subject.of("GPUs", today, 0, null, List.of()));
    assertEquals("GPUs 2025-12-03 24h", Subject.of("GPUs", today, 24, null, List.of()));
  }
}
