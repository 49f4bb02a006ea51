package io.gpureport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.TestDb;
import io.gpureport.aggregate.Stat;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.load.Timestamps;
import io.gpureport.render.Numbers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three backends of decision record 0001 (and the variants the benchmark runs) compute the same
 * device statistics: on a generated day of sample data and on a hand-made file with the edge cases
 * of SEMANTICS §5–§7 (NULL vs "" ids and projects, rank ties in both storage orders, L9, L4, an
 * excluded host sharing the id "", a NULL machine, old-model and NULL devices).
 *
 * <p>All backends must agree exactly, raw doubles included, except idiomatic Tablesaw's
 * allocatedPercent: its {@code mean} is commons-math {@code StatUtils.mean} (sum/n plus a
 * correction term), which can differ from the left-to-right sum/n of §7.12 in the last bits (up to
 * 16 ulp on a week of sample data). Those values must still render identically with one decimal and
 * agree to a relative 1e-12.
 */
class BackendsAgreeTest {
  private static final BenchInputs.Rules RULES = BenchInputs.Rules.shipped(Path.of("."));
  private static final Backend REFERENCE = new HandRolledBackend(RULES, 2);
  private static final List<Backend> OTHERS =
      List.of(
          new HandRolledBackend(RULES, 1),
          new SqlPushdownBackend(RULES),
          new SqlPushdownBackend(RULES, SqlPushdownBackend.Variant.ONE_PASS),
          new IdiomaticTablesawBackend(RULES));

  @TempDir static Path dir;

  private static Path sample;
  private static Path edge;

  @BeforeAll
  static void data() throws Exception {
    sample = dir.resolve("sample");
    CliResult r =
        Cli.run(
            "sample",
            "--out",
            sample.toString(),
            "--days",
            "1",
            "--seed",
            "3",
            "--start",
            "2025-10-30");
    assertEquals(0, r.exitCode(), r.err());
    edge = edgeCases(dir.resolve("edge.db"));
  }

  @Test
  void sampleDay() {
    long end = BenchInputs.defaultEnd(sample);
    BackendResult expected = assertAllAgree(sample, BenchInputs.startOf(end, 24), end);
    assertTrue(expected.buckets() >= 90, "a day of 15-minute buckets");
    assertTrue(expected.stats().size() >= 10, "entries in several classes");
    assertTrue(expected.stats().keySet().stream().anyMatch(c -> c.slotClass() == 2), "CHTC class");
    assertFalse(
        expected.stats().keySet().stream().anyMatch(c -> c.device().contains("A40")), "old models");
  }

  @Test
  void sampleLastSnapshot() {
    long end = BenchInputs.defaultEnd(sample);
    assertEquals(1, assertAllAgree(sample, end, end).buckets());
  }

  @Test
  void edgeCases() {
    BackendResult expected =
        assertAllAgree(
            edge, parse("2025-10-01 09:00:00.000000"), parse("2025-10-01 10:50:00.000000"));
    assertEquals(4, expected.buckets(), "a bucket with only an excluded host still counts");
    // Spot checks against SEMANTICS: L4 (CHTC machine with "" projects is Open Capacity), the
    // id "" counts once, NULL machine is researcher-owned, lower-case "a40" is not an old model.
    Map<Cell, Stat> s = expected.stats();
    assertTrue(s.containsKey(new Cell(3, "NVIDIA L40S")), s.keySet().toString());
    assertTrue(s.containsKey(new Cell(1, "nvidia a40")), s.keySet().toString());
    assertFalse(s.keySet().stream().anyMatch(c -> c.device().equals("NVIDIA RTX A4000")));
    assertEquals(1.0 / 4, s.get(new Cell(3, "NVIDIA A100-SXM4-80GB")).availableAvg());
    assertEquals(1.0 / 4, s.get(new Cell(6, "NVIDIA A100-SXM4-80GB")).availableAvg());
    // class 1 H100: {a1 claimed, a3 (t1 tie won by the primary row)}, then {a1, a5 claimed} (t2
    // tie won by the backfill row), then {e1, a4 claimed, a1 NULL state}: (50 + 100 + 66.7) / 3.
    // Reversed tie order would give (100 + 66.7 + 66.7) / 3.
    Stat h100 = s.get(new Cell(1, "NVIDIA H100 80GB HBM3"));
    assertEquals(
        ((1.0 / 2) * 100 + (2.0 / 2) * 100 + (2.0 / 3) * 100) / 3, h100.allocatedPercent());
    assertEquals(7.0 / 4, h100.availableAvg());
    assertAllAgree(edge, parse("2025-10-01 10:35:00.000000"), parse("2025-10-01 10:35:00.000000"));
  }

