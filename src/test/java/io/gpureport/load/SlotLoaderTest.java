package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.TestDb;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel reading (by rowid or by time) gives exactly the rows, in the order, of one query. */
class SlotLoaderTest {
  @TempDir Path dir;

  private static List<String> rows(SlotTable t) {
    List<String> out = new ArrayList<>();
    SlotTable.Dictionaries d = t.dictionaries();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(t.timestamps().getLong(i) + "|" + d.gpus().value(t.codes(SlotTable.GPU).getInt(i))
          + "|" + d.machines().value(t.codes(SlotTable.MACHINE).getInt(i)) + "|"
          + d.owners().value(t.codes(SlotTable.OWNER).getInt(i)) + "|"
          + d.devices().value(t.codes(SlotTable.DEVICE).getInt(i)) + "|"
          + d.states().value(t.codes(SlotTable.STATE).getInt(i)) + "|"
          + t.numbers(SlotTable.MEMORY).getDouble(i));
    }
    return out;
  }

  private static List<String> load(Path dir, int threads) {
    DataSource source = DataSource.resolve(null, dir);
    TimeRange range = TimeRange.closed(Timestamps.parseUser("2025-10-30 00:00:00"),
        Timestamps.parseUser("2025-11-02 00:00:00"));
    return rows(new SlotLoader(threads).load(source.filesFor(range), range, Projection.ALLOCATION));
  }

  @Test
  void parallelReadsEqualASingleReadWithAndWithoutIndex() throws Exception {
    Path data = dir.resolve("data");
    CliResult r = CliResult.run("sample", "--out", data.toString(), "--days", "3", "--seed", "5");
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
    String[] times = {"2025-10-31 12:00:00.000000", "2025-10-30 12:00:00.000000",
        "2025-11-01 12:00:00.000000", "2025-10-30 12:00:00.000000"};
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
    List<Integer> firstDay = single.stream().filter(s -> s.contains("|u"))
        .filter(s -> s.startsWith(String.valueOf(Timestamps.parseStored(times[1]))))
        .map(s -> Integer.parseInt(s.split("\\|")[1].substring(4))).toList();
    for (int i = 1; i < firstDay.size(); i++) {
      assertTrue(firstDay.get(i - 1) < firstDay.get(i));
    }
  }
}
