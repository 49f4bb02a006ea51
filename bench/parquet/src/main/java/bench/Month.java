package bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;

/** One month loaded from SQLite into columns: strings as dictionary codes, numbers as arrays. */
final class Month {
  static final String[] STR = {
    "Name", "AssignedGPUs", "AvailableGPUs", "State", "GPUs_DeviceName",
    "PrioritizedProjects", "Machine", "RemoteOwner", "GlobalJobId", "PreventJobsReason"
  };
  static final String[] LNG = {"GPUs_GlobalMemoryMb", "Disk"};
  static final String DBL = "GPUsAverageUsage";
  static final String TS = "timestamp";

  int n;
  final int[][] codes = new int[STR.length][]; // -1 = NULL
  final List<List<String>> dict = new ArrayList<>();
  final long[][] longs = new long[LNG.length][];
  final BitSet[] longNull = new BitSet[LNG.length];
  double[] dbl;
  BitSet dblNull;
  long[] tsMicros;
  int[] order; // row indices sorted by (timestamp, rowid)

  static Month load(String dbPath) throws Exception {
    Month m = new Month();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbPath);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM gpu_state")) {
        rs.next();
        m.n = rs.getInt(1);
      }
      int n = m.n;
      List<HashMap<String, Integer>> maps = new ArrayList<>();
      for (int j = 0; j < STR.length; j++) {
        m.codes[j] = new int[n];
        m.dict.add(new ArrayList<>());
        maps.add(new HashMap<>());
      }
      for (int j = 0; j < LNG.length; j++) {
        m.longs[j] = new long[n];
        m.longNull[j] = new BitSet(n);
      }
      m.dbl = new double[n];
      m.dblNull = new BitSet(n);
      m.tsMicros = new long[n];
      StringBuilder q = new StringBuilder("SELECT ");
      for (String x : STR) q.append('"').append(x).append("\",");
      for (String x : LNG) q.append('"').append(x).append("\",");
      q.append('"').append(DBL).append("\", timestamp FROM gpu_state ORDER BY rowid");
      try (ResultSet rs = s.executeQuery(q.toString())) {
        int i = 0;
        while (rs.next()) {
          int col = 1;
          for (int j = 0; j < STR.length; j++) {
            String v = rs.getString(col++);
            if (v == null) {
              m.codes[j][i] = -1;
            } else {
              Integer code = maps.get(j).get(v);
              if (code == null) {
                code = m.dict.get(j).size();
                m.dict.get(j).add(v);
                maps.get(j).put(v, code);
              }
              m.codes[j][i] = code;
            }
          }
          for (int j = 0; j < LNG.length; j++) {
            long v = rs.getLong(col++);
            if (rs.wasNull()) m.longNull[j].set(i);
            m.longs[j][i] = v;
          }
          double d = rs.getDouble(col++);
          if (rs.wasNull()) m.dblNull.set(i);
          m.dbl[i] = d;
          m.tsMicros[i] = parseMicros(rs.getString(col));
          i++;
        }
        if (i != n) throw new IllegalStateException("rows " + i + " != " + n);
      }
    }
    // order by (timestamp, rowid): a stable sort by timestamp of rows read in rowid order
    boolean sorted = true;
    for (int i = 1; i < m.n && sorted; i++) sorted = m.tsMicros[i - 1] <= m.tsMicros[i];
    m.order = new int[m.n];
    if (sorted) {
      for (int i = 0; i < m.n; i++) m.order[i] = i;
    } else {
      Integer[] boxed = new Integer[m.n];
      for (int i = 0; i < m.n; i++) boxed[i] = i;
      long[] ts = m.tsMicros;
      Arrays.sort(boxed, (a, b) -> Long.compare(ts[a], ts[b])); // TimSort is stable
      for (int i = 0; i < m.n; i++) m.order[i] = boxed[i];
    }
    System.err.println("sqlite rows in rowid order already sorted by timestamp: " + sorted);
    return m;
  }

  /** 'YYYY-MM-DD HH:MM:SS[.ffffff]' as naive microseconds since 1970-01-01T00:00. */
  static long parseMicros(String t) {
    int y = num(t, 0, 4), mo = num(t, 5, 2), d = num(t, 8, 2);
    int h = num(t, 11, 2), mi = num(t, 14, 2), s = num(t, 17, 2);
    long micros = 0;
    if (t.length() > 19) {
      int digits = t.length() - 20;
      micros = num(t, 20, digits);
      for (int k = digits; k < 6; k++) micros *= 10;
    }
    long days = java.time.LocalDate.of(y, mo, d).toEpochDay();
    return ((days * 86400L + h * 3600L + mi * 60L + s) * 1_000_000L) + micros;
  }

  private static int num(String t, int from, int len) {
    int v = 0;
    for (int k = from; k < from + len; k++) v = v * 10 + (t.charAt(k) - '0');
    return v;
  }
}
