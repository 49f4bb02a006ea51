package io.gpureport.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param months the month files written, in month order
 * @param skipped rows not exported because their timestamp is unreadable, over all sources
 */
public record ExportSummary(List<Month> months, long skipped) {
  /**
   * One month file.
   *
   * @param file the file written
   * @param rows its rows
   * @param bytes its size
   * @param seconds the time it took
   */
  public record Month(Path file, long rows, long bytes, double seconds) {}

  public ExportSummary {
    months = List.copyOf(months);
  }

  /** Rows written over all months. */
  public long rows() {
    return months.stream().mapToLong(Month::rows).sum();
  }
}
