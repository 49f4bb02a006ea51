package io.gpureport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.aggregate.ModelSnapshot.ActiveJob;
import io.gpureport.aggregate.ModelSnapshot.ClassCount;
import io.gpureport.aggregate.ModelSnapshot.InactiveGpu;
import io.gpureport.aggregate.ModelSnapshot.Result;
import io.gpureport.aggregate.ModelSnapshot.Row;
import io.gpureport.aggregate.ModelSnapshot.Snapshot;
import io.gpureport.classify.LegacyClass;
import io.gpureport.classify.RuleSet;
import io.gpureport.classify.RuleSets;
import io.gpureport.load.DataSource;
import io.gpureport.load.Projection;
import io.gpureport.load.SlotLoader;
import io.gpureport.load.SlotTable;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import io.gpureport.render.SnapshotText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU-model snapshot computation of SEMANTICS §7.10 and its text cells (§8, §9.7). */
class ModelSnapshotTest {
  private static final RuleSet RULES = RuleSets.named("reference");
  private static final LegacyClass PRIORITY = legacy("Priority");
  private static final LegacyClass SHARED = legacy("Shared");
  private static final LegacyClass BACKFILL = legacy("Backfill");

  private static LegacyClass legacy(String printedName) {
    return RULES.classes().legacyClasses().stream()
        .filter(c -> c.printedName().equals(printedName))
        .findFirst()
        .orElseThrow();
  }

  private static final String M = "NVIDIA L40S";
  private static final long T = Timestamps.parseStored("2025-11-03 10:12:00");
  private static final long SEC = Timestamps.MICROS_PER_SECOND;
  private static final long MIN = Timestamps.MICROS_PER_MINUTE;

  @TempDir Path dir;

  /** A row of model M at T with everything else as given. */
  private static Row row(
      String name,
      String gpu,
      String state,
      String pp,
      double usage,
      String machine,
      String owner,
      String job) {
    return at(T, name, gpu, state, pp, usage, machine, owner, job);
  }

  private static Row at(
      long ts,
      String name,
      String gpu,
      String state,
      String pp,
      double usage,
      String machine,
      String owner,
      String job) {
    return new Row(ts, name, gpu, state, M, pp, usage, machine, owner, job);
  }

  private static Row idle(long ts, String gpu) {
    return at(ts, "slot1@h", gpu, "Unclaimed", "", Double.NaN, "h", null, null);
  }

  private static Snapshot snapshot(List<Row> rows) {
    Result r = ModelSnapshot.compute(RULES, rows, T, 5, M);
    assertNotNull(r.snapshot());
    return r.snapshot();
  }

  // ---- snapshot time: closest, exact ties to the later one -------------------------------------

  @Test
  void exactTieBetweenBeforeAndAfterGoesToTheLaterSnapshot() {
    Snapshot s = snapshot(List.of(idle(T - 60 * SEC, "g-before"), idle(T + 60 * SEC, "g-after")));
    assertEquals(T + 60 * SEC, s.snapshotTime());
    assertEquals(60 * SEC, s.timeDifferenceMicros());
    assertEquals("g-after", s.inactiveGpus().get(0).gpuId());
    // the order of the candidates does not matter
    assertEquals(T + 60 * SEC, ModelSnapshot.closest(List.of(T + 60 * SEC, T - 60 * SEC), T));
    assertEquals(T + 60 * SEC, ModelSnapshot.closest(List.of(T - 60 * SEC, T + 60 * SEC), T));
  }

  @Test
  void closerSnapshotWinsOnEitherSide() {
    assertEquals(T - 30 * SEC, ModelSnapshot.closest(List.of(T - 30 * SEC, T + 30 * SEC + 1), T));
    assertEquals(T + 30 * SEC, ModelSnapshot.closest(List.of(T - 30 * SEC - 1, T + 30 * SEC), T));
    assertEquals(T, ModelSnapshot.closest(List.of(T - 1, T, T + 1), T));
  }

  @Test
  void snapshotIsOnlyTheRowsStampedExactlyAtTheChosenTime() {
    Snapshot s =
        snapshot(
            List.of(
                idle(T - 2 * MIN, "g1"),
                idle(T + MIN, "g2"),
                idle(T + MIN, "g3"),
                idle(T + MIN + 1, "g4")));
    assertEquals(T + MIN, s.snapshotTime());
    assertEquals(2, s.totalGpus());
  }