  private static BackendResult assertAllAgree(Path data, long start, long end) {
    BackendResult expected = REFERENCE.compute(data, start, end);
    assertFalse(expected.stats().isEmpty());
    for (Backend b : OTHERS) {
      BackendResult actual = b.compute(data, start, end);
      String who = b.name() + " on " + data.getFileName();
      assertEquals(expected.loadedRows(), actual.loadedRows(), who + ": rows");
      assertEquals(expected.buckets(), actual.buckets(), who + ": N_all");
      assertEquals(expected.stats().keySet(), actual.stats().keySet(), who + ": entries");
      for (Map.Entry<Cell, Stat> e : expected.stats().entrySet()) {
        Stat x = e.getValue();
        Stat y = actual.stats().get(e.getKey());
        String where = who + " " + e.getKey();
        assertEquals(x.allocatedAvg(), y.allocatedAvg(), 0.0, where + " allocatedAvg");
        assertEquals(x.availableAvg(), y.availableAvg(), 0.0, where + " availableAvg");
        assertEquals(Numbers.f1(x.allocatedPercent()), Numbers.f1(y.allocatedPercent()), where);
        if (b instanceof IdiomaticTablesawBackend) {
          // float noise only: a semantic difference moves a mean of percentages by >> 1e-12
          double tolerance = 1e-12 * Math.abs(x.allocatedPercent());
          assertEquals(x.allocatedPercent(), y.allocatedPercent(), tolerance, where);
        } else {
          assertEquals(
              x.allocatedPercent(), y.allocatedPercent(), 0.0, where + " allocatedPercent");
        }
      }
    }
    return expected;
  }

  private static long parse(String ts) {
    return Timestamps.parseStored(ts);
  }

  /** A hand-made file: rows in storage order; see the class comment. */
  private static Path edgeCases(Path file) throws Exception {
    String t1 = "2025-10-01 10:00:01.000001";
    String t1b = "2025-10-01 10:05:00.500000"; // same bucket as t1: counts are unions of ids
    String t2 = "2025-10-01 10:20:00.000000";
    String t3 = "2025-10-01 10:35:00.000000";
    String t4 = "2025-10-01 10:50:00.000000"; // only an excluded host
    String a = "researchgpu4000.chtc.wisc.edu";
    String b = "blengerichgpu4000.chtc.wisc.edu"; // CHTC-owned
    String c = "opengpu4000.chtc.wisc.edu";
    String d = "VOYLES2000.chtc.wisc.edu"; // excluded (case-insensitive)
    String h100 = "NVIDIA H100 80GB HBM3";
    String l40s = "NVIDIA L40S";
    String a100 = "NVIDIA A100-SXM4-80GB";
    return new TestDb()
        // t1, host a: claimed d-slot beats its p-slot; claimed backfill beats idle primary (L9)
        .row("slot1@" + a, "GPU-a1", "Unclaimed", h100, "projA", a, null, t1)
        .row("slot1_1@" + a, "GPU-a1", "Claimed", h100, "projA", a, "u@x", t1)
        .row("slot1@" + a, "GPU-a2", "Unclaimed", h100, "projA", a, null, t1)
        .row("backfill1_1@" + a, "GPU-a2", "Claimed", h100, "projA", a, "v@x", t1)
        .row("slot1@" + a, null, "Unclaimed", h100, "projA", a, null, t1)
        // rank-0 tie, primary stored first: the primary row wins (L10)
        .row("slot1@" + a, "GPU-a3", "Drained", h100, "projA", a, null, t1)
        .row("backfill1@" + a, "GPU-a3", "Unclaimed", h100, "projA", a, null, t1)
        // host b (CHTC): NULL projects is prioritized for primary, class 5 for backfill (L3)
        .row("slot1@" + b, "GPU-b1", "Unclaimed", l40s, null, b, null, t1)
        .row("backfill1@" + b, "GPU-b1", "Unclaimed", l40s, null, b, null, t1)
        // host c: the id "" counts as a GPU (L12); backfill NULL projects → Open Capacity
        .row("slot1@" + c, "", "Unclaimed", a100, "", c, null, t1)
        .row("backfill1@" + c, "", "Unclaimed", a100, null, c, null, t1)
        // excluded host d shares the id "" and would win its dedup group if it were not excluded
        .row("slot1@" + d, "", "Claimed", a100, "", d, "w@x", t1)
        // old model by case-sensitive substring (A40 in "RTX A4000"), a lower-case a40, NULL device
        .row("slot1@f", "GPU-f1", "Claimed", "NVIDIA RTX A4000", "p", "f", "u@x", t1)
        .row("slot1@g", "GPU-g1", "Claimed", "nvidia a40", "p", "g", "u@x", t1)
        .row("slot1@h", "GPU-h1", "Claimed", null, "p", "h", "u@x", t1)
        .row("slot1_1@" + a, "GPU-a1", "Claimed", h100, "projA", a, "u@x", t1b)
        // t2, next bucket: rank-0 tie with the backfill row stored first (L10)
        .row("backfill1@" + a, "GPU-a3", "Unclaimed", h100, "projA", a, null, t2)
        .row("slot1@" + a, "GPU-a3", "Drained", h100, "projA", a, null, t2)
        .row("slot1@" + a, "GPU-a1", "Claimed", h100, "projA", a, "u@x", t2)
        .row("slot1_2@" + a, "GPU-a5", "Claimed", h100, "projA", a, "u@x", t2)
        // t3: L4 (CHTC machine, "" projects, primary → Open Capacity), NULL machine, NULL state,
        // NULL name (primary), backfill with projects → class 4 using the id ""
        .row("slot1@" + b, "GPU-b2", "Claimed", l40s, "", b, "u@x", t3)
        .row("slot1@e", "GPU-e1", "Claimed", h100, "p", null, "u@x", t3)
        .row("slot1@" + a, "GPU-a1", null, h100, "projA", a, null, t3)
        .row(null, "GPU-a4", "Claimed", h100, "projA", a, "u@x", t3)
        .row("backfill2@" + c, "", "Claimed", a100, "x", c, "v@x", t3)
        // t4: only the excluded host
        .row("slot1@" + d, "GPU-d1", "Claimed", a100, "", d, "w@x", t4)
        .write(file);
  }
}
