package io.gpureport.collect;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.load.GpuStateTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Adds the collector's index on {@code timestamp} to a monthly file written without it (by the
 * legacy collector), so that reports read only their window instead of the whole file. The rows are
 * not touched; the index is built in one statement, waiting for a busy collector.
 */
public final class TimestampIndex {
  /** What {@link #ensure(Path)} found or did, and how long it took. */
  public record Outcome(Path file, boolean added, double seconds) {}

  private TimestampIndex() {}

  /** Adds the index unless the file has one already. */
  public static Outcome ensure(Path file) {
    long began = System.nanoTime();
    SnapshotWriter.checkWritable(file, true);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(SnapshotWriter.BUSY_TIMEOUT_MS);
    config.setOpenMode(SQLiteOpenMode.READWRITE);
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    try (Connection c = config.createConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      if (!SnapshotWriter.hasTable(c)) {
        throw new GpuReportException("cannot index " + file + ": no table gpu_state");
      }
      boolean added = !GpuStateTable.hasTimestampIndex(c);
      if (added) {
        s.execute(GpuStateTable.CREATE_INDEX);
      }
      return new Outcome(file, added, (System.nanoTime() - began) / 1e9);
    } catch (SQLException e) {
      throw new GpuReportException(
          "cannot index " + file + ": " + IoReason.oneLine(e.getMessage()), e);
    }
  }
}
