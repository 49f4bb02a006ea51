package io.gpureport;

import io.gpureport.load.GpuStateTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Builds small {@code gpu_state} files row by row for tests. */
public final class TestDb {
  /** One row; null fields are SQL NULL. */
  public record Row(
      String name,
      String gpu,
      String state,
      String device,
      Object memoryMb,
      String projects,
      String machine,
      String owner,
      String timestamp) {}

  private final List<Row> rows = new ArrayList<>();

  /** Adds a row with the usual defaults for the remaining columns. */
  public TestDb row(
      String name,
      String gpu,
      String state,
      String device,
      String projects,
      String machine,
      String owner,
      String timestamp) {
    rows.add(new Row(name, gpu, state, device, 81920, projects, machine, owner, timestamp));
    return this;
  }

  public TestDb row(Row r) {
    rows.add(r);
    return this;
  }

  /** Writes the rows, in order, to a new file. */
  public Path write(Path file) throws SQLException {
    return insert(file, GpuStateTable.INSERT, null);
  }

  /** Writes the rows, in order, to a new file, row {@code i} with rowid {@code rowids[i]}. */
  public Path writeWithRowids(Path file, long... rowids) throws SQLException {
    if (rowids.length != rows.size()) {
      throw new IllegalArgumentException(rowids.length + " rowids for " + rows.size() + " rows");
    }
    String insert =
        GpuStateTable.INSERT
            .replace("INSERT INTO gpu_state (", "INSERT INTO gpu_state (rowid, ")
            .replace("VALUES (", "VALUES (?, ");
    return insert(file, insert, rowids);
  }

  private Path insert(Path file, String insert, long[] rowids) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = c.createStatement()) {
        s.execute(GpuStateTable.CREATE_TABLE);
      }
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        int first = rowids == null ? 1 : 2;
        for (int i = 0; i < rows.size(); i++) {
          if (rowids != null) {
            ps.setLong(1, rowids[i]);
          }
          bind(ps, first, rows.get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return file;
  }

  /** Binds a row to the columns of {@link GpuStateTable#INSERT}, from parameter {@code first}. */
  private static void bind(PreparedStatement ps, int first, Row r) throws SQLException {
    Object[] values = {
      r.name(),
      r.gpu(),
      "",
      r.state(),
      r.device(),
      r.memoryMb(),
      r.projects(),
      null,
      r.machine(),
      r.owner(),
      r.owner() == null ? null : "ap#1.0#1",
      r.timestamp()
    };
    for (int i = 0; i < values.length; i++) {
      ps.setObject(first + i, values[i]);
    }
  }
}
