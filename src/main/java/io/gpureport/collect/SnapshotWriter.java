package io.gpureport.collect;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.load.GpuStateTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Appends one snapshot to a monthly file inside a single {@code BEGIN IMMEDIATE} transaction
 * (docs/metrics.md, "How collect builds the rows", "The stored table", D12): readers see all of its
 * rows or none. An older table gains the columns it lacks in the same transaction. Closing without
 * {@link #commit()} rolls back (the added columns too), and removes the file again if this writer
 * created it and it is still empty.
 */
final class SnapshotWriter implements AutoCloseable {
  /** How long to wait for concurrent readers and writers before failing. */
  static final int BUSY_TIMEOUT_MS = 30_000;

  private final Path file;
  private final boolean fileExisted;
  private final Connection connection;
  private final boolean createdTable;
  private final List<String> addedColumns;
  private final PreparedStatement insert;
  private long rows;
  private boolean committed;

  private SnapshotWriter(
      Path file,
      boolean fileExisted,
      Connection connection,
      boolean createdTable,
      List<String> addedColumns)
      throws SQLException {
    this.file = file;
    this.fileExisted = fileExisted;
    this.connection = connection;
    this.createdTable = createdTable;
    this.addedColumns = List.copyOf(addedColumns);
    this.insert = connection.prepareStatement(CollectedTable.INSERT);
  }

  /**
   * Opens (or creates) {@code file}, starts the transaction and makes sure the table exists and has
   * every column the collector writes.
   */
  static SnapshotWriter begin(Path file) {
    boolean existed = Files.exists(file);
    checkWritable(file, existed);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection connection = null;
    try {
      connection = config.createConnection("jdbc:sqlite:" + file);
      connection.setAutoCommit(false);
      boolean created = !hasTable(connection);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute(CollectedTable.CREATE_TABLE);
        if (created) {
          ddl.execute(GpuStateTable.CREATE_INDEX);
        }
      }
      List<String> added = CollectedTable.addMissingColumns(connection);
      return new SnapshotWriter(file, existed, connection, created, added);
    } catch (SQLException e) {
      abandon(connection, file, existed);
      throw failure(file, e);
    }
  }

  /**
   * SQLite reports a missing permission only as "unable to open" or "readonly"; name the cause. The
   * directory must be writable too: the rollback journal is created beside the file.
   */
  static void checkWritable(Path file, boolean existed) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isWritable(dir)) {
      throw new GpuReportException(
          "cannot write " + file + ": permission denied in directory " + dir);
    }
    if (existed && !Files.isWritable(file)) {
      throw new GpuReportException("cannot write " + file + ": permission denied");
    }
  }

  /** Whether this transaction creates table {@code gpu_state} (and its timestamp index). */
  boolean createdTable() {
    return createdTable;
  }

  /** The columns this transaction adds to an existing table, in table order; often none. */
  List<String> addedColumns() {
    return addedColumns;
  }

  /** Inserts one row; it becomes visible only at {@link #commit()}. */
  void add(GpuStateRow row) {
    try {
      Object[] values = row.columnValues();
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      insert.executeUpdate();
      rows++;
    } catch (SQLException e) {
      throw failure(file, e);
    }
  }

  /** The number of rows inserted so far. */
  long rows() {
    return rows;
  }

  /** Commits the snapshot. */
  void commit() {
    try {
      connection.commit();
      committed = true;
    } catch (SQLException e) {
      throw failure(file, e);
    }
  }

  @Override
  public void close() {
    try {
      insert.close();
    } catch (SQLException ignored) {
      // the connection is closed below, which releases the statement too
    }
    if (committed) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw failure(file, e);
      }
    } else {
      abandon(connection, file, fileExisted);
    }
  }

  /** Whether the file has table {@code gpu_state}. */
  static boolean hasTable(Connection connection) throws SQLException {
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpu_state'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** Rolls back and closes; deletes the file if this run created it and it holds nothing. */
  private static void abandon(Connection connection, Path file, boolean fileExisted) {
    if (connection != null) {
      try {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
      } catch (SQLException ignored) {
        // closing the connection rolls back an open transaction as well
      }
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more can be done; the transaction was not committed
      }
    }
    if (!fileExisted) {
      try {
        if (Files.exists(file) && Files.size(file) == 0) {
          Files.delete(file);
        }
      } catch (IOException ignored) {
        // best effort: the next successful run fills the empty file
      }
    }
  }

  private static GpuReportException failure(Path file, SQLException e) {
    return new GpuReportException(
        "cannot write " + file + ": " + IoReason.oneLine(e.getMessage()), e);
  }
}
