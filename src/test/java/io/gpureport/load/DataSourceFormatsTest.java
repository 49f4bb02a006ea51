package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which monthly files a data directory offers when it holds SQLite and Parquet months
 * (docs/metrics.md, "Parquet months"): names, formats, a month stored twice, {@code --input-format}
 * and {@code --db-path}. Only names matter here; no file is opened.
 */
class DataSourceFormatsTest {
  @TempDir Path dir;

  private Path touch(String name) throws Exception {
    return Files.writeString(dir.resolve(name), "");
  }

  private List<String> names(DataSource source) {
    return source.allFiles().stream().map(p -> p.getFileName().toString()).toList();
  }

  @Test
  void bothFormatsAreMonthsInMonthOrder() throws Exception {
    touch("gpu_state_2025-11.parquet");
    touch("gpu_state_2025-10.db");
    touch("gpu_state_2025-12.db");
    assertEquals(
        List.of("gpu_state_2025-10.db", "gpu_state_2025-11.parquet", "gpu_state_2025-12.db"),
        names(DataSource.resolve(null, dir)));
  }

  @Test
  void nearMissNamesAreNotMonths() throws Exception {
    touch("gpu_state_2026-04.parquet");
    touch(".gpu_state_2026-05.parquet.tmp");
    touch("gpu_state_2026-05_dev.parquet");
    touch("gpu_state_2026-05.parquet.bak");
    touch("gpu_state_2026-13.parquet");
    touch("gpu_state_2026-06.PARQUET");
    assertEquals(List.of("gpu_state_2026-04.parquet"), names(DataSource.resolve(null, dir)));
  }

  @Test
  void aMonthStoredTwiceIsAUsageErrorNamingBothFiles() throws Exception {
    Path db = touch("gpu_state_2025-10.db");
    Path parquet = touch("gpu_state_2025-10.parquet");
    UsageException e = assertThrows(UsageException.class, () -> DataSource.resolve(null, dir));
    assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(parquet.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("--input-format"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void inputFormatChoosesOneForm() throws Exception {
    touch("gpu_state_2025-10.db");
    touch("gpu_state_2025-10.parquet");
    touch("gpu_state_2025-11.parquet");
    assertEquals(
        List.of("gpu_state_2025-10.db"), names(DataSource.resolve(null, dir, InputFormat.SQLITE)));
    assertEquals(
        List.of("gpu_state_2025-10.parquet", "gpu_state_2025-11.parquet"),
        names(DataSource.resolve(null, dir, InputFormat.PARQUET)));
  }

  @Test
  void noFileOfTheChosenFormatIsNoData() throws Exception {
    touch("gpu_state_2025-10.db");
    GpuReportException e =
        assertThrows(
            GpuReportException.class, () -> DataSource.resolve(null, dir, InputFormat.PARQUET));
    assertEquals("No database files found in " + dir + ".", e.getMessage());
  }

  @Test
  void aMonthlyDbPathStandsForItsWholeDirectory() throws Exception {
    touch("gpu_state_2025-10.db");
    Path november = touch("gpu_state_2025-11.parquet");
    touch("gpu_state_2025-12.parquet");
    List<String> all =
        List.of("gpu_state_2025-10.db", "gpu_state_2025-11.parquet", "gpu_state_2025-12.parquet");
    assertEquals(all, names(DataSource.resolve(november, null)));
    assertEquals(all, names(DataSource.resolve(dir.resolve("gpu_state_2025-10.db"), null)));
    assertEquals(
        List.of("gpu_state_2025-11.parquet", "gpu_state_2025-12.parquet"),
        names(DataSource.resolve(november, null, InputFormat.PARQUET)));
  }

  @Test
  void aSingleParquetFileIsReadAlone() throws Exception {
    Path file = touch("export.parquet");
    touch("gpu_state_2025-10.db");
    DataSource source = DataSource.resolve(file, null);
    assertEquals(List.of(file), source.allFiles());
    assertEquals(InputFormat.PARQUET, source.stored().get(0).format());
  }

  @Test
  void aDbPathOfTheOtherFormatIsAUsageError() throws Exception {
    Path file = touch("gpu_state_2025-11.parquet");
    UsageException e =
        assertThrows(
            UsageException.class, () -> DataSource.resolve(file, null, InputFormat.SQLITE));
    assertEquals(
        "--db-path " + file + " is a parquet file, but --input-format is sqlite", e.getMessage());
  }
}
