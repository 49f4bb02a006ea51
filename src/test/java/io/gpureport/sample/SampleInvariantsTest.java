package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.collect.CollectedTable;
import io.gpureport.load.GpuStateTable;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Structural invariants of a two-day sample of the default pool, checked with SQL. */
@Timeout(60)
class SampleInvariantsTest {
  private static final Map<String, Long> MEMORY =
      Map.ofEntries(
          Map.entry("NVIDIA A100-SXM4-40GB", 40960L),
          Map.entry("NVIDIA A100-SXM4-80GB", 81920L),
          Map.entry("NVIDIA H100 80GB HBM3", 81559L),
          Map.entry("NVIDIA H200", 143771L),
          Map.entry("NVIDIA L40", 46068L),
          Map.entry("NVIDIA L40S", 46068L),
          Map.entry("NVIDIA A40", 46068L),
          Map.entry("NVIDIA GeForce RTX 2080 Ti", 11264L),
          Map.entry("NVIDIA GeForce GTX 1080 Ti", 11178L),
          Map.entry("Tesla P100-PCIE-16GB", 16384L),
          Map.entry("Quadro RTX 6000", 24576L),
          Map.entry("NVIDIA A30", 24576L));

  private static final int TIMESTAMP = 0;
  private static final int NAME = 1;
  private static final int GPU = 2;
  private static final int STATE = 3;
  private static final int MACHINE = 4;

  @TempDir static Path dir;
  private static Path db;
  private static SampleSummary summary;

  /** timestamp, Name, AssignedGPUs, State, Machine of every row, for checks SQL does slowly. */
  private static List<String[]> slots;

  @BeforeAll
  static void generate() {
    summary =
        SampleGenerator.generate(
            new SampleSpec(dir, 2, 7, LocalDateTime.of(2025, 11, 3, 0, 0), 120, false));
    db = dir.resolve("gpu_state_2025-11.db");
    slots =
        SampleDb.rows(
                db,
                "SELECT timestamp, Name, AssignedGPUs, State, Machine"
                    + " FROM gpu_state ORDER BY rowid")
            .stream()
            .map(r -> r.stream().map(v -> (String) v).toArray(String[]::new))
            .toList();
  }

  private static long count(String sql) {
    return SampleDb.count(db, sql);
  }

  @Test
  void summaryMatchesTheFile() {
    assertEquals(List.of(db), summary.files());
    assertEquals(192, summary.snapshots());
    assertEquals(summary.rows(), count("SELECT COUNT(*) FROM gpu_state"));
    assertEquals(120, count("SELECT COUNT(DISTINCT Machine) FROM gpu_state"));
  }