  // ---- half-open window [t − w, t + w) ---------------------------------------------------------

  @Test
  void windowIncludesItsStartAndExcludesItsEnd() {
    TimeRange w = ModelSnapshot.window(T, 5);
    assertEquals(T - 5 * MIN, w.start());
    assertEquals(T + 5 * MIN, w.end());
    assertTrue(!w.endInclusive());
    // equally far on both sides, but t + w is outside: the earlier snapshot is the only candidate
    Snapshot s = snapshot(List.of(idle(T - 5 * MIN, "g-start"), idle(T + 5 * MIN, "g-end")));
    assertEquals(T - 5 * MIN, s.snapshotTime());
    assertEquals("300.0", SnapshotText.seconds(s.timeDifferenceMicros()));
    assertNull(ModelSnapshot.compute(RULES, List.of(idle(T + 5 * MIN, "g")), T, 5, M).snapshot());
    assertNotNull(
        ModelSnapshot.compute(RULES, List.of(idle(T + 5 * MIN - 1, "g")), T, 5, M).snapshot());
  }

  @Test
  void loaderWindowIsHalfOpenAtMicrosecondResolution() throws Exception {
    String script = ExampleData.resource("gpu_state_2025-11.sql");
    int from = script.indexOf("CREATE TABLE");
    String create = script.substring(from, script.indexOf(");", from) + 3);
    StringBuilder sql = new StringBuilder(create);
    insert(sql, "Start", "2025-11-03 10:07:00.000000");
    insert(sql, "BeforeStart", "2025-11-03 10:06:59.999999");
    insert(sql, "End", "2025-11-03 10:17:00.000000");
    insert(sql, "BeforeEnd", "2025-11-03 10:16:59.999999");
    ExampleData.executeScript(dir.resolve("gpu_state_2025-11.db"), sql.toString());

    TimeRange range = ModelSnapshot.window(T, 5);
    DataSource source = DataSource.resolve(null, dir);
    SlotTable table = new SlotLoader(1).load(source.filesFor(range), range, Projection.FULL);
    Result models = ModelSnapshot.compute(RULES, table, T, 5, null);
    assertEquals(List.of("BeforeEnd", "Start"), models.models());
    assertNull(models.snapshot());

    Result start = ModelSnapshot.compute(RULES, table, T, 5, "Start");
    assertEquals(Timestamps.parseStored("2025-11-03 10:07:00"), start.snapshot().snapshotTime());
    assertNull(ModelSnapshot.compute(RULES, table, T, 5, "End").snapshot());
    assertTrue(ModelSnapshot.compute(RULES, table, T, 5, "End").isEmpty());
    assertEquals(
        "299.999999",
        SnapshotText.seconds(
            ModelSnapshot.compute(RULES, table, T, 5, "BeforeEnd")
                .snapshot()
                .timeDifferenceMicros()));
  }

  private static void insert(StringBuilder sql, String device, String ts) {
    sql.append("INSERT INTO gpu_state VALUES ('slot1@h', 'GPU-1', '', 'Unclaimed', '")
        .append(device)
        .append("', 46068, '', NULL, 'h', NULL, NULL, '")
        .append(ts)
        .append("');\n");
  }

  @Test
  void modelListIsDistinctNonNullAscendingWithinTheWindow() {
    List<Row> rows =
        List.of(
            new Row(T, "s@h", "g", "Unclaimed", "b", "", Double.NaN, "h", null, null),
            new Row(T, "s@h", "g", "Unclaimed", null, "", Double.NaN, "h", null, null),
            new Row(T, "s@h", "g", "Unclaimed", "B", "", Double.NaN, "h", null, null),
            new Row(T + 5 * MIN, "s@h", "g", "Unclaimed", "late", "", Double.NaN, "h", null, null),
            new Row(T - MIN, "s@h", "g", "Unclaimed", "b", "", Double.NaN, "h", null, null));
    Result r = ModelSnapshot.compute(RULES, rows, T, 5, null);
    assertEquals(List.of("B", "b"), r.models());
    assertNull(r.gpuModel());
    assertTrue(ModelSnapshot.compute(RULES, List.of(), T, 5, null).isEmpty());
  }

