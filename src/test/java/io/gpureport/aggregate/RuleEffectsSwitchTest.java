package io.gpureport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.classify.ClassifyRules;
import io.gpureport.classify.RuleSet;
import io.gpureport.classify.RuleSets;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionMap;
import io.gpureport.load.CorrectedSlots;
import io.gpureport.load.CorrectedSlots.Row;
import io.gpureport.load.Timestamps;
import io.gpureport.render.Numbers;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each switch of the rule effects on a tiny case made for it (CORRECTED.md §10.1): that rule alone
 * moves exactly the rows its change says, by the numbers worked out by hand, and every other rule
 * alone moves nothing. Rows are in one snapshot ({@code T1}, so N = 1) unless a case says
 * otherwise; machines named {@code c…} are CHTC-owned; the device is the L40S unless given.
 */
class RuleEffectsSwitchTest {
  private static final RuleSet RULES = RuleSets.named("corrected");
  private static final long T1 = Timestamps.of(LocalDateTime.of(2025, 11, 3, 10, 0, 5));
  private static final String L40S = "NVIDIA L40S";
  private static final String A100 = "NVIDIA A100-SXM4-80GB";

  private static final String REAL = "Real Slots TOTAL";
  private static final String PRIORITIZED = "Prioritized (Researcher Owned)";
  private static final String OPEN = "Open Capacity";
  private static final String BACKFILL = "Backfill Slots TOTAL";
  private static final String BACKFILL_RESEARCHER = "Backfill (Researcher Owned)";
  private static final String BACKFILL_OPEN = "Backfill (Open Capacity)";

  /** A row at {@code minute} after T1; the machine is the part of the name after {@code @}. */
  static Row row(int minute, String name, String gpu, String state, String device, String pp) {
    String machine = name.substring(name.indexOf('@') + 1);
    long ts = T1 + minute * 60L * Timestamps.MICROS_PER_SECOND;
    return new Row(ts, name, gpu, state, device, 46068, pp, machine, null, null);
  }

  static Row row(String name, String gpu, String state, String pp) {
    return row(0, name, gpu, state, L40S, pp);
  }

  static RuleEffectsFold fold(List<Row> rows) {
    ChtcOwnedHosts chtc =
        ChtcOwnedHosts.parse(
            rows.stream()
                .map(Row::machine)
                .filter(m -> m.startsWith("c"))
                .distinct()
                .collect(Collectors.joining("\n")));
    RuleEffectsFold fold = new RuleEffectsFold(false);
    fold.add(
        RULES.classify(
            CorrectedSlots.table(rows, true), new ClassifyRules(ExclusionMap.empty(), chtc, "")));
    return fold;
  }

