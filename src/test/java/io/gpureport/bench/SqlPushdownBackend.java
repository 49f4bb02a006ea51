package io.gpureport.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gpureport.aggregate.Stat;
import io.gpureport.load.Databases;
import io.gpureport.load.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Option 3, SQL pushdown into SQLite: per file of the window, on the product's read-only
 * connection,
 *
 * <ol>
 *   <li>one pre-pass statement returns the row count, the distinct 15-minute buckets (for N_all)
 *       and the distinct {@code Machine} values of the window; the exclusion patterns
 *       (case-insensitive Java regexes, which SQLite cannot evaluate) are applied to those few
 *       names in Java and the excluded names and the CHTC list go into two TEMP tables;
 *   <li>one statement does the rest: NULL id, NULL device and old-model rows out (case-sensitive
 *       {@code instr}, as SEMANTICS §5.7), excluded hosts out, dedup rank per row, {@code
 *       ROW_NUMBER() OVER (PARTITION BY device, timestamp, id ORDER BY rank DESC, rowid)} for the
 *       primary rows' dedup, the class per row, and {@code GROUP BY bucket, class, device} with
 *       {@code COUNT(DISTINCT id)} for total_b and claimed_b, ordered by bucket;
 *   <li>Java sums those per-bucket counts into the three averages exactly as §7.3/§7.12 say
 *       (ascending bucket order, divide then multiply).
 * </ol>
 *
 * <p>Variant {@link Variant#ONE_PASS}: the same in a single statement and a single scan of the
 * file. The exclusion test is a Java function ({@code org.sqlite.Function}, result cached per
 * machine name) called per window row, rows outside the device sets are kept with a NULL class (so
 * every bucket of the window shows up for N_all) and the dedup partition includes the eligibility
 * flag.
 *
 * <p>Buckets never straddle two monthly files, and a snapshot (one timestamp) lives in one file, so
 * per-file dedup and per-file counts are exact; N_all is the union of the files' buckets.
 */
public final class SqlPushdownBackend implements Backend {
  /** The old-GPU strings of SEMANTICS §5.7 (case-sensitive substrings). */
  static final List<String> OLD_MODELS = List.of("GTX 1080", "P100", "Quadro", "A30", "A40");

  static final String PRE_PASS =
      "SELECT COUNT(*),"
          + " json_group_array(DISTINCT unixepoch(substr(timestamp, 1, 19)) / 900),"
          + " json_group_array(DISTINCT Machine)"
          + " FROM gpu_state WHERE timestamp >= ?1 AND timestamp <= ?2";

  static final String HOT_PATH;

  /**
   * {@code AND instr(GPUs_DeviceName, 'GTX 1080') = 0 AND …}: the old-model filter (§5.7) in SQL.
   */
  private static String oldModelFilter() {
    StringBuilder filter = new StringBuilder();
    for (String m : OLD_MODELS) {
      filter.append(" AND instr(GPUs_DeviceName, '").append(m).append("') = 0");
    }
    return filter.toString();
  }

  static {
    String oldModels = oldModelFilter();
    HOT_PATH =
        "WITH r AS ("
            + " SELECT rowid AS rid, timestamp AS ts, GPUs_DeviceName AS dev, AssignedGPUs AS gpu,"
            + "  (unixepoch(substr(timestamp, 1, 19)) / 900) * 900 AS bucket,"
            + "  State IS 'Claimed' AS claimed,"
            + "  State IS 'Unclaimed' AS unclaimed,"
            + "  coalesce(instr(Name, 'backfill') > 0, 0) AS bf,"
            + "  coalesce(Machine IN temp.bench_chtc, 0) AS chtc,"
            + "  CASE WHEN PrioritizedProjects IS NULL THEN -1"
            + "   WHEN PrioritizedProjects = '' THEN 0 ELSE 1 END AS pp"
            + " FROM gpu_state"
            + " WHERE timestamp >= ?1 AND timestamp <= ?2"
            + "  AND AssignedGPUs IS NOT NULL AND GPUs_DeviceName IS NOT NULL"
            + oldModels
            + "  AND (Machine IS NULL OR Machine NOT IN temp.bench_excluded)"
            + "), d AS ("
            + " SELECT bucket, dev, gpu, claimed,"
            // backfill rows: own class, no dedup (4 researcher, 5 CHTC, 6 open capacity, L5)
            + "  CASE WHEN bf THEN (CASE WHEN chtc THEN 5 WHEN pp = 1 THEN 4 ELSE 6 END)"
            // primary rows: only the dedup winner of (device, timestamp, id) over ALL rows of the
            // device's set (a claimed backfill row beats an idle primary row, L9; ties: rowid, L10)
            + "   WHEN ROW_NUMBER() OVER (PARTITION BY dev, ts, gpu ORDER BY"
            + "     CASE WHEN claimed THEN 3 - bf WHEN unclaimed AND NOT bf THEN 1 ELSE 0 END DESC,"
            + "     rid) = 1"
            + "   THEN (CASE WHEN pp = 0 THEN 3 WHEN chtc THEN 2 ELSE 1 END)"
            + "  END AS cls"
            + " FROM r"
            + ")"
            + " SELECT bucket, cls, dev, COUNT(DISTINCT gpu),"
            + "  COUNT(DISTINCT CASE WHEN claimed THEN gpu END)"
            + " FROM d WHERE cls IS NOT NULL"
            + " GROUP BY bucket, cls, dev ORDER BY bucket";
  }

  /** The one-statement form: one scan, exclusion through a Java function, N_all from the groups. */
  static final String ONE_PASS;

  static {
    String oldModels = oldModelFilter();
    ONE_PASS =
        "WITH r AS ("
            + " SELECT rowid AS rid, timestamp AS ts, GPUs_DeviceName AS dev, AssignedGPUs AS gpu,"
            + "  (unixepoch(substr(timestamp, 1, 19)) / 900) * 900 AS bucket,"
            + "  State IS 'Claimed' AS claimed,"
            + "  State IS 'Unclaimed' AS unclaimed,"
            + "  coalesce(instr(Name, 'backfill') > 0, 0) AS bf,"
            + "  coalesce(Machine IN temp.bench_chtc, 0) AS chtc,"
            + "  CASE WHEN PrioritizedProjects IS NULL THEN -1"
            + "   WHEN PrioritizedProjects = '' THEN 0 ELSE 1 END AS pp,"
            + "  coalesce(AssignedGPUs IS NOT NULL AND GPUs_DeviceName IS NOT NULL"
            + oldModels
            + "   AND NOT bench_excluded(Machine), 0) AS eligible"
            + " FROM gpu_state"
            + " WHERE timestamp >= ?1 AND timestamp <= ?2"
            + "), d AS ("
            + " SELECT bucket, CASE WHEN eligible THEN dev END AS dev,"
            + "  CASE WHEN eligible THEN gpu END AS gpu, claimed,"
            + "  CASE WHEN NOT eligible THEN NULL"
            + "   WHEN bf THEN (CASE WHEN chtc THEN 5 WHEN pp = 1 THEN 4 ELSE 6 END)"
            + "   WHEN ROW_NUMBER() OVER (PARTITION BY eligible, dev, ts, gpu ORDER BY"
            + "     CASE WHEN claimed THEN 3 - bf WHEN unclaimed AND NOT bf THEN 1 ELSE 0 END DESC,"
            + "     rid) = 1"
            + "   THEN (CASE WHEN pp = 0 THEN 3 WHEN chtc THEN 2 ELSE 1 END)"
            + "  END AS cls"
            + " FROM r"
            + ")"
            + " SELECT bucket, cls, dev, COUNT(DISTINCT gpu),"
            + "  COUNT(DISTINCT CASE WHEN claimed THEN gpu END), COUNT(*)"
            + " FROM d GROUP BY bucket, cls, dev ORDER BY bucket";
  }

  /** How the statements are split. */
  public enum Variant {
    /** A pre-pass (rows, buckets, machines) and the hot-path statement: two scans. */
    TWO_PASS,
    /** One statement, one scan, exclusion by a Java SQL function. */
    ONE_PASS
  }

  private static final JsonFactory JSON = new JsonFactory();

  private final BenchInputs.Rules rules;
  private final Variant variant;

  public SqlPushdownBackend(BenchInputs.Rules rules) {
    this(rules, Variant.TWO_PASS);
  }

  public SqlPushdownBackend(BenchInputs.Rules rules, Variant variant) {
    this.rules = rules;
    this.variant = variant;
  }

  @Override
  public String name() {
    return variant == Variant.TWO_PASS ? "sql-pushdown" : "sql-pushdown-1pass";
  }

  private static final class Sums {
    double pctSum;
    int pctCount;
    long claimed;
    long total;
  }

  @Override
  public BackendResult compute(Path data, long start, long end, Probe probe) {
    String lo = Timestamps.formatStored(start);
    String hi = Timestamps.formatStored(end);
    Set<Long> buckets = new HashSet<>();
    long rows = 0;
    Map<Cell, Sums> sums = new HashMap<>();
    for (Path file : BenchInputs.files(data, start, end)) {
      try (Connection c = Databases.openReadOnly(file)) {
        boolean onePass = variant == Variant.ONE_PASS;
        if (onePass) {
          tempTables(c, List.of());
          registerExclusion(c);
        } else {
          rows += prePass(c, lo, hi, buckets);
          probe.checkpoint("pre-pass");
        }
        try (PreparedStatement ps = c.prepareStatement(onePass ? ONE_PASS : HOT_PATH)) {
          ps.setString(1, lo);
          ps.setString(2, hi);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (onePass) {
                buckets.add(rs.getLong(1) / 900);
                rows += rs.getLong(6);
                if (rs.getObject(2) == null) {
                  continue;
                }
              }
              Sums s =
                  sums.computeIfAbsent(new Cell(rs.getInt(2), rs.getString(3)), k -> new Sums());
              int total = rs.getInt(4);
              int claimed = rs.getInt(5);
              s.pctSum += ((double) claimed / total) * 100;
              s.pctCount++;
              s.claimed += claimed;
              s.total += total;
            }
          }
        }
        probe.checkpoint("query");
      } catch (SQLException e) {
        throw Databases.unreadable(file, e);
      }
    }
    double nAll = buckets.size();
    SortedMap<Cell, Stat> stats = new TreeMap<>();
    for (Map.Entry<Cell, Sums> e : sums.entrySet()) {
      Sums s = e.getValue();
      stats.put(e.getKey(), new Stat(s.pctSum / s.pctCount, s.claimed / nAll, s.total / nAll));
    }
    probe.checkpoint("finish");
    return new BackendResult(rows, buckets.size(), stats);
  }

  /**
   * Counts the window's rows, collects its buckets into {@code buckets}, and fills the TEMP tables
   * {@code bench_excluded} (machines of the window that an exclusion pattern finds) and {@code
   * bench_chtc} (the CHTC-owned list). Returns the row count.
   */
  private long prePass(Connection c, String lo, String hi, Set<Long> buckets) throws SQLException {
    long rows;
    List<String> machines;
    try (PreparedStatement ps = c.prepareStatement(PRE_PASS)) {
      ps.setString(1, lo);
      ps.setString(2, hi);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        rows = rs.getLong(1);
        for (Number b : readList(rs.getString(2), Number.class)) {
          buckets.add(b.longValue());
        }
        machines = readList(rs.getString(3), String.class);
      }
    }
    List<String> excluded = new ArrayList<>();
    for (String m : machines) {
      if (rules.exclusions().excludes(m)) {
        excluded.add(m);
      }
    }
    tempTables(c, excluded);
    return rows;
  }

  /** (Re)fills the TEMP tables of excluded machine names and of the CHTC-owned list. */
  private void tempTables(Connection c, List<String> excluded) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS bench_excluded (m TEXT PRIMARY KEY)");
      s.execute("CREATE TEMP TABLE IF NOT EXISTS bench_chtc (m TEXT PRIMARY KEY)");
      s.execute("DELETE FROM temp.bench_excluded");
      s.execute("DELETE FROM temp.bench_chtc");
    }
    insert(c, "temp.bench_excluded", excluded);
    insert(c, "temp.bench_chtc", rules.chtcOwned().hosts());
  }

  /** {@code bench_excluded(Machine)}: 1 when an exclusion pattern finds the name; NULL gives 0. */
  private void registerExclusion(Connection c) throws SQLException {
    Map<String, Integer> cache = new HashMap<>();
    org.sqlite.Function.create(
        c,
        "bench_excluded",
        new org.sqlite.Function() {
          @Override
          protected void xFunc() throws SQLException {
            String m = value_text(0);
            result(
                m == null
                    ? 0
                    : cache.computeIfAbsent(m, k -> rules.exclusions().excludes(k) ? 1 : 0));
          }
        },
        1,
        org.sqlite.Function.FLAG_DETERMINISTIC);
  }

  private static void insert(Connection c, String table, List<String> values) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT OR IGNORE INTO " + table + " VALUES (?)")) {
      for (String v : values) {
        ps.setString(1, v);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The non-null elements of a JSON array of strings or integers (jackson-core, in the jar). */
  private static <T> List<T> readList(String json, Class<T> type) {
    List<T> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalStateException("not a JSON array: " + json);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == JsonToken.VALUE_STRING) {
          out.add(type.cast(p.getText()));
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
          out.add(type.cast(p.getLongValue()));
        } else if (t != JsonToken.VALUE_NULL) {
          throw new IllegalStateException("unexpected " + t + " in " + json);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
