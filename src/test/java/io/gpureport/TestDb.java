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
      String name, String gpu, String state, String device, Object memoryMb, String projects,
      String machine, String owner, String timestamp) {}

  private final List<Row> rows = new ArrayList<>();

  /** Adds a row with the usual defaults for the remaining columns. */
  public TestDb row(String name, String gpu, String state, String device, String projects,
      String machine, String owner, String timestamp) {
    rows.add(new Row(name, gpu, state, device, 81920, projects, machine, owner, timestamp));
    return this;
  }

  public TestDb row(Row r) {
    rows.add(r);
    return this;
  }

  /** Writes the rows, in order, to a new file. */
  public Path write(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = c.createStatement()) {
        s.execute(GpuStateTable.CREATE_TABLE);
      }
      try (PreparedStatement ps = c.prepareStatement(GpuStateTable.INSERT)) {
        for (Row r : rows) {
          ps.setString(1, r.name());
          ps.setString(2, r.gpu());
          ps.setString(3, "");
          ps.setString(4, r.state());
          ps.setString(5, r.device());
          ps.setObject(6, r.memoryMb());
          ps.setString(7, r.projects());
          ps.setObject(8, null);
          ps.setString(9, r.machine());
          ps.setString(10, r.owner());
          ps.setString(11, r.owner() == null ? null : "ap#1.0#1");
          ps.setString(12, r.timestamp());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return file;
  }
}