  // ---- Time Difference (§8) --------------------------------------------------------------------

  @Test
  void timeDifferenceHasUpToSixDigitsTrailingZerosRemovedAtLeastOneKept() {
    assertEquals("184.654321", SnapshotText.seconds(184_654_321L));
    assertEquals("300.0", SnapshotText.seconds(300_000_000L));
    assertEquals("0.0", SnapshotText.seconds(0L));
    assertEquals("12.5", SnapshotText.seconds(12_500_000L));
    assertEquals("0.000001", SnapshotText.seconds(1L));
    assertEquals("1.00001", SnapshotText.seconds(1_000_010L));
    assertEquals("86400.25", SnapshotText.seconds(86_400_250_000L));
  }

  @Test
  void jsonTimeDifferenceIsMicrosDividedByAMillion() {
    Snapshot s = snapshot(List.of(idle(T + 184_654_321L, "g")));
    assertEquals(184.654321, s.timeDifferenceSeconds());
    assertEquals(0.0, snapshot(List.of(idle(T, "g"))).timeDifferenceSeconds());
  }

  // ---- text cells: truncation, padding, N/A and None (§9.7) ------------------------------------

  @Test
  void activeJobRowTruncatesAndPads() {
    assertEquals(
        "  eve                | ap2#9.1#1       | GPU-l2      | opengpu1.chtc.wisc.",
        SnapshotText.activeJobRow(
            new ActiveJob("eve", "ap2#9.1#1", "GPU-l2", "opengpu1.chtc.wisc.edu")));
    // user: trunc 19 then pad 18, so a long user takes 19 columns; job id: trunc 14, pad 15
    assertEquals(
        "  abcdefghijklmnopqrs | ap1.example.ed  | GPU-5a3b8c9 | a",
        SnapshotText.activeJobRow(
            new ActiveJob(
                "abcdefghijklmnopqrstuvwxyz",
                "ap1.example.edu#1.0#1762164000",
                "GPU-5a3b8c9d-aaaa",
                "a")));
    assertEquals(
        "  abcdefghijklmnopqr | j               | g           | m",
        SnapshotText.activeJobRow(new ActiveJob("abcdefghijklmnopqr", "j", "g", "m")));
  }

  @Test
  void inactiveGpuRowTruncatesAndPads() {
    assertEquals(
        "  GPU-l1      | opengpu1.chtc.wisc. | None",
        SnapshotText.inactiveGpuRow(new InactiveGpu("GPU-l1", "opengpu1.chtc.wisc.edu", "")));
    assertEquals(
        "  g           | m                   | ProjA,ProjB,ProjC,ProjD,ProjE",
        SnapshotText.inactiveGpuRow(
            new InactiveGpu("g", "m", "ProjA,ProjB,ProjC,ProjD,ProjE,ProjF")));
    assertEquals("  GPU-123456789 | x", "  " + SnapshotText.pad("GPU-123456789", 11) + " | x");
    assertEquals("GPU-1234567", SnapshotText.trunc("GPU-123456789", 11));
    assertEquals("ab", SnapshotText.trunc("ab", 11));
  }

  @Test
  void nullAndEmptyPrintAsNaExceptProjectsAsNone() {
    assertEquals(
        "  N/A                | N/A             | N/A         | N/A",
        SnapshotText.activeJobRow(new ActiveJob("", null, null, null)));
    assertEquals(
        "  N/A                | N/A             | N/A         | N/A",
        SnapshotText.activeJobRow(new ActiveJob("", "", "", "")));
    assertEquals(
        "  N/A         | N/A                 | None",
        SnapshotText.inactiveGpuRow(new InactiveGpu(null, null, null)));
    assertEquals(
        "  N/A         | N/A                 | None",
        SnapshotText.inactiveGpuRow(new InactiveGpu("", "", "")));
  }

  // ---- active jobs and inactive GPUs -----------------------------------------------------------

