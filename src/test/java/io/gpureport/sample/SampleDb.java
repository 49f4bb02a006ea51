package io.gpureport.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helper: read-only SQL queries on a generated monthly file. */
final class SampleDb {
  private SampleDb() {}

  /** The single value of a one-row, one-column query, as a long. */
  static long count(Path db, String sql) {
    List<List<Object>> rows = rows(db, sql);
    return ((Number) rows.get(0).get(0)).longValue();
  }

  /** The first column of every result row, as text (NULL as null). */
  static List<String> column(Path db, String sql) {
    List<String> out = new ArrayList<>();
    for (List<Object> row : rows(db, sql)) {
      out.add(row.get(0) == null ? null : row.get(0).toString());
    }
    return out;
  }

  /** Every result row, values as JDBC returned them. */
  static List<List<Object>> rows(Path db, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<Object>> out = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
