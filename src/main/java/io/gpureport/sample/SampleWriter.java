package io.gpureport.sample;

import io.gpureport.collect.CollectedTable;
import io.gpureport.errors.GpuReportException;
import io.gpureport.load.GpuStateTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Writes snapshots to new monthly files {@code gpu_state_YYYY-MM.db} in the collector's format
 * without its index (like a file the legacy collector started, upgraded by collect), one
 * transaction per file, with batched inserts and journaling off while generating.
 */
final class SampleWriter implements RowSink, AutoCloseable {
  private static final int BATCH = 4096;

  private final Path dir;
  private final List<Path> files = new ArrayList<>();
  private Connection connection;
  private PreparedStatement insert;
  private YearMonth month;
  private Path file;
  private String timestamp;
  private int pending;
  private long rows;

  SampleWriter(Path dir) {
    this.dir = dir;
  }

  /** Starts a snapshot; switches to the month's file (closing the previous one) if needed. */
  void beginSnapshot(YearMonth snapshotMonth, String storedTimestamp) {
    if (!snapshotMonth.equals(month)) {
      finishFile();
      openFile(snapshotMonth);
    }
    this.timestamp = storedTimestamp;
  }

  @Override
  public void row(
      String name,
      String gpuId,
      String availableGpus,
      String state,
      String preventJobsReason,
      Host host,
      String projects,
      double usage,
      String owner,
      String jobId) {
    try {
      insert.setString(1, name);
      insert.setString(2, gpuId);
      insert.setString(3, availableGpus);
      insert.setString(4, state);
      insert.setString(5, host.model().deviceName());
      insert.setLong(6, host.model().memoryMb());
      setText(7, projects);
      if (Double.isNaN(usage)) {
        insert.setNull(8, Types.DOUBLE);
      } else {
        insert.setDouble(8, usage);
      }
      insert.setString(9, host.machine());
      setText(10, owner);
      setText(11, jobId);
      insert.setString(12, timestamp);
      setText(13, preventJobsReason);
      insert.setLong(14, host.diskKib());
      insert.addBatch();
      rows++;
      if (++pending == BATCH) {
        flush();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Commits and closes the current file. */
  void finish() {
    finishFile();
  }

  /** The files written so far, in order. */
  List<Path> files() {
    return List.copyOf(files);
  }

  long rows() {
    return rows;
  }

  /** Closes without committing; used after a failure, before the files are deleted. */
  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the files are deleted by the caller
      }
      connection = null;
      insert = null;
    }
  }

  private void openFile(YearMonth m) {
    file = dir.resolve(GpuStateTable.monthlyFileName(m.getYear(), m.getMonthValue()));
    files.add(file);
    month = m;
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.OFF);
    config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
    config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
    try {
      connection = config.createConnection("jdbc:sqlite:" + file);
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        st.execute(CollectedTable.CREATE_TABLE);
      }
      insert = connection.prepareStatement(CollectedTable.INSERT);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void finishFile() {
    if (connection == null) {
      return;
    }
    try {
      flush();
      insert.close();
      connection.commit();
      connection.close();
    } catch (SQLException e) {
      throw failure(e);
    }
    connection = null;
    insert = null;
  }

  private void flush() throws SQLException {
    if (pending > 0) {
      insert.executeBatch();
      pending = 0;
    }
  }

  private void setText(int index, String value) throws SQLException {
    if (value == null) {
      insert.setNull(index, Types.VARCHAR);
    } else {
      insert.setString(index, value);
    }
  }

  private GpuReportException failure(SQLException e) {
    return new GpuReportException("Cannot write " + file + ": " + e.getMessage(), e);
  }
}