  @Test
  void activeJobsKeepTheFirstRowPerGpuInDisplayOrder() {
    Snapshot s =
        snapshot(
            List.of(
                row("slot1_1@b", "g1", "Claimed", "", 0.5, "b", "u-b", "j1"),
                row("slot1_1@a", "g1", "Claimed", "", 0.5, "a", "u-a", "j2"),
                row("slot1_2@a", null, "Claimed", "", 0.5, "a", "n1", "j3"),
                row("slot1_3@a", null, "Claimed", "", 0.5, "a", "n2", "j4"),
                row("slot1_4@a", "g0", "Claimed", "", 0.5, "a", "", "j5"),
                row("slot1_5@a", "g9", "Claimed", "", 0.5, "a", null, "j6")));
    // display order: machine a before b; GPU id NULL first, then g0, g1
    assertEquals(
        List.of(
            new ActiveJob("n1", "j3", null, "a"),
            new ActiveJob("", "j5", "g0", "a"),
            new ActiveJob("u-a", "j2", "g1", "a")),
        s.activeJobs());
    // A counts distinct non-NULL ids of claimed rows with an owner ("" is an owner)
    assertEquals(3, s.totalGpus());
    assertEquals(2, s.activeGpus());
    assertEquals(1, s.idleGpus());
  }

  @Test
  void inactiveGpusKeepFirstPerIdAndDropActiveIds() {
    Snapshot s =
        snapshot(
            List.of(
                row("slot1@b", "g2", "Unclaimed", "P-b", Double.NaN, "b", null, null),
                row("slot1@a", "g1", "Unclaimed", "P", Double.NaN, "a", null, null),
                row("slot1@a", "g2", "Unclaimed", null, Double.NaN, "a", null, null),
                row("backfill2@a", "g2", "Unclaimed", "", Double.NaN, "a", null, null),
                row("slot1_1@a", "g1", "Claimed", "P", 0.1, "a", "alice", "j1"),
                row("slot1@a", "g3", "Owner", "", Double.NaN, "a", null, null),
                row("slot1@c", null, "Unclaimed", "", Double.NaN, "c", null, null),
                row("slot1@d", null, "Unclaimed", "", Double.NaN, "d", null, null)));
    assertEquals(
        List.of(new InactiveGpu("g2", "a", null), new InactiveGpu(null, "c", "")),
        s.inactiveGpus());
    assertEquals(List.of(new ActiveJob("alice", "j1", "g1", "a")), s.activeJobs());
  }

  @Test
  void inactiveRowsWhoseIdIsActiveAreRemovedAfterTheFirstPerIdChoice() {
    // the first g1 row is removed because g1 is active; a later g1 row is not taken instead
    Snapshot s =
        snapshot(
            List.of(
                row("slot1@a", "g1", "Unclaimed", "", Double.NaN, "a", null, null),
                row("backfill2@a", "g1", "Unclaimed", "", Double.NaN, "a", null, null),
                row("backfill2_1@z", "g1", "Claimed", "", 0.3, "z", "eve", "j")));
    assertEquals(List.of(), s.inactiveGpus());
  }

  @Test
  void emptyListsWhenNothingIsActiveOrIdle() {
    Snapshot s =
        snapshot(List.of(row("slot1@a", "g1", "Drained", "", Double.NaN, "a", null, null)));
    assertEquals(List.of(), s.activeJobs());
    assertEquals(List.of(), s.inactiveGpus());
    assertEquals(1, s.totalGpus());
    assertEquals(0, s.activeGpus());
    assertEquals(0.0, s.activePercent());
    assertEquals(0.0, s.avgGpuUsagePercent());
  }

  // ---- summary ---------------------------------------------------------------------------------

  @Test
  void avgUsageIsTheRowMeanOverClaimedRowsWithAValue() {
    Snapshot s =
        snapshot(
            List.of(
                row("slot1_1@a", "g1", "Claimed", "", 0.5, "a", "u", "j1"),
                row("slot1_2@a", "g2", "Claimed", "", 0.25, "a", null, "j2"),
                row("slot1_3@a", "g3", "Claimed", "", Double.NaN, "a", "u", "j3"),
                row("slot1@a", "g4", "Unclaimed", "", 0.9, "a", null, null)));
    assertEquals(0.75 / 2 * 100, s.avgGpuUsagePercent());
    assertEquals(2.0 / 4 * 100, s.activePercent());
  }

  @Test
  void machinesAreDistinctNonNullAscending() {
    Snapshot s =
        snapshot(
            List.of(
                row("slot1@b", "g1", "Unclaimed", "", Double.NaN, "b", null, null),
                row("slot1@?", "g2", "Unclaimed", "", Double.NaN, null, null, null),
                row("slot1@a", "g3", "Unclaimed", "", Double.NaN, "a", null, null),
                row("slot2@b", "g4", "Unclaimed", "", Double.NaN, "b", null, null)));
    assertEquals(List.of("a", "b"), s.machines());
  }

