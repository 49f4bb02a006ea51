package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.load.ParquetMonth.Slot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The heart of issue 15: the same rows stored in SQLite (in rowid order, not time order) and in
 * Parquet (sorted by (timestamp, rowid), as the exporter writes them, in small row groups) load as
 * equal {@link SlotTable}s, row by row and value by value, for every projection, closed, half-open
 * and open-ended ranges over two months, and one or two threads.
 */
class ParquetParityTest {
  @TempDir static Path dir;

  private static List<Path> sqlite;
  private static List<Path> parquet;

  private static final String[] NAMES = {
    "slot1@a.wisc.edu",
    null,
    "",
    "mybackfillslot@b",
    "backfill2@c",
    "slot_ü@ñ.example",
    "Backfill@d"
  };
  private static final String[] GPUS = {"GPU-1", "", null, "GPU-ö", "GPU-2"};
  private static final String[] STATES = {
    "Claimed", "Unclaimed", "Drained", null, "Owner", "claimed", "Preempting"
  };
  private static final String[] DEVICES = {"NVIDIA H100 80GB HBM3", null, "", "Tesla V100-SXM2"};
  private static final Object[] MEMORY = {81920L, null, 0L, 40960L, 196608L, 48000L};
  private static final String[] PROJECTS = {"ProjA", "", null, "ProjA,ProjB", "Ünï"};
  private static final Double[] USAGE = {0.5, null, 0.0, 1.0 / 3, 12.25};
  private static final String[] MACHINES = {"a", "b", "", "c.ü"};
  private static final String[] OWNERS = {"amy", null, "", "bob"};
  private static final String[] JOBS = {"ap#1.0#1", null, "", "ap#2.3#99"};
  private static final String[] REASONS = {null, "", "Node maintenance", "Drain ü"};

  /** A stored timestamp on September 30th (day 0) or October {@code day}; micros -1: none. */
  static String at(int day, int minute, int micros) {
    return String.format(
        "2025-%s %02d:%02d:00%s",
        day == 0 ? "09-30" : String.format("10-%02d", day),
        minute / 60,
        minute % 60,
        micros < 0 ? "" : String.format(".%06d", micros));
  }

  /** {@code n} rows of one snapshot, the values cycling from {@code seed}. */
  private static void snapshot(List<Slot> out, String ts, int n, int seed) {
    for (int i = 0; i < n; i++) {
      int k = seed + i;
      out.add(
          new Slot(
              ts,
              NAMES[k % NAMES.length],
              GPUS[k % GPUS.length],
              STATES[k % STATES.length],
              DEVICES[k % DEVICES.length],
              MEMORY[k % MEMORY.length],
              PROJECTS[k % PROJECTS.length],
              USAGE[k % USAGE.length],
              MACHINES[k % MACHINES.length],
              OWNERS[k % OWNERS.length],
              JOBS[k % JOBS.length],
              REASONS[k % REASONS.length]));
    }
  }

  /** September: snapshots of its last evening, and one of October 1st stored after them. */
  static List<Slot> septemberRows() {
    List<Slot> sep = new ArrayList<>();
    snapshot(sep, at(0, 23 * 60, 654321), 5, 0);
    snapshot(sep, at(0, 23 * 60 + 30, -1), 5, 3);
    snapshot(sep, at(1, 0, 0), 6, 11);
    return sep;
  }

  /**
   * October: six snapshots of seven rows, one stored late (rowid order is not time order), and one
   * with the same timestamp as September's last.
   */
  static List<Slot> octoberRows() {
    List<Slot> oct = new ArrayList<>();
    snapshot(oct, at(1, 0, 0), 7, 1);
    snapshot(oct, at(1, 20, 123456), 7, 9);
    snapshot(oct, at(1, 10, 999999), 7, 17);
    snapshot(oct, at(1, 30, 1), 7, 23);
    snapshot(oct, at(1, 40, 500000), 7, 31);
    snapshot(oct, at(2, 0, 0), 7, 37);
    return oct;
  }

  @BeforeAll
  static void files() throws Exception {
    List<Slot> sep = septemberRows();
    List<Slot> oct = octoberRows();
    sqlite =
        List.of(
            ParquetMonth.sqlite(dir.resolve("gpu_state_2025-09.db"), sep),
            ParquetMonth.sqlite(dir.resolve("gpu_state_2025-10.db"), oct));
    ParquetMonth.Writer w = new ParquetMonth.Writer().rowGroupRows(10);
    parquet =
        List.of(
            w.write(dir.resolve("gpu_state_2025-09.parquet"), sep),
            w.write(dir.resolve("gpu_state_2025-10.parquet"), oct));
  }

  private static long t(String stored) {
    return Timestamps.parseStored(stored);
  }

  static Stream<Arguments> cases() {
    List<Object[]> ranges =
        List.of(
            new Object[] {"everything", TimeRange.closed(t(at(0, 0, -1)), t(at(3, 0, -1))), false},
            new Object[] {
              "closed on snapshots", TimeRange.closed(t(at(1, 0, 0)), t(at(1, 30, 1))), false
            },
            new Object[] {
              "half-open on snapshots", TimeRange.halfOpen(t(at(1, 0, 0)), t(at(1, 30, 1))), false
            },
            new Object[] {
              "open end", TimeRange.closed(t(at(1, 10, 999999)), t(at(1, 20, 0))), true
            },
            new Object[] {
              "between row groups", TimeRange.closed(t(at(1, 11, -1)), t(at(1, 39, -1))), false
            },
            new Object[] {"no row", TimeRange.closed(t(at(0, 0, -1)), t(at(0, 60, -1))), false});
    List<Arguments> out = new ArrayList<>();
    for (Projection p : Projection.values()) {
      for (Object[] r : ranges) {
        for (int threads : new int[] {1, 2}) {
          out.add(Arguments.of(p, r[0], r[1], r[2], threads));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, {1}, {4} threads")
  @MethodSource("cases")
  void parquetLoadsWhatSqliteLoads(
      Projection projection, String label, TimeRange range, boolean openEnd, int threads) {
    SlotTable expected =
        new SlotLoader(1).load(sqlite, range, projection, openEnd ? sqlite.get(1) : null);
    SlotTable actual =
        new ParquetFormat(threads)
            .load(
                parquet, range, projection, openEnd ? parquet.get(1) : null, LoadProgress.silent());
    List<String> want = ParquetMonth.describe(expected);
    assertEquals(want, ParquetMonth.describe(actual));
    if (!label.equals("no row")) {
      assertTrue(want.size() > 5, label + ": too few rows to tell: " + want.size());
    }
  }
}
