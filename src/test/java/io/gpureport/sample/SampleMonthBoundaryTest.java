package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each snapshot goes to the file of its own month. */
class SampleMonthBoundaryTest {
  @TempDir Path dir;

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void lastDayOfMonthSplitsIntoTwoFiles() throws IOException {
    SampleSummary summary =
        SampleGenerator.generate(
            new SampleSpec(dir, 2, 42, LocalDateTime.of(2025, 10, 31, 0, 0), 30, false));
    assertEquals(List.of("gpu_state_2025-10.db", "gpu_state_2025-11.db"), fileNames());
    Path october = dir.resolve("gpu_state_2025-10.db");
    Path november = dir.resolve("gpu_state_2025-11.db");
    assertEquals(List.of(october, november), summary.files());
    assertEquals(
        0,
        SampleDb.count(
            october, "SELECT COUNT(*) FROM gpu_state WHERE substr(timestamp, 1, 7) <> '2025-10'"));
    assertEquals(
        0,
        SampleDb.count(
            november, "SELECT COUNT(*) FROM gpu_state WHERE substr(timestamp, 1, 7) <> '2025-11'"));
    assertEquals(96, SampleDb.count(october, "SELECT COUNT(DISTINCT timestamp) FROM gpu_state"));
    assertEquals(96, SampleDb.count(november, "SELECT COUNT(DISTINCT timestamp) FROM gpu_state"));
    assertEquals(
        "2025-10-31 23:45",
        SampleDb.column(october, "SELECT substr(MAX(timestamp), 1, 16) FROM gpu_state").get(0));
    assertEquals(
        "2025-11-01 00:00",
        SampleDb.column(november, "SELECT substr(MIN(timestamp), 1, 16) FROM gpu_state").get(0));
    List<String> lateJobs =
        SampleDb.column(
            october,
            "SELECT DISTINCT GlobalJobId FROM gpu_state"
                + " WHERE timestamp >= '2025-10-31 23:45'");
    List<String> earlyJobs =
        SampleDb.column(
            november,
            "SELECT DISTINCT GlobalJobId FROM gpu_state" + " WHERE timestamp < '2025-11-01 00:15'");
    assertTrue(
        lateJobs.stream().anyMatch(earlyJobs::contains),
        "jobs should run on across the month boundary");
  }

  @Test
  void yearBoundary() throws IOException {
    SampleGenerator.generate(
        new SampleSpec(dir, 1, 42, LocalDateTime.of(2025, 12, 31, 12, 0), 24, false));
    assertEquals(List.of("gpu_state_2025-12.db", "gpu_state_2026-01.db"), fileNames());
    assertEquals(
        48,
        SampleDb.count(
            dir.resolve("gpu_state_2026-01.db"),
            "SELECT COUNT(DISTINCT timestamp) FROM gpu_state WHERE timestamp LIKE '2026-01-01 %'"));
  }

  @Test
  void oneMonthOneFile() throws IOException {
    SampleGenerator.generate(
        new SampleSpec(dir, 1, 42, LocalDateTime.of(2025, 10, 30, 0, 0), 24, false));
    assertEquals(List.of("gpu_state_2025-10.db"), fileNames());
  }
}
