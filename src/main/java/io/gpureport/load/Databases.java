package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens monthly files read-only (docs/metrics.md, "Monthly files and the data directory", D4):
 * never creates, modifies or write-locks.
 */
public final class Databases {
  /** How long a read waits for a writer's lock; {@code -Dgpureport.busy-timeout-ms} overrides. */
  static final int BUSY_TIMEOUT_MS = Integer.getInteger("gpureport.busy-timeout-ms", 10_000);

  private Databases() {}

  /** A read-only connection to an existing file that has a {@code gpu_state} table. */
  public static Connection openReadOnly(Path file) {
    if (Files.exists(file) && !Files.isReadable(file)) {
      // SQLite would only say SQLITE_CANTOPEN; the operator needs the cause.
      throw new GpuReportException("cannot read " + file + ": permission denied");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection c = null;
    try {
      c = config.createConnection("jdbc:sqlite:" + file);
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name='gpu_state'");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new GpuReportException("cannot read " + file + ": no table gpu_state");
        }
      }
      return c;
    } catch (SQLException e) {
      closeQuietly(c);
      throw unreadable(file, e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** The one-line error for a file that cannot be read. */
  public static GpuReportException unreadable(Path file, SQLException e) {
    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = reason.indexOf('\n');
    if (nl >= 0) {
      reason = reason.substring(0, nl);
    }
    return new GpuReportException("cannot read " + file + ": " + reason, e);
  }

  static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing more to do for a read-only connection
      }
    }
  }
}
