package io.gpureport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.aggregate.CorrectedReport.ByDevice;
import io.gpureport.aggregate.CorrectedReport.HostTableMode;
import io.gpureport.aggregate.CorrectedReport.SlotRow;
import io.gpureport.aggregate.CorrectedReport.Stat;
import io.gpureport.aggregate.CorrectedReport.Sums;
import io.gpureport.classify.ClassifyRules;
import io.gpureport.classify.RuleSet;
import io.gpureport.classify.RuleSets;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.load.CorrectedSlots;
import io.gpureport.load.CorrectedSlots.Row;
import io.gpureport.load.Timestamps;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariants of the report v2 (CORRECTED §3.1, C6, C11, F3, F7; docs/metrics.md, "Per-bucket
 * sets") as properties over random windows: duplicated GPUs, both slot kinds, every state, blank
 * and set PP and reasons, empty ids, interactive slots, old and NULL devices, several snapshots a
 * bucket and missing buckets. A GPU keeps its device, as CORRECTED F3 assumes.
 */
class CorrectedInvariantsTest {
  static final RuleSet RULES = RuleSets.named("corrected");
  static final long T0 = Timestamps.of(LocalDateTime.of(2025, 11, 3, 0, 0, 5));
  static final String[] STATES = {"Claimed", "Unclaimed", "Drained", "Owner", null};
  static final String[] DEVICES = {
    "NVIDIA H100 80GB HBM3", "NVIDIA L40S", "NVIDIA A40", "NVIDIA H200", "NVIDIA RTX A4000", null
  };
  static final String[] PROJECTS = {"ProjA", "", " ", null, "ProjB"};
  static final String[] REASONS = {null, null, "", "Node maintenance", " "};
  static final String[] MACHINES = {"m1", "m2", "cxiaogpu4000", "m4", "voyles2000"};

  static Stream<Long> seeds() {
    return LongStream.range(1, 41).boxed();
  }

  /** A random window of up to 12 snapshots on five machines, rows in time order. */
  static List<Row> window(long seed) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    int snapshots = 1 + r.nextInt(12);
    int minute = 0;
    for (int s = 0; s < snapshots; s++) {
      minute += r.nextInt(4) == 0 ? 30 : 5 + r.nextInt(10);
      long ts = T0 + minute * 60L * Timestamps.MICROS_PER_SECOND;
      int n = 3 + r.nextInt(25);
      for (int i = 0; i < n; i++) {
        String machine = MACHINES[r.nextInt(MACHINES.length)];
        String kind =
            pick(r, "slot1", "slot1_1", "slot1_2", "backfill2", "backfill2_1", "interactive1");
        String gpu = r.nextInt(15) == 0 ? "" : "GPU-" + r.nextInt(4);
        // one device per machine: the tiers and the host table assume a GPU has one device (F3)
        String device = DEVICES[(machine.hashCode() & 0x7fffffff) % DEVICES.length];
        double memory = r.nextInt(8) == 0 ? Double.NaN : 20000 + r.nextInt(130000);
        rows.add(
            new Row(
                ts,
                kind + "@" + machine,
                gpu,
                STATES[r.nextInt(STATES.length)],
                device,
                memory,
                PROJECTS[r.nextInt(PROJECTS.length)],
                machine,
                pick(r, "ann", "bob", "", null),
                REASONS[r.nextInt(REASONS.length)]));
      }
    }
    return rows;
  }

  static String pick(Random r, String... values) {
    return values[r.nextInt(values.length)];
  }

  static CorrectedReport fold(List<List<Row>> chunks, boolean allDevices) {
    CorrectedFold fold =
        new CorrectedFold(
            RULES.classes(),
            new CorrectedFold.Options(
                true, allDevices, HostTableMode.FULL, List.of("H100", "H200"), 0));
    ClassifyRules rules =
        new ClassifyRules(
            ExclusionLoader.parse("voyles2000: test\n", "test"),
            ChtcOwnedHosts.parse("cxiaogpu4000\n"),
            "");
    for (List<Row> chunk : chunks) {
      fold.add(RULES.classify(CorrectedSlots.table(chunk, true), rules));
    }
    return fold.finish();
  }

  static void assertStat(String where, Stat s) {
    Sums x = s.sums();
    assertTrue(
        x.allocated() + x.drained() + x.prevented() <= x.available(),
        where + ": allocated + drained + prevented > available: " + x);
    assertTrue(x.allocated() >= 0 && x.drained() >= 0 && x.prevented() >= 0, where + ": " + x);
    assertTrue(s.allocatedPercent() <= 100, where + " above 100 %: " + x);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyRowAddsUpAndTotalsAgree(long seed) {
    for (boolean allDevices : new boolean[] {false, true}) {
      CorrectedReport r = fold(List.of(window(seed)), allDevices);
      ByDevice d = (ByDevice) r.tables();
      for (SlotRow row : d.realSlots()) {
        assertStat(row.id(), row.stat());
      }
      Sums total = d.realSlots().get(0).stat().sums();
      assertEquals(total, d.memory().total().sums(), "memory TOTAL = TOTAL");
      d.memory().categories().forEach(c -> assertStat(c.category(), c.stat()));
      d.deviceTypes().forEach(c -> c.devices().forEach(x -> assertStat(x.displayName(), x.stat())));
      Sums flagship = sums(d, "tierFlagship");
      Sums standard = sums(d, "tierStandard");
      assertEquals(sums(d, "openCapacityPrimary"), flagship.plus(standard), "Flagship + Standard");
      CorrectedReport.HostGroup hosts = r.hostTable().orElseThrow().total();
      assertEquals(
          List.of(total.allocated(), total.drained(), total.available()),
          List.of(
              hosts.stat().sums().allocated(),
              hosts.stat().sums().drained(),
              hosts.stat().sums().available()),
          "host TOTAL = TOTAL");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void chunksCutBetweenSnapshotsChangeNothing(long seed) {
    List<Row> rows = window(seed);
    List<List<Row>> chunks = new ArrayList<>();
    Random r = new Random(seed * 31);
    int from = 0;
    for (int i = 1; i <= rows.size(); i++) {
      boolean boundary = i == rows.size() || rows.get(i).timestamp() != rows.get(i - 1).timestamp();
      if (boundary && (i == rows.size() || r.nextBoolean())) {
        chunks.add(rows.subList(from, i));
        from = i;
      }
    }
    assertEquals(fold(List.of(rows), false), fold(chunks, false));
  }

  /** The sums of an F1 row, zero when it is not shown. */
  static Sums sums(ByDevice d, String id) {
    return d.realSlots().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .map(s -> s.stat().sums())
        .orElse(Sums.ZERO);
  }
}
