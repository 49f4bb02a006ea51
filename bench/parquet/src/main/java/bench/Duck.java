package bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Candidate B: DuckDB through its JDBC driver (in-process, native library). */
public final class Duck {
  public static void main(String[] a) throws Exception {
    if (a[0].equals("write")) write(a[1], a[2]);
    else read(a[1], a.length > 2 ? Integer.parseInt(a[2]) : 14);
  }

  static void write(String db, String out) throws Exception {
    long t0 = System.nanoTime();
    Month m = Month.load(db);
    long t1 = System.nanoTime();
    try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
      for (String x : Month.STR) ddl.append('"').append(x).append("\" VARCHAR,");
      for (String x : Month.LNG) ddl.append('"').append(x).append("\" BIGINT,");
      ddl.append('"').append(Month.DBL).append("\" DOUBLE, ts_us BIGINT)");
      s.execute(ddl.toString());
      try (DuckDBAppender ap = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
        for (int k = 0; k < m.n; k++) {
          int i = m.order[k];
          ap.beginRow();
          for (int j = 0; j < Month.STR.length; j++) {
            int code = m.codes[j][i];
            if (code < 0) ap.appendNull(); else ap.append(m.dict.get(j).get(code));
          }
          for (int j = 0; j < Month.LNG.length; j++) {
            if (m.longNull[j].get(i)) ap.appendNull(); else ap.append(m.longs[j][i]);
          }
          if (m.dblNull.get(i)) ap.appendNull(); else ap.append(m.dbl[i]);
          ap.append(m.tsMicros[i]);
          ap.endRow();
        }
      }
      long t2 = System.nanoTime();
      StringBuilder sel = new StringBuilder("SELECT ");
      for (String x : Month.STR) sel.append('"').append(x).append("\",");
      for (String x : Month.LNG) sel.append('"').append(x).append("\",");
      sel.append('"').append(Month.DBL).append("\", make_timestamp(ts_us) AS \"timestamp\" FROM t");
      s.execute("COPY (" + sel + ") TO '" + out.replace("'", "''")
          + "' (FORMAT parquet, COMPRESSION zstd)");
      long t3 = System.nanoTime();
      System.out.printf("duckdb write rows=%d sqlite_load_s=%.2f append_s=%.2f copy_s=%.2f write_s=%.2f%n",
          m.n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t1) / 1e9);
    }
  }

  static void read(String file, int ncols) throws Exception {
    long t0 = System.nanoTime();
    List<String> wanted = ParquetJava.columns(ncols);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String src = "read_parquet('" + file.replace("'", "''") + "')";
      String from = System.getProperty("from"), to = System.getProperty("to");
      if (from != null)
        src = "(SELECT * FROM " + src + " WHERE \"timestamp\" >= TIMESTAMP '" + from
            + "' AND \"timestamp\" < TIMESTAMP '" + to + "')";
      int n;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + src)) { rs.next(); n = rs.getInt(1); }
      StringBuilder q = new StringBuilder("SELECT ");
      for (int k = 0; k < wanted.size(); k++) {
        String w = wanted.get(k);
        if (k > 0) q.append(',');
        q.append(w.equals(Month.TS) ? "epoch_us(\"timestamp\")" : "\"" + w + "\"");
      }
      q.append(" FROM ").append(src);
      int nc = wanted.size();
      boolean[] isStr = new boolean[nc];
      int[][] codes = new int[nc][];
      long[][] vals = new long[nc][];
      boolean[][] nulls = new boolean[nc][];
      @SuppressWarnings("unchecked")
      HashMap<String, Integer>[] dict = new HashMap[nc];
      for (int k = 0; k < nc; k++) {
        String w = wanted.get(k);
        isStr[k] = List.of(Month.STR).contains(w);
        if (isStr[k]) { codes[k] = new int[n]; dict[k] = new HashMap<>(); }
        else { vals[k] = new long[n]; nulls[k] = new boolean[n]; }
      }
      int dblCol = wanted.indexOf(Month.DBL);
      int i = 0;
      try (ResultSet rs = s.executeQuery(q.toString())) {
        while (rs.next()) {
          Result.firstRow();
          for (int k = 0; k < nc; k++) {
            if (isStr[k]) {
              String v = rs.getString(k + 1);
              if (v == null) { codes[k][i] = -1; continue; }
              Integer code = dict[k].get(v);
              if (code == null) { code = dict[k].size(); dict[k].put(v, code); }
              codes[k][i] = code;
            } else if (k == dblCol) {
              double d = rs.getDouble(k + 1);
              if (rs.wasNull()) nulls[k][i] = true; else vals[k][i] = Double.doubleToRawLongBits(d);
            } else {
              long v = rs.getLong(k + 1);
              if (rs.wasNull()) nulls[k][i] = true; else vals[k][i] = v;
            }
          }
          i++;
        }
      }
      long t1 = System.nanoTime();
      long sum = 0; boolean sorted = true;
      for (int k = 0; k < nc; k++) {
        if (isStr[k]) {
          sum += dict[k].size();
          for (int v : codes[k]) sum += v;
        } else {
          for (int r = 0; r < n; r++) {
            if (nulls[k][r]) { sum += 7; continue; }
            sum += k == dblCol ? (long) (Double.longBitsToDouble(vals[k][r]) * 1000) : vals[k][r];
          }
          if (wanted.get(k).equals(Month.TS))
            for (int r = 1; r < n && sorted; r++) sorted = vals[k][r - 1] <= vals[k][r];
        }
      }
      Result.print("duckdb read cols=" + nc, n, t0, t1, sum, sorted, "");
    }
  }
}