  @Test
  void noGpuIdsGivesZeroPercentNotNaN() {
    Snapshot s = snapshot(List.of(row("slot1@a", null, "Claimed", "", 0.4, "a", "u", "j")));
    assertEquals(0, s.totalGpus());
    assertEquals(0.0, s.activePercent());
    assertEquals(0.0, s.realTotal().percent());
    assertEquals(List.of(new ActiveJob("u", "j", null, "a")), s.activeJobs());
  }

  // ---- classes and dedup over S (§5.5, §6) ------------------------------------------------------

  @Test
  void workedExampleClassesTotalsWithoutDedupAndClassesWithIt() {
    // the L40S rows of T2 (rows 21–24 and 26), in insertion order
    Snapshot s =
        snapshot(
            List.of(
                row(
                    "slot1@opengpu1",
                    "GPU-l1",
                    "Unclaimed",
                    "",
                    Double.NaN,
                    "opengpu1",
                    null,
                    null),
                row(
                    "slot1@opengpu1",
                    "GPU-l2",
                    "Unclaimed",
                    "",
                    Double.NaN,
                    "opengpu1",
                    null,
                    null),
                row(
                    "backfill2@opengpu1",
                    "GPU-l1",
                    "Unclaimed",
                    "",
                    Double.NaN,
                    "opengpu1",
                    null,
                    null),
                row(
                    "backfill2_1@opengpu1",
                    "GPU-l2",
                    "Claimed",
                    "",
                    0.3,
                    "opengpu1",
                    "eve",
                    "ap2#9.1#1"),
                row(
                    "slot1@voyles2000",
                    "GPU-v1",
                    "Unclaimed",
                    "",
                    Double.NaN,
                    "voyles2000",
                    null,
                    null)));
    assertEquals(3, s.totalGpus());
    assertEquals(1, s.activeGpus());
    assertEquals(new ClassCount(null, 0, 2), s.realTotal());
    assertEquals(List.of(new ClassCount(SHARED, 0, 2)), s.realClasses());
    assertEquals(new ClassCount(null, 1, 2), s.backfillTotal());
    assertEquals(List.of(new ClassCount(BACKFILL, 1, 2)), s.backfillClasses());
    assertEquals(50.0, s.backfillTotal().percent());
    assertEquals(30.0, s.avgGpuUsagePercent());
  }

  @Test
  void priorityTakesNullAndNonEmptyProjectsAndBackfillAnyProjects() {
    Snapshot s =
        snapshot(
            List.of(
                row("slot1@a", "g1", "Unclaimed", null, Double.NaN, "a", null, null),
                row("slot1_1@a", "g2", "Claimed", "ProjA", 0.1, "a", "u", "j"),
                row("slot1@b", "g3", "Unclaimed", "", Double.NaN, "b", null, null),
                row("backfill2@c", "g4", "Unclaimed", null, Double.NaN, "c", null, null),
                row("backfill2@d", "g5", "Claimed", "ProjD", 0.2, "d", "v", "k")));
    assertEquals(
        List.of(new ClassCount(PRIORITY, 1, 2), new ClassCount(SHARED, 0, 1)), s.realClasses());
    assertEquals(new ClassCount(null, 1, 3), s.realTotal());
    assertEquals(List.of(new ClassCount(BACKFILL, 1, 2)), s.backfillClasses());
  }

  @Test
  void classesWithNoGpusAreLeftOut() {
    Snapshot s =
        snapshot(List.of(row("slot1@a", "g1", "Unclaimed", "P", Double.NaN, "a", null, null)));
    assertEquals(List.of(new ClassCount(PRIORITY, 0, 1)), s.realClasses());
    assertEquals(List.of(), s.backfillClasses());
    assertEquals(new ClassCount(null, 0, 0), s.backfillTotal());
    assertEquals(0.0, s.backfillTotal().percent());
  }