  @Test
  void collectorTableWithoutIndex() {
    List<String> columns = new ArrayList<>(GpuStateTable.COLUMNS);
    CollectedTable.ADDED_COLUMNS.forEach(c -> columns.add(c.name()));
    assertEquals(
        columns,
        SampleDb.column(db, "SELECT name FROM pragma_table_info('gpu_state') ORDER BY cid"));
    assertEquals(0, count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE typeof(timestamp) <> 'text'"
                + " OR typeof(GPUs_GlobalMemoryMb) <> 'integer'"
                + " OR typeof(GPUsAverageUsage) NOT IN ('real', 'null')"
                + " OR typeof(Disk) <> 'integer'"
                + " OR typeof(PreventJobsReason) NOT IN ('text', 'null')"));
  }

  @Test
  void everySlotOfADrainedMachineAndNoOtherGivesNodeMaintenanceAsTheReason() {
    // a row-value IN: SQLite builds a temporary index of the subquery once (a correlated EXISTS
    // scanned the table for every row, over a minute on a loaded machine)
    String drained =
        "(timestamp, Machine) IN (SELECT timestamp, Machine FROM gpu_state WHERE State = 'Drained')";
    long maintenance =
        count("SELECT COUNT(*) FROM gpu_state WHERE PreventJobsReason = 'Node maintenance'");
    assertTrue(maintenance > 0, "some machine should be under maintenance in two days");
    assertEquals(maintenance, count("SELECT COUNT(*) FROM gpu_state WHERE " + drained));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE PreventJobsReason = 'Node maintenance' AND NOT "
                + drained));
    assertTrue(
        count(
                "SELECT MAX(n) FROM (SELECT COUNT(DISTINCT timestamp) AS n FROM gpu_state"
                    + " WHERE PreventJobsReason = 'Node maintenance' GROUP BY Machine)")
            >= 8,
        "a maintenance lasts some hours");
  }

  @Test
  void aReservedMachineKeepsItsJobsStartsNoneAndIsNeverDrained() {
    String reserved = "PreventJobsReason = 'Reserved for benchmarking'";
    assertTrue(count("SELECT COUNT(*) FROM gpu_state WHERE " + reserved) > 0, "a reservation");
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE PreventJobsReason IS NOT NULL"
                + " AND PreventJobsReason NOT IN ('Node maintenance', 'Reserved for benchmarking')"));
    assertEquals(
        0, count("SELECT COUNT(*) FROM gpu_state WHERE " + reserved + " AND State = 'Drained'"));
    // no job starts while reserved: a Claimed slot there has run since before the reservation
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state c WHERE c.State = 'Claimed' AND c."
                + reserved
                + " AND NOT EXISTS (SELECT 1 FROM gpu_state e WHERE e.GlobalJobId = c.GlobalJobId"
                + " AND e.timestamp < c.timestamp AND e.PreventJobsReason IS NULL)"));
  }

  @Test
  void diskIsOneHundredGibibytesPerGpuOfTheMachine() {
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT Machine FROM gpu_state GROUP BY Machine"
                + " HAVING COUNT(DISTINCT Disk) <> 1"
                + " OR MAX(Disk) <> 104857600 * (SELECT COUNT(DISTINCT AssignedGPUs)"
                + " FROM gpu_state g WHERE g.Machine = gpu_state.Machine"
                + " AND g.Name LIKE 'slot1@%'))"));
  }

  @Test
  void oneJitteredTimestampPerQuarterHour() {
    assertEquals(192, count("SELECT COUNT(DISTINCT timestamp) FROM gpu_state"));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT substr(timestamp, 1, 16) FROM gpu_state"
                + " GROUP BY 1 HAVING COUNT(DISTINCT timestamp) <> 1)"));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE timestamp NOT GLOB"
                + " '2025-11-0[34] [0-2][0-9]:[0-5][05]:0[0-9].[0-9][0-9][0-9][0-9][0-9][0-9]'"
                + " OR substr(timestamp, 15, 2) NOT IN ('00', '15', '30', '45')"));
    assertTrue(
        count("SELECT COUNT(DISTINCT substr(timestamp, 18)) FROM gpu_state") > 150,
        "timestamps should carry second and microsecond jitter");
  }

  @Test
  void ninetySixSnapshotsPerDay() {
    List<String> days =
        SampleDb.column(
            db,
            "SELECT substr(timestamp, 1, 10) || ' ' ||"
                + " COUNT(DISTINCT timestamp) FROM gpu_state GROUP BY substr(timestamp, 1, 10) ORDER BY 1");
    assertEquals(List.of("2025-11-03 96", "2025-11-04 96"), days);
  }

  @Test
  void rowsPerDayLikeThePool() {
    long perDay = count("SELECT COUNT(*) FROM gpu_state") / 2;
    assertTrue(perDay > 120_000 && perDay < 180_000, "rows per day: " + perDay);
    long gpus =
        count("SELECT COUNT(DISTINCT AssignedGPUs) FROM gpu_state WHERE AssignedGPUs <> ''");
    assertTrue(gpus > 650 && gpus < 850, "GPUs: " + gpus);
  }

  @Test
  void claimedRowsAreDynamicSlotsWithAJob() {
    assertTrue(count("SELECT COUNT(*) FROM gpu_state WHERE State = 'Claimed'") > 50_000);
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE State = 'Claimed' AND ("
                + " Name NOT GLOB 'slot1_[1-8]@*' AND Name NOT GLOB 'backfill2_[1-8]@*'"
                + " OR RemoteOwner IS NULL OR GlobalJobId IS NULL OR GPUsAverageUsage IS NULL"
                + " OR GPUsAverageUsage < 0 OR GPUsAverageUsage > 1"
                + " OR RemoteOwner NOT LIKE '%@wisc.edu'"
                + " OR GlobalJobId NOT GLOB 'ap40.chtc.wisc.edu#[0-9]*.[0-9]*#1[0-9]*')"));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE State <> 'Claimed' AND ("
                + " RemoteOwner IS NOT NULL OR GlobalJobId IS NOT NULL OR GPUsAverageUsage IS NOT NULL"
                + " OR Name GLOB '*_[0-9]*@*')"));
    long users = count("SELECT COUNT(DISTINCT RemoteOwner) FROM gpu_state");
    assertTrue(users >= 30 && users <= 40, "users: " + users);
  }

  @Test
  void gpuNeverClaimedTwiceInASnapshot() {
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT 1 FROM gpu_state WHERE State = 'Claimed'"
                + " GROUP BY timestamp, AssignedGPUs HAVING COUNT(*) > 1)"));
  }

  @Test
  void backfillPartitionableSlotListsOnlyUnclaimedGpus() {
    assertTrue(
        count(
                "SELECT COUNT(*) FROM gpu_state WHERE Name GLOB 'backfill2@*'"
                    + " AND AssignedGPUs <> ''")
            > 10_000);
    Set<String> claimed = new HashSet<>();
    for (String[] r : slots) {
      if (r[STATE].equals("Claimed")) {
        claimed.add(r[TIMESTAMP] + " " + r[GPU]);
      }
    }
    long listed = 0;
    for (String[] r : slots) {
      if (r[NAME].startsWith("backfill2@") && !r[GPU].isEmpty()) {
        assertFalse(claimed.contains(r[TIMESTAMP] + " " + r[GPU]), String.join(" ", r));
        listed++;
      }
    }
    assertTrue(listed > 10_000, "backfill p-slot rows with a GPU: " + listed);
    // its AvailableGPUs lists exactly its rows' GPUs, in GPU_<id> form, and "" when it has none
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE Name GLOB 'backfill2@*' AND ("
                + " AssignedGPUs = '' AND AvailableGPUs <> '' OR AssignedGPUs <> '' AND instr(',' ||"
                + " AvailableGPUs || ',', ',' || replace(AssignedGPUs, '-', '_') || ',') = 0)"));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT 1 FROM gpu_state"
                + " WHERE Name GLOB 'backfill2@*' AND AssignedGPUs <> '' GROUP BY timestamp, Name"
                + " HAVING COUNT(DISTINCT AssignedGPUs) <> COUNT(*) OR COUNT(DISTINCT AvailableGPUs) <> 1"
                + " OR COUNT(*) <> length(MIN(AvailableGPUs))"
                + " - length(replace(MIN(AvailableGPUs), ',', '')) + 1)"));
    assertTrue(
        count(
                "SELECT COUNT(*) FROM gpu_state WHERE Name GLOB 'backfill2@*'"
                    + " AND AssignedGPUs = ''")
            > 0,
        "a backfill p-slot without idle GPU gives one '' row");
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE Name GLOB 'backfill2_*'"
                + " AND AvailableGPUs <> replace(AssignedGPUs, '-', '_')"));
  }

  @Test
  void primaryPartitionableSlotListsAllGpusOfItsMachine() {
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT Machine FROM (SELECT timestamp, Machine,"
                + " COUNT(*) n FROM gpu_state WHERE Name = 'slot1@' || Machine GROUP BY 1, 2)"
                + " GROUP BY 1 HAVING COUNT(DISTINCT n) > 1 OR MIN(n) < 2 OR MAX(n) > 8)"));
    Set<String> listed = new HashSet<>();
    for (String[] r : slots) {
      if (r[NAME].equals("slot1@" + r[MACHINE])) {
        listed.add(r[TIMESTAMP] + " " + r[MACHINE] + " " + r[GPU]);
      }
    }
    for (String[] r : slots) {
      if (!r[GPU].isEmpty()) {
        assertTrue(
            listed.contains(r[TIMESTAMP] + " " + r[MACHINE] + " " + r[GPU]), String.join(" ", r));
      }
    }
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE Name GLOB 'slot1_*'"
                + " AND AvailableGPUs <> ''"));
  }

  @Test
  void everyModelWithItsMemory() {
    List<List<Object>> models =
        SampleDb.rows(db, "SELECT DISTINCT GPUs_DeviceName, GPUs_GlobalMemoryMb FROM gpu_state");
    assertEquals(MEMORY.size(), models.size(), models.toString());
    for (List<Object> m : models) {
      assertEquals(MEMORY.get((String) m.get(0)), ((Number) m.get(1)).longValue(), m.toString());
    }
  }

  @Test
  void ownershipKinds() {
    for (String host : PoolModel.CHTC_OWNED) {
      assertEquals(
          1,
          count("SELECT COUNT(DISTINCT Machine) FROM gpu_state WHERE Machine = '" + host + "'"),
          host);
    }
    assertEquals(
        5,
        count(
            "SELECT COUNT(DISTINCT Machine) FROM gpu_state WHERE Machine IN ("
                + quoted(PoolModel.CHTC_OWNED)
                + ") AND PrioritizedProjects <> ''"));
    assertEquals(
        2,
        count(
            "SELECT COUNT(DISTINCT Machine) FROM gpu_state WHERE Machine IN ("
                + quoted(PoolModel.CHTC_OWNED)
                + ") AND PrioritizedProjects = ''"));
    assertTrue(
        count(
                "SELECT COUNT(DISTINCT Machine) FROM gpu_state"
                    + " WHERE PrioritizedProjects IS NULL")
            >= 2);
    assertTrue(
        count("SELECT COUNT(DISTINCT Machine) FROM gpu_state" + " WHERE PrioritizedProjects = ''")
            >= 30);
    assertTrue(
        count(
                "SELECT COUNT(DISTINCT Machine) FROM gpu_state"
                    + " WHERE PrioritizedProjects <> '' AND Machine GLOB '*gpu400[0-9].chtc.wisc.edu'")
            >= 60);
    assertTrue(
        count(
                "SELECT COUNT(DISTINCT Machine) FROM gpu_state"
                    + " WHERE Machine GLOB 'gpu[0-9][0-9][0-9][0-9].chtc.wisc.edu'")
            >= 30);
    assertEquals(
        2,
        count(
            "SELECT COUNT(DISTINCT Machine) FROM gpu_state WHERE Machine IN"
                + " ('voyles2000.chtc.wisc.edu', 'gpulab2003.chtc.wisc.edu')"));
  }

  @Test
  void statesIncludeOwnerAndHoursLongDrains() {
    Set<String> states = new TreeSet<>(SampleDb.column(db, "SELECT DISTINCT State FROM gpu_state"));
    assertEquals(Set.of("Claimed", "Unclaimed", "Owner", "Drained"), states);
    long longestDrain =
        count(
            "SELECT MAX(n) FROM (SELECT COUNT(DISTINCT timestamp) n"
                + " FROM gpu_state WHERE State = 'Drained' GROUP BY Machine)");
    assertTrue(longestDrain >= 8, "a machine should stay drained for hours: " + longestDrain);
  }

  @Test
  void jobsPersistOnOneGpu() {
    double snapshotsPerJob =
        SampleDb.rows(
                db,
                "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT GlobalJobId)"
                    + " FROM gpu_state WHERE State = 'Claimed'")
            .stream()
            .mapToDouble(r -> ((Number) r.get(0)).doubleValue())
            .sum();
    assertTrue(snapshotsPerJob > 4, "snapshots per job: " + snapshotsPerJob);
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT GlobalJobId FROM gpu_state"
                + " WHERE State = 'Claimed' GROUP BY 1 HAVING COUNT(DISTINCT AssignedGPUs) > 1"
                + " OR COUNT(DISTINCT RemoteOwner) > 1 OR COUNT(DISTINCT Name) > 1)"));
  }

  @Test
  void busierDuringTheDay() {
    long day =
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE Name GLOB 'slot1_*'"
                + " AND substr(timestamp, 12, 2) BETWEEN '12' AND '17'");
    long night =
        count(
            "SELECT COUNT(*) FROM gpu_state WHERE Name GLOB 'slot1_*'"
                + " AND substr(timestamp, 12, 2) BETWEEN '00' AND '05'");
    assertTrue(day > night * 1.15, "day " + day + " vs night " + night);
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
