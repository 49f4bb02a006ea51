package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed and arguments give the same files; another seed gives other rows. */
class SampleDeterminismTest {
  private static final LocalDateTime START = LocalDateTime.of(2025, 11, 10, 0, 0);
  private static final String FILE = "gpu_state_2025-11.db";
  private static final String ALL_ROWS =
      "SELECT Name || '|' || ifnull(AssignedGPUs, 'NULL') || '|'"
          + " || AvailableGPUs || '|' || State || '|' || GPUs_DeviceName || '|' || GPUs_GlobalMemoryMb"
          + " || '|' || ifnull(PrioritizedProjects, 'NULL') || '|' || ifnull(GPUsAverageUsage, 'NULL')"
          + " || '|' || Machine || '|' || ifnull(RemoteOwner, 'NULL') || '|'"
          + " || ifnull(GlobalJobId, 'NULL') || '|' || timestamp"
          + " || '|' || ifnull(PreventJobsReason, 'NULL') || '|' || Disk FROM gpu_state ORDER BY rowid";

  @TempDir Path dir;

  private Path generate(String name, long seed) {
    Path out = dir.resolve(name);
    SampleGenerator.generate(new SampleSpec(out, 1, seed, START, 40, false));
    return out.resolve(FILE);
  }

  @Test
  void sameSeedSameRowsAndBytes() throws IOException {
    Path a = generate("a", 42);
    Path b = generate("b", 42);
    List<String> rowsA = SampleDb.column(a, ALL_ROWS);
    assertEquals(rowsA, SampleDb.column(b, ALL_ROWS));
    assertEquals(-1L, Files.mismatch(a, b), "files should be byte-identical");
  }

  @Test
  void otherSeedOtherRows() {
    Path a = generate("a", 42);
    Path c = generate("c", 43);
    assertNotEquals(SampleDb.column(a, ALL_ROWS), SampleDb.column(c, ALL_ROWS));
    assertNotEquals(
        SampleDb.column(a, "SELECT DISTINCT AssignedGPUs FROM gpu_state ORDER BY 1"),
        SampleDb.column(c, "SELECT DISTINCT AssignedGPUs FROM gpu_state ORDER BY 1"));
  }
}