  /** The rows that a block moves, as {@code label → "Δ% ΔAllocated ΔAvailable"}. */
  static Map<String, String> moved(RuleEffects.SlotRows reference, RuleEffects.SlotRows with) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int k = 0; k < reference.lines().size(); k++) {
      Stat r = reference.lines().get(k).stat();
      Stat w = with.lines().get(k).stat();
      String d =
          sgn(w.allocatedPercent() - r.allocatedPercent())
              + " "
              + sgn(w.allocatedAvg() - r.allocatedAvg())
              + " "
              + sgn(w.availableAvg() - r.availableAvg());
      if (!d.equals("+0.0 +0.0 +0.0")) {
        out.put(reference.lines().get(k).label(), d);
      }
    }
    return out;
  }

  static String sgn(double x) {
    String s = Numbers.f1(x);
    return s.startsWith("-") ? s : "+" + s;
  }

  static Arguments switchCase(RuleSwitch rule, List<Row> rows, String... labelAndDelta) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < labelAndDelta.length; i += 2) {
      expected.put(labelAndDelta[i], labelAndDelta[i + 1]);
    }
    return Arguments.of(rule, rows, expected);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // L9: the claimed backfill row hides GPU-1's idle primary row; C1 ranks it below
        switchCase(
            RuleSwitch.C1,
            List.of(
                row("slot1@r", "GPU-1", "Unclaimed", "ProjA"),
                row("backfill2_1@r", "GPU-1", "Claimed", "ProjA"),
                row("slot1@r", "GPU-2", "Unclaimed", "ProjA"),
                row("slot1_1@r", "GPU-2", "Claimed", "ProjA")),
            REAL,
            "-50.0 +0.0 +1.0",
            PRIORITIZED,
            "-50.0 +0.0 +1.0"),
        // L12: the empty id of a backfill p-slot counts as a GPU; C2 drops it
        switchCase(
            RuleSwitch.C2,
            List.of(
                row("slot1_1@r", "GPU-9", "Claimed", "ProjA"),
                row("backfill2@r", "", "Unclaimed", "ProjA"),
                row("backfill2_1@r", "GPU-2", "Claimed", "ProjA")),
            BACKFILL,
            "+50.0 +0.0 -1.0",
            BACKFILL_RESEARCHER,
            "+50.0 +0.0 -1.0"),
        // L3: NULL and whitespace PP are prioritized; C3 makes them Open Capacity
        switchCase(
            RuleSwitch.C3,
            List.of(
                row("slot1_1@m", "GPU-1", "Claimed", null),
                row("slot1@m", "GPU-2", "Unclaimed", " ")),
            PRIORITIZED,
            "-50.0 -1.0 -2.0",
            OPEN,
            "+50.0 +1.0 +2.0"),
        // C4: an interactive slot with empty PP leaves Open Capacity
        switchCase(
            RuleSwitch.C4,
            List.of(
                row("interactive1@m", "GPU-1", "Claimed", ""),
                row("slot1@m", "GPU-2", "Unclaimed", "")),
            REAL,
            "-50.0 -1.0 -1.0",
            OPEN,
            "-50.0 -1.0 -1.0"),
        // L5: a researcher machine's backfill slots advertise PP ""; C5 follows the machine
        switchCase(
            RuleSwitch.C5,
            List.of(
                row("slot1@r", "GPU-1", "Unclaimed", "ProjA"),
                row("backfill2@r", "GPU-1", "Unclaimed", ""),
                row("backfill2_1@r", "GPU-3", "Claimed", "")),
            BACKFILL_RESEARCHER,
            "+50.0 +1.0 +2.0",
            BACKFILL_OPEN,
            "-50.0 -1.0 -2.0"),
        // the same id on two machines is one GPU; C6 counts keys
        switchCase(
            RuleSwitch.C6,
            List.of(
                row("backfill2@m1", "GPU-0", "Unclaimed", ""),
                row("backfill2_1@m2", "GPU-0", "Claimed", "")),
            BACKFILL,
            "-50.0 +0.0 +1.0",
            BACKFILL_OPEN,
            "-50.0 +0.0 +1.0"),
        // L8: NULL devices never count and RTX A4000 matches "A40"; C10 keeps both
        switchCase(
            RuleSwitch.C10,
            List.of(
                row(0, "slot1_1@m", "GPU-1", "Claimed", null, ""),
                row(0, "slot1@m", "GPU-2", "Unclaimed", "NVIDIA RTX A4000", "")),
            REAL,
            "+50.0 +1.0 +2.0",
            OPEN,
            "+50.0 +1.0 +2.0"),
        // L11: one id in two classes (two devices) is summed twice; C11 counts the union
        switchCase(
            RuleSwitch.C11,
            List.of(
                row(0, "slot1_1@r", "GPU-0", "Claimed", A100, "ProjA"),
                row(0, "slot1@m", "GPU-0", "Unclaimed", L40S, "")),
            REAL,
            "+50.0 +0.0 -1.0"),
        // two snapshots of one bucket: GPU-1 idle in both, in backfill at the second; C12: busy
        switchCase(
            RuleSwitch.C12,
            List.of(
                row(0, "slot1@r", "GPU-1", "Unclaimed", L40S, "ProjA"),
                row(5, "slot1@r", "GPU-1", "Unclaimed", L40S, "ProjA"),
                row(5, "backfill2_1@r", "GPU-1", "Claimed", L40S, "ProjA")),
            REAL,
            "+100.0 +1.0 +0.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleMovesOnlyItsRows(RuleSwitch rule, List<Row> rows, Map<String, String> expected) {
    RuleEffectsFold fold = fold(rows);
    RuleEffects.SlotRows reference = fold.rows(RuleSwitches.none());
    for (RuleSwitch r : RuleSwitch.values()) {
      if (r != RuleSwitch.C7) {
        assertEquals(
            r == rule ? expected : Map.of(),
            moved(reference, fold.rows(RuleSwitches.only(r))),
            r + " alone");
      }
    }
  }

  /**
   * C7 computes the class rows from the integer sums over all devices, which the reference's sums
   * of averages equal but for rounding: per-device 1/1 and 0/2 over N = 3 buckets.
   */
  @Test
  void ratioOfSumsChangesOnlyTheFloatingPointForm() {
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < 45; m += 15) {
      rows.add(row(m, "slot1_1@m", "GPU-1", "Claimed", A100, ""));
      rows.add(row(m, "slot1@m", "GPU-2", "Unclaimed", L40S, ""));
      rows.add(row(m, "slot1@m", "GPU-3", "Unclaimed", L40S, ""));
    }
    RuleEffectsFold fold = fold(rows);
    RuleEffects.SlotRows reference = fold.rows(RuleSwitches.none());
    RuleEffects.SlotRows c7 = fold.rows(RuleSwitches.only(RuleSwitch.C7));
    assertEquals(Map.of(), moved(reference, c7));
    Stat open = c7.lines().get(3).stat();
    assertEquals(new Stat(((double) 3 / 9) * 100, 3 / 3.0, 9 / 3.0), open);
    assertEquals(open, c7.lines().get(0).stat());
    Stat ref = reference.lines().get(3).stat();
    assertEquals(Stat.ofSums(3 / 3.0, 3 / 3.0 + 6 / 3.0), ref);
  }

  /**
   * C5: a machine whose first snapshot has a backfill row without a primary row and whose
   * prioritized primary row comes later: the first fold takes the row as Open Capacity and asks for
   * a second pass, which knows the machine and puts it under Researcher Owned.
   */
  @Test
  void backfillOwnershipOfAMachinePrioritizedLaterTakesASecondPass() {
    List<Row> rows =
        List.of(
            row(0, "backfill2_1@r", "GPU-1", "Claimed", L40S, ""),
            row(15, "slot1@r", "GPU-2", "Unclaimed", L40S, "ProjA"));
    RuleEffectsFold first = fold(rows);
    assertTrue(first.secondPass().isPresent());
    RuleEffectsFold second = first.secondPass().get();
    second.add(
        RULES.classify(
            CorrectedSlots.table(rows, true),
            new ClassifyRules(ExclusionMap.empty(), ChtcOwnedHosts.none(), "")));
    assertTrue(second.secondPass().isEmpty());
    RuleEffects.SlotRows reference = second.rows(RuleSwitches.none());
    assertEquals(
        Map.of(BACKFILL_RESEARCHER, "+100.0 +0.5 +0.5", BACKFILL_OPEN, "-100.0 -0.5 -0.5"),
        moved(reference, second.rows(RuleSwitches.only(RuleSwitch.C5))));
    assertEquals(
        Map.of(),
        moved(reference, first.rows(RuleSwitches.only(RuleSwitch.C5))),
        "the first pass takes r as not prioritized: Open Capacity, as the reference");
  }
}
