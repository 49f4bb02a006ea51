package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.TestDb;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parallel reading (by rowid or by time) gives exactly the rows, in the order, of one query. */
class SlotLoaderTest {
  @TempDir Path dir;

  private static List<String> rows(SlotTable t) {
    List<String> out = new ArrayList<>();
    SlotTable.Dictionaries d = t.dictionaries();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(
          t.timestamps().getLong(i)
              + "|"
              + d.gpus().value(t.codes(SlotTable.GPU).getInt(i))
              + "|"
              + d.machines().value(t.codes(SlotTable.MACHINE).getInt(i))
              + "|"
              + d.owners().value(t.codes(SlotTable.OWNER).getInt(i))
              + "|"
              + d.devices().value(t.codes(SlotTable.DEVICE).getInt(i))
              + "|"
              + d.states().value(t.codes(SlotTable.STATE).getInt(i))
              + "|"
              + t.numbers(SlotTable.MEMORY).getDouble(i));
    }
    return out;
  }

  private static List<String> load(Path dir, int threads) {
    DataSource source = DataSource.resolve(null, dir);
    TimeRange range =
        TimeRange.closed(
            Timestamps.parseUser("2025-10-30 00:00:00"),
            Timestamps.parseUser("2025-11-02 00:00:00"));
    return rows(new SlotLoader(threads).load(source.filesFor(range), range, Projection.ALLOCATION));
  }

  @Test
  void parallelReadsEqualASingleReadWithAndWithoutIndex() throws Exception {
    Path data = dir.resolve("data");
    CliResult r =
        Cli.run(
            "sample",
            "--out",
            data.toString(),
            "--days",
            "3",
            "--seed",
            "5",
            "--start",
            "2025-10-30");
    assertEquals(0, r.exitCode(), r.err());
    List<String> single = load(data, 1);
    assertTrue(single.size() > 100_000, "rows: " + single.size());
    assertEquals(single, load(data, 2));
    try (var files = Files.list(data)) {
      for (Path f : files.toList()) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
            Statement s = c.createStatement()) {
          s.execute("CREATE INDEX idx_ts ON gpu_state(timestamp)");
        }
      }
    }
    assertEquals(single, load(data, 2));
  }

  @Test
  void rowsStoredOutOfTimeOrderAreSortedStablyByTimestamp() throws Exception {
    Path data = Files.createDirectory(dir.resolve("unordered"));
    TestDb db = new TestDb();
    String[] times = {
      "2025-10-31 12:00:00.000000",
      "2025-10-30 12:00:00.000000",
      "2025-11-01 12:00:00.000000",
      "2025-10-30 12:00:00.000000"
    };
    for (int i = 0; i < 2000; i++) {
      String t = times[i % times.length];
      db.row("slot1@h", "GPU-" + i, "Claimed", "NVIDIA L40S", "", "h" + (i % 7), "u" + i, t);
    }
    db.write(data.resolve("gpu_state_2025-10.db"));
    List<String> single = load(data, 1);
    List<String> parallel = load(data, 2);
    assertEquals(single, parallel);
    for (int i = 1; i < single.size(); i++) {
      long a = Long.parseLong(single.get(i - 1).split("\\|")[0]);
      long b = Long.parseLong(single.get(i).split("\\|")[0]);
      assertTrue(a <= b, "not sorted at " + i);
    }
    // ties keep storage order: the GPU numbers of one timestamp increase
    List<Integer> firstDay =
        single.stream()
            .filter(s -> s.contains("|u"))
            .filter(s -> s.startsWith(String.valueOf(Timestamps.parseStored(times[1]))))
            .map(s -> Integer.parseInt(s.split("\\|")[1].substring(4)))
            .toList();
    for (int i = 1; i < firstDay.size(); i++) {
      assertTrue(firstDay.get(i - 1) < firstDay.get(i));
    }
  }

  private Path fileWithRowids(long... rowids) throws Exception {
    TestDb db = new TestDb();
    for (int i = 0; i < rowids.length; i++) {
      db.row(
          "slot1@h",
          "GPU-" + i,
          "Claimed",
          "NVIDIA L40S",
          "",
          "h",
          "u" + i,
          String.format("2025-10-31 00:%02d:00.000000", i));
    }
    Path data = Files.createDirectories(dir.resolve("rowids"));
    db.writeWithRowids(data.resolve("gpu_state_2025-10.db"), rowids);
    return data;
  }

  @Test
  void rowidsOfZeroAndBelowAreEachReadOnce() throws Exception {
    Path data = fileWithRowids(-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5);
    List<String> single = load(data, 1);
    assertEquals(11, single.size());
    for (int threads : new int[] {2, 4}) {
      assertEquals(single, load(data, threads), threads + " threads");
    }
  }

  @Test
  void theLargestRowidIsRead() throws Exception {
    Path data = fileWithRowids(1, 2, 3, Long.MAX_VALUE);
    List<String> single = load(data, 1);
    assertEquals(4, single.size());
    assertEquals(single, load(data, 2));
  }

  @Test
  void aFileIsSplitIntoAtMostEightParts() throws Exception {
    long[] rowids = new long[100];
    Arrays.setAll(rowids, i -> i + 1);
    Path f = fileWithRowids(rowids).resolve("gpu_state_2025-10.db");
    TimeRange october =
        TimeRange.halfOpen(
            Timestamps.parseUser("2025-10-01 00:00:00"),
            Timestamps.parseUser("2025-11-01 00:00:00"));
    List<SlotLoader.Part> parts = new SlotLoader(64).parts(List.of(f), october, null);
    assertEquals(SlotLoader.MAX_PARTS_PER_FILE, parts.size());
  }

  /**
   * A file of varied rows stored out of time order, some of them outside {@link #WINDOW}, with the
   * collector's PreventJobsReason column. Memory has no declared type, so that numeric text stays
   * text.
   */
  private Path variedRows() throws SQLException {
    Path f = dir.resolve("gpu_state_2025-10.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE gpu_state (Name TEXT, AssignedGPUs TEXT, AvailableGPUs TEXT,"
              + " State TEXT, GPUs_DeviceName TEXT, GPUs_GlobalMemoryMb, PrioritizedProjects TEXT,"
              + " GPUsAverageUsage FLOAT, Machine TEXT, RemoteOwner TEXT, GlobalJobId TEXT,"
              + " timestamp TEXT, PreventJobsReason TEXT, Disk BIGINT)");
    }
    Random random = new Random(7);
    String[] names = {null, "slot1@h", "backfill2@h", "slot1_1@backfillhost"};
    String[] states = {null, "Claimed", "Unclaimed", "Owner", "Drained"};
    String[] reasons = {null, "", "Node maintenance"};
    Object[] memories = {null, 81920, 46068.5, "143771", " 4.5e4 ", "lots", new byte[] {1, 2}};
    String[] projects = {null, "", "ProjA"};
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO gpu_state (Name, AssignedGPUs,"
                    + " State, GPUs_DeviceName, GPUs_GlobalMemoryMb, PrioritizedProjects, GPUsAverageUsage,"
                    + " Machine, RemoteOwner, GlobalJobId, timestamp, PreventJobsReason)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < 3000; i++) {
        ps.setString(1, names[random.nextInt(names.length)]);
        ps.setString(2, random.nextInt(10) == 0 ? null : "GPU-" + random.nextInt(50));
        ps.setString(3, states[random.nextInt(states.length)]);
        ps.setString(4, random.nextInt(10) == 0 ? null : "NVIDIA model " + random.nextInt(4));
        ps.setObject(5, memories[random.nextInt(memories.length)]);
        ps.setString(6, projects[random.nextInt(projects.length)]);
        ps.setObject(7, random.nextBoolean() ? random.nextDouble() : null);
        ps.setString(8, "host" + random.nextInt(20));
        ps.setString(9, random.nextBoolean() ? null : "user" + random.nextInt(5));
        ps.setString(10, random.nextBoolean() ? null : "ap#" + random.nextInt(100) + ".0#1");
        ps.setString(
            11,
            String.format(
                "2025-10-%02d %02d:%02d:00.000000",
                1 + random.nextInt(2), random.nextInt(24), random.nextInt(60)));
        ps.setString(12, reasons[random.nextInt(reasons.length)]);
        ps.executeUpdate();
      }
      c.commit();
    }
    return f;
  }

  private static final TimeRange WINDOW =
      TimeRange.closed(
          Timestamps.parseUser("2025-10-01 06:00:00"), Timestamps.parseUser("2025-10-02 06:00:00"));

  /**
   * Every column of a load, decoded, one line per row; usage and job, PreventJobsReason and its
   * recorded flag only when loaded.
   */
  private static List<String> decoded(SlotTable t, Projection projection) {
    SlotTable.Dictionaries d = t.dictionaries();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String row =
          t.timestamps().getLong(i)
              + "|"
              + d.names().value(t.codes(SlotTable.NAME).getInt(i))
              + "|"
              + d.gpus().value(t.codes(SlotTable.GPU).getInt(i))
              + "|"
              + d.states().value(t.codes(SlotTable.STATE).getInt(i))
              + "|"
              + d.devices().value(t.codes(SlotTable.DEVICE).getInt(i))
              + "|"
              + t.numbers(SlotTable.MEMORY).getDouble(i)
              + "|"
              + d.projects().value(t.codes(SlotTable.PROJECTS).getInt(i))
              + "|"
              + d.machines().value(t.codes(SlotTable.MACHINE).getInt(i))
              + "|"
              + d.owners().value(t.codes(SlotTable.OWNER).getInt(i));
      if (usage(projection)) {
        row +=
            "|"
                + t.numbers(SlotTable.USAGE).getDouble(i)
                + "|"
                + d.jobs().value(t.codes(SlotTable.JOB).getInt(i));
      }
      if (prevent(projection)) {
        row +=
            "|"
                + d.reasons().value(t.codes(SlotTable.PREVENT).getInt(i))
                + "|"
                + t.preventRecorded().get(i);
      }
      out.add(row);
    }
    return out;
  }

  /**
   * The same lines by plain SQL: State is Claimed, Unclaimed or Other (or Drained, for CORRECTED);
   * memory is a number when stored as one or as numeric text (§3.3), else NaN; without the real
   * text, Name is "backfill" or "" and PrioritizedProjects "" or "*" (NULL stays NULL).
   */
  private static List<String> bySql(Path f, Projection projection) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT timestamp, Name, AssignedGPUs, State,"
                    + " GPUs_DeviceName, GPUs_GlobalMemoryMb, typeof(GPUs_GlobalMemoryMb),"
                    + " PrioritizedProjects, Machine, RemoteOwner, GPUsAverageUsage, GlobalJobId,"
                    + " PreventJobsReason"
                    + " FROM gpu_state WHERE timestamp >= ? AND timestamp <= ? ORDER BY timestamp, rowid")) {
      ps.setString(1, Timestamps.formatStored(WINDOW.start()));
      ps.setString(2, Timestamps.formatStored(WINDOW.end()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(bySql(rs, projection));
        }
      }
    }
    return out;
  }

  private static String bySql(ResultSet rs, Projection projection) throws SQLException {
    String name = rs.getString(2);
    String state = rs.getString(4);
    String projects = rs.getString(8);
    String row =
        Timestamps.parseStored(rs.getString(1))
            + "|"
            + (projection != Projection.ALLOCATION || name == null
                ? name
                : name.contains("backfill") ? "backfill" : "")
            + "|"
            + rs.getString(3)
            + "|"
            + ("Claimed".equals(state)
                    || "Unclaimed".equals(state)
                    || prevent(projection) && "Drained".equals(state)
                ? state
                : "Other")
            + "|"
            + rs.getString(5)
            + "|"
            + switch (rs.getString(7)) {
              case "integer", "real" -> rs.getDouble(6);
              case "text" -> NumericText.parse(rs.getString(6));
              default -> Double.NaN;
            }
            + "|"
            + (usage(projection) || prevent(projection) || projects == null
                ? projects
                : projects.isEmpty() ? "" : "*")
            + "|"
            + rs.getString(9)
            + "|"
            + rs.getString(10);
    if (usage(projection)) {
      double usage = rs.getDouble(11);
      row += "|" + (rs.wasNull() ? Double.NaN : usage) + "|" + rs.getString(12);
    }
    if (prevent(projection)) {
      row += "|" + rs.getString(13) + "|true";
    }
    return row;
  }

  /** Whether the projection reads GPUsAverageUsage and GlobalJobId (FULL, TIMELINE). */
  private static boolean usage(Projection projection) {
    return projection == Projection.FULL || projection == Projection.TIMELINE;
  }

  /** Whether it reads PreventJobsReason and keeps Drained (CORRECTED, TIMELINE). */
  private static boolean prevent(Projection projection) {
    return projection == Projection.CORRECTED || projection == Projection.TIMELINE;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Projection.class)
  void everyColumnOfEveryProjectionMatchesPlainSql(Projection projection) throws Exception {
    Path f = variedRows();
    List<String> expected = bySql(f, projection);
    assertTrue(expected.size() > 1000, "rows: " + expected.size());
    for (int threads = 1; threads <= 3; threads++) {
      SlotTable loaded = new SlotLoader(threads).load(List.of(f), WINDOW, projection);
      assertEquals(expected, decoded(loaded, projection), threads + " threads");
    }
  }
}