  @Test
  void dedupRanksClaimedPrimaryThenClaimedBackfillThenUnclaimedPrimary() {
    Row idlePrimary = row("slot1@a", "g", "Unclaimed", "", Double.NaN, "a", null, null);
    Row busyBackfill = row("backfill2_1@a", "g", "Claimed", "", 0.1, "a", "eve", "j1");
    Row busyPrimary = row("slot1_1@a", "g", "Claimed", "", 0.1, "a", "bob", "j2");
    Row idleBackfill = row("backfill2@a", "g", "Unclaimed", "", Double.NaN, "a", null, null);
    assertEquals(
        List.of(busyBackfill), ModelSnapshot.dedup(RULES, List.of(idlePrimary, busyBackfill)));
    assertEquals(
        List.of(busyPrimary),
        ModelSnapshot.dedup(RULES, List.of(idleBackfill, busyBackfill, busyPrimary, idlePrimary)));
    assertEquals(
        List.of(idlePrimary), ModelSnapshot.dedup(RULES, List.of(idleBackfill, idlePrimary)));
    // L9: the GPU busy in backfill drops out of Shared
    Snapshot s = snapshot(List.of(idlePrimary, busyBackfill));
    assertEquals(List.of(), s.realClasses());
    assertEquals(new ClassCount(null, 0, 0), s.realTotal());
  }

  @Test
  void dedupTiesGoToTheFirstRowInLoadOrder() {
    Row drained = row("slot1@a", "g", "Drained", "", Double.NaN, "a", null, null);
    Row idleBackfill = row("backfill2@a", "g", "Unclaimed", "", Double.NaN, "a", null, null);
    assertEquals(List.of(drained), ModelSnapshot.dedup(RULES, List.of(drained, idleBackfill)));
    assertEquals(List.of(idleBackfill), ModelSnapshot.dedup(RULES, List.of(idleBackfill, drained)));
    // L10: the GPU is in Shared only when the primary row was stored first
    assertEquals(
        List.of(new ClassCount(SHARED, 0, 1)),
        snapshot(List.of(drained, idleBackfill)).realClasses());
    assertEquals(List.of(), snapshot(List.of(idleBackfill, drained)).realClasses());
  }

  @Test
  void dedupLeavesASetWithoutRepeatedIdsUnchanged() {
    List<Row> set =
        List.of(
            row("slot1@a", null, "Unclaimed", "", Double.NaN, "a", null, null),
            row("backfill2@a", null, "Claimed", "", 0.1, "a", "u", "j"),
            row("slot1@a", "g1", "Unclaimed", "", Double.NaN, "a", null, null),
            row("slot1@a", "", "Unclaimed", "", Double.NaN, "a", null, null));
    assertSame(set, ModelSnapshot.dedup(RULES, set));
  }

  @Test
  void dedupGroupsNullIdsTogetherOnceAnIdRepeats() {
    Row n1 = row("slot1@a", null, "Unclaimed", "", Double.NaN, "a", null, null);
    Row n2 = row("slot1_1@a", null, "Claimed", "", 0.1, "a", "u", "j");
    Row g1 = row("slot1@a", "g1", "Unclaimed", "", Double.NaN, "a", null, null);
    Row g1b = row("backfill2@a", "g1", "Unclaimed", "", Double.NaN, "a", null, null);
    Row e1 = row("slot1@b", "", "Unclaimed", "", Double.NaN, "b", null, null);
    Row e2 = row("slot1_1@c", "", "Claimed", "", 0.2, "c", "v", "k");
    assertEquals(List.of(n2, g1, e2), ModelSnapshot.dedup(RULES, List.of(n1, n2, g1, g1b, e1, e2)));
  }

  @Test
  void displayOrderIsMachineThenGpuNullFirstTiesInLoadOrder() {
    Row a = row("x1", "g2", "Unclaimed", "", Double.NaN, "m", null, null);
    Row b = row("x2", null, "Unclaimed", "", Double.NaN, "m", null, null);
    Row c = row("x3", "g1", "Unclaimed", "", Double.NaN, null, null, null);
    Row d = row("x4", "g2", "Unclaimed", "", Double.NaN, "m", null, null);
    Row e = row("x5", "g1", "Unclaimed", "", Double.NaN, "M", null, null);
    List<Row> rows = new ArrayList<>(List.of(a, b, c, d, e));
    assertEquals(List.of(c, e, b, a, d), ModelSnapshot.displayOrder(rows));
  }
}
