package io.gpureport.export;

import io.gpureport.errors.UsageException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@code gpureport export} was asked to do.
 *
 * @param dbPath one SQLite file to export, or null to export the monthly files of {@code dataDir}
 * @param dataDir the directory of the monthly {@code gpu_state_YYYY-MM.db} files (when {@code
 *     dbPath} is null)
 * @param outDir the directory of the written months; created when missing
 * @param format the file format
 * @param from the first local date exported, inclusive, or null for no lower limit
 * @param to the last local date exported, inclusive, or null for no upper limit
 * @param force whether an existing month file of {@code outDir} may be replaced
 * @param quiet no progress line and no summary lines (warnings and errors are still printed)
 */
public record ExportRequest(
    Path dbPath,
    Path dataDir,
    Path outDir,
    ExportFormat format,
    LocalDate from,
    LocalDate to,
    boolean force,
    boolean quiet) {
  public ExportRequest {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(format, "format");
    if (dbPath != null && dataDir != null) {
      throw new UsageException("give --db-path or --data-dir, not both");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new UsageException("--to " + to + " is before --from " + from);
    }
  }
}
