package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.errors.GpuReportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Existing monthly files are never modified, unless {@code force} replaces them. */
class SampleOverwriteTest {
  private static final LocalDateTime START = LocalDateTime.of(2025, 10, 31, 0, 0);
  private static final byte[] OLD = "existing data".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private SampleSpec spec(boolean force) {
    return new SampleSpec(dir, 2, 42, START, 24, force);
  }

  @Test
  void refusesBeforeWritingAnything() throws IOException {
    Path november = Files.write(dir.resolve("gpu_state_2025-11.db"), OLD);
    GpuReportException e =
        assertThrows(GpuReportException.class, () -> SampleGenerator.generate(spec(false)));
    assertTrue(e.getMessage().contains("gpu_state_2025-11.db"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertArrayEquals(OLD, Files.readAllBytes(november));
    assertFalse(Files.exists(dir.resolve("gpu_state_2025-10.db")));
  }

  @Test
  void forceReplacesOnlyTheTargetFiles() throws IOException {
    Path november = Files.write(dir.resolve("gpu_state_2025-11.db"), OLD);
    Path september = Files.write(dir.resolve("gpu_state_2025-09.db"), OLD);
    SampleGenerator.generate(spec(true));
    assertEquals(96, SampleDb.count(november, "SELECT COUNT(DISTINCT timestamp) FROM gpu_state"));
    assertArrayEquals(OLD, Files.readAllBytes(september));
  }

  @Test
  void forceGivesTheSameFilesAsAFreshRun(@TempDir Path fresh) throws IOException {
    Files.write(dir.resolve("gpu_state_2025-10.db"), OLD);
    SampleGenerator.generate(spec(true));
    SampleGenerator.generate(new SampleSpec(fresh, 2, 42, START, 24, false));
    for (String name : new String[] {"gpu_state_2025-10.db", "gpu_state_2025-11.db"}) {
      assertEquals(-1L, Files.mismatch(dir.resolve(name), fresh.resolve(name)), name);
    }
  }

  @Test
  void outputPathThatIsAFileFails() throws IOException {
    Path file = Files.write(dir.resolve("plain"), OLD);
    SampleSpec spec = new SampleSpec(file, 1, 42, START, 24, false);
    assertThrows(GpuReportException.class, () -> SampleGenerator.generate(spec));
    assertArrayEquals(OLD, Files.readAllBytes(file));
  }
}
