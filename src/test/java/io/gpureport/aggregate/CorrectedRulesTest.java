package io.gpureport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.aggregate.CorrectedReport.ByDevice;
import io.gpureport.aggregate.CorrectedReport.ClassHours;
import io.gpureport.aggregate.CorrectedReport.HostTableMode;
import io.gpureport.aggregate.CorrectedReport.Stat;
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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small cases that CORRECTED.md states for each rule C1–C16 and F-section (docs/metrics.md,
 * "Rule set corrected"), folded from rows built in memory. Rows are on one machine in one snapshot
 * unless a case says otherwise; every machine named {@code c…} is CHTC-owned.
 */
class CorrectedRulesTest {
  static final RuleSet RULES = RuleSets.named("corrected");
  static final long T1 = Timestamps.of(LocalDateTime.of(2025, 11, 3, 10, 0, 5));

  /** A row built fluently: primary unless its name contains {@code backfill}. */
  record Slot(
      int minute,
      String name,
      String gpu,
      String state,
      String device,
      double memory,
      String pp,
      String owner,
      String reason) {
    Slot at(int m) {
      return new Slot(m, name, gpu, state, device, memory, pp, owner, reason);
    }

    Slot pp(String p) {
      return new Slot(minute, name, gpu, state, device, memory, p, owner, reason);
    }

    Slot owner(String o) {
      return new Slot(minute, name, gpu, state, device, memory, pp, o, reason);
    }

    Slot device(String d, double mib) {
      return new Slot(minute, name, gpu, state, d, mib, pp, owner, reason);
    }

    Slot reason(String r) {
      return new Slot(minute, name, gpu, state, device, memory, pp, owner, r);
    }

    Row row() {
      String machine = name.substring(name.indexOf('@') + 1);
      long ts = T1 + minute * 60L * Timestamps.MICROS_PER_SECOND;
      return new Row(ts, name, gpu, state, device, memory, pp, machine, owner, reason);
    }
  }

  static Slot slot(String name, String gpu, String state) {
    return new Slot(0, name, gpu, state, "NVIDIA L40S", 46068, "", null, null);
  }

  static CorrectedReport fold(List<Slot> slots, CorrectedFold.Options options) {
    List<Row> rows = slots.stream().map(Slot::row).toList();
    ChtcOwnedHosts chtc =
        ChtcOwnedHosts.parse(
            rows.stream()
                .map(Row::machine)
                .filter(m -> m.startsWith("c"))
                .distinct()
                .collect(Collectors.joining("\n")));
    CorrectedFold fold = new CorrectedFold(RULES.classes(), options);
    fold.add(
        RULES.classify(
            CorrectedSlots.table(rows, true), new ClassifyRules(ExclusionMap.empty(), chtc, "")));
    return fold.finish();
  }

  static CorrectedFold.Options options() {
    return new CorrectedFold.Options(
        true, false, HostTableMode.FULL, List.of("H100", "H200", "A100-SXM4-80GB", "A100 80GB"), 0);
  }

  /** A stat as {@code "25.0% 1.0 0.0 4.0 1.0"}: Allocated %, then the four averages. */
  static String text(Stat s) {
    return Numbers.f1(s.allocatedPercent())
        + "% "
        + Numbers.f1(s.allocatedAvg())
        + " "
        + Numbers.f1(s.drainedAvg())
        + " "
        + Numbers.f1(s.availableAvg())
        + " "
        + (s.preventedAvg().isPresent() ? Numbers.f1(s.preventedAvg().getAsDouble()) : "n/a");
  }

  /** The shown F1 rows by id. */
  static Map<String, String> rows(CorrectedReport r) {
    return ((ByDevice) r.tables())
        .realSlots().stream()
            .collect(Collectors.toMap(CorrectedReport.SlotRow::id, s -> text(s.stat())));
  }

  /** Asserts F1 rows by id; an expected value of {@code null} means the row is not shown. */
  static Consumer<CorrectedReport> f1(String... idAndText) {
    return r -> {
      Map<String, String> shown = rows(r);
      for (int i = 0; i < idAndText.length; i += 2) {
        assertEquals(idAndText[i + 1], shown.get(idAndText[i]), idAndText[i] + " in " + shown);
      }
    };
  }

  static String users(List<ClassHours> table) {
    List<String> out = new ArrayList<>();
    for (ClassHours c : table) {
      for (CorrectedReport.UserHours u : c.users()) {
        out.add(c.className() + ":" + u.user() + "=" + Numbers.f2(u.gpuHours()));
      }
    }
    return String.join(",", out);
  }

  static Arguments rule(String name, List<Slot> slots, Consumer<CorrectedReport> check) {
    return Arguments.of(Named.of(name, slots), check);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        rule(
            "C1.1 idle primary + claimed backfill: owner's capacity, busy in TOTAL",
            List.of(
                slot("slot1@r", "g", "Unclaimed").pp("ProjA"),
                slot("backfill2_1@r", "g", "Claimed").pp("ProjA").owner("eve")),
            f1(
                "researcherOwned", "0.0% 0.0 0.0 1.0 0.0",
                "backfillResearcherOwned", "100.0% 1.0 0.0 1.0 0.0",
                "total", "100.0% 1.0 0.0 1.0 0.0")),
        rule(
            "C1.2 a Drained primary stored after an Unclaimed backfill row is drained",
            List.of(
                slot("backfill2@r", "g", "Unclaimed").pp("ProjA"),
                slot("slot1@r", "g", "Drained").pp("ProjA")),
            f1("researcherOwned", "0.0% 0.0 1.0 1.0 0.0")),
        rule(
            "C1.3 equal ranks: the smallest Name is kept",
            List.of(
                slot("slot1_2@r", "g", "Claimed")
                    .pp("ProjA")
                    .owner("bob")
                    .device("NVIDIA H200", 143771),
                slot("slot1_1@r", "g", "Claimed")
                    .pp("ProjA")
                    .owner("ann")
                    .device("NVIDIA H200", 143771)),
            r ->
                assertEquals(
                    "Priority-ResearcherOwned:ann=0.25",
                    users(((ByDevice) r.tables()).h200Users()))),
        rule(
            "C1.4 one id on two machines is two GPUs",
            List.of(slot("slot1@m1", "GPU-0", "Unclaimed"), slot("slot1@m2", "GPU-0", "Unclaimed")),
            f1("openCapacityPrimary", "0.0% 0.0 0.0 2.0 0.0")),
        rule(
            "C2 an empty id is no GPU",
            List.of(
                slot("slot1@r", "g", "Unclaimed").pp("ProjA"),
                slot("backfill2@r", "", "Unclaimed").pp("ProjA")),
            f1("prioritizedSecondary", null, "researcherOwned", "0.0% 0.0 0.0 1.0 0.0")),
        rule(
            "C3 NULL and whitespace PP are open capacity",
            List.of(
                slot("slot1@o", "g1", "Unclaimed").pp(null),
                slot("slot1@o", "g2", "Claimed").pp(" ")),
            f1("openCapacityPrimary", "50.0% 1.0 0.0 2.0 0.0", "researcherOwned", null)),
        rule(
            "C4 an interactive open-capacity slot is in no class, but keeps its machine active",
            List.of(
                slot("slot1@o", "g1", "Unclaimed"),
                slot("interactive1@o", "g2", "Claimed").owner("carol")),
            r -> {
              f1("openCapacityPrimary", "0.0% 0.0 0.0 1.0 0.0").accept(r);
              assertTrue(r.zeroActive().machines().isEmpty(), "o has an active GPU");
            }),
        rule(
            "C4 an interactive slot with PP is prioritized; a CHTC machine without PP is open",
            List.of(
                slot("interactive1@r", "g1", "Unclaimed").pp("ProjA"),
                slot("slot1@cxiaogpu4000", "g2", "Unclaimed")),
            f1(
                "researcherOwned",
                "0.0% 0.0 0.0 1.0 0.0",
                "openCapacityPrimary",
                "0.0% 0.0 0.0 1.0 0.0")),
        rule(
            "C5.1 a researcher machine's backfill is researcher-owned whatever its own PP",
            List.of(
                slot("slot1@r", "g", "Unclaimed").pp("ProjA"),
                slot("backfill2@r", "g", "Unclaimed")),
            f1("backfillResearcherOwned", "0.0% 0.0 0.0 1.0 0.0", "openCapacitySecondary", null)),
        rule(
            "C5.2/3 an open machine's backfill is open capacity (NULL PP on both)",
            List.of(
                slot("slot1@o", "g", "Unclaimed").pp(null),
                slot("backfill2_1@o", "g", "Claimed").pp(null).owner("eve")),
            f1("openCapacitySecondary", "100.0% 1.0 0.0 1.0 0.0", "prioritizedSecondary", null)),
        rule(
            "C5.4 no primary row for the key: a prioritized CHTC machine's backfill is class 5",
            List.of(
                slot("slot1@cm", "g1", "Unclaimed").pp("ProjC"),
                slot("backfill2@cm", "g2", "Unclaimed")),
            f1(
                "backfillResearcherReserved",
                "0.0% 0.0 0.0 1.0 0.0",
                "openCapacitySecondary",
                null)),
        rule(
            "C5.4 no primary row for the key: an unprioritized CHTC machine's backfill is class 6",
            List.of(slot("slot1@cm", "g1", "Unclaimed"), slot("backfill2@cm", "g2", "Unclaimed")),
            f1("openCapacitySecondary", "0.0% 0.0 0.0 1.0 0.0", "prioritizedSecondary", null)),
        rule(
            "C5 the machine decides at the window's end: PP seen only in a later bucket",
            List.of(
                slot("backfill2@r", "g2", "Unclaimed").pp("ProjA"),
                slot("slot1@r", "g1", "Unclaimed").pp("ProjA").at(15)),
            f1("backfillResearcherOwned", "0.0% 0.0 0.0 0.5 0.0", "openCapacitySecondary", null)),
        rule(
            "C6 Drained and Claimed in one bucket is allocated only; Owner is idle",
            List.of(
                slot("slot1@o", "g1", "Drained"),
                slot("slot1@o", "g2", "Owner"),
                slot("slot1@o", "g1", "Claimed").at(5),
                slot("slot1@o", "g2", "Owner").at(5)),
            f1("openCapacityPrimary", "50.0% 1.0 0.0 2.0 0.0")),
        rule(
            "C7 ratio of sums: 1/2 and 0/1 is 33.3%",
            List.of(
                slot("slot1@o", "g1", "Claimed"),
                slot("slot1@o", "g2", "Unclaimed"),
                slot("slot1@o", "g1", "Unclaimed").at(15)),
            f1("openCapacityPrimary", "33.3% 0.5 0.0 1.5 0.0")),
        rule(
            "C8 drained in both buckets: Drained 1.0, never Allocated, in class, memory and TOTAL",
            List.of(slot("slot1@o", "g", "Drained"), slot("slot1@o", "g", "Drained").at(15)),
            r -> {
              f1("openCapacityPrimary", "0.0% 0.0 1.0 1.0 0.0", "total", "0.0% 0.0 1.0 1.0 0.0")
                  .accept(r);
              ByDevice d = (ByDevice) r.tables();
              assertEquals("0.0% 0.0 1.0 1.0 0.0", text(d.memory().categories().get(0).stat()));
              assertEquals(
                  "0.0% 0.0 1.0 1.0 0.0", text(d.deviceTypes().get(0).devices().get(0).stat()));
            }),
        rule(
            "C9.1 an idle GPU with a reason in both buckets is prevented",
            List.of(
                slot("slot1@o", "g", "Unclaimed").reason("Node maintenance"),
                slot("slot1@o", "g", "Unclaimed").reason("Node maintenance").at(15)),
            f1("openCapacityPrimary", "0.0% 0.0 0.0 1.0 1.0", "total", "0.0% 0.0 0.0 1.0 1.0")),
        rule(
            "C9.2 a claimed backfill row makes it busy, not prevented",
            List.of(
                slot("slot1@o", "g", "Unclaimed").reason("Node maintenance"),
                slot("backfill2_1@o", "g", "Claimed").owner("eve").reason("Node maintenance"),
                slot("slot1@o", "g", "Unclaimed").reason("Node maintenance").at(15)),
            f1(
                "openCapacityPrimary", "0.0% 0.0 0.0 1.0 0.5",
                "openCapacitySecondary", "100.0% 0.5 0.0 0.5 0.0",
                "total", "50.0% 0.5 0.0 1.0 0.5")),
        rule(
            "C9.3 drained with a reason is drained only",
            List.of(slot("slot1@o", "g", "Drained").reason("x")),
            f1("openCapacityPrimary", "0.0% 0.0 1.0 1.0 0.0")),
        rule(
            "C10 A40 and P100 are old, RTX A4000 is not, NULL is Unknown",
            List.of(
                slot("slot1@o", "g1", "Unclaimed").device("NVIDIA A40", 46068),
                slot("slot1@o", "g2", "Unclaimed").device("Tesla P100-PCIE-16GB", 16384),
                slot("slot1@o", "g3", "Unclaimed").device("NVIDIA RTX A4000", 16376),
                slot("slot1@o", "g4", "Unclaimed").device(null, Double.NaN)),
            r -> {
              f1("openCapacityPrimary", "0.0% 0.0 0.0 2.0 0.0").accept(r);
              List<String> devices =
                  ((ByDevice) r.tables())
                      .deviceTypes().get(0).devices().stream()
                          .map(CorrectedReport.DeviceRow::displayName)
                          .toList();
              assertEquals(List.of("NVIDIA RTX A4000", "Unknown"), devices);
              assertEquals(
                  List.of("A40 1.0", "Tesla P100 16GB 1.0"),
                  r.filteredModels().stream()
                      .map(m -> m.displayName() + " " + Numbers.f1(m.availableAvg()))
                      .toList());
            }),
        rule(
            "C11 memory per snapshot, union in the TOTAL",
            List.of(
                slot("slot1@o", "g", "Unclaimed").device("NVIDIA H100 80GB HBM3", 81920),
                slot("slot1@o", "g", "Unclaimed")
                    .device("NVIDIA H100 80GB HBM3", Double.NaN)
                    .at(5)),
            r -> {
              CorrectedReport.MemoryRows m = ((ByDevice) r.tables()).memory();
              assertEquals(
                  List.of("80GB 1.0", "Unknown 1.0"),
                  m.categories().stream()
                      .map(c -> c.category() + " " + Numbers.f1(c.stat().availableAvg()))
                      .toList());
              assertEquals("0.0% 0.0 0.0 1.0 0.0", text(m.total()));
            }),
        rule(
            "C12 idle primary claimed in backfill: Primary 0 %, Secondary and totals 100 %",
            List.of(
                slot("slot1@r", "g", "Unclaimed").pp("ProjA"),
                slot("backfill2_1@r", "g", "Claimed").pp("ProjA").owner("eve"),
                slot("slot1@r", "g", "Unclaimed").pp("ProjA").at(15),
                slot("backfill2_1@r", "g", "Claimed").pp("ProjA").owner("eve").at(15)),
            f1(
                "prioritizedPrimary", "0.0% 0.0 0.0 1.0 0.0",
                "prioritizedSecondary", "100.0% 1.0 0.0 1.0 0.0",
                "prioritized", "100.0% 1.0 0.0 1.0 0.0",
                "total", "100.0% 1.0 0.0 1.0 0.0")),
        rule(
            "C14 GPU-hours are measured: two GPUs in four buckets are 2.00",
            Stream.of(0, 15, 30, 45)
                .flatMap(
                    m ->
                        Stream.of(
                            slot("slot1_1@r", "g1", "Claimed")
                                .pp("ProjA")
                                .owner("ann")
                                .device("NVIDIA H200", 143771)
                                .at(m),
                            slot("slot1_2@r", "g2", "Claimed")
                                .pp("ProjA")
                                .owner(null)
                                .device("NVIDIA H200", 143771)
                                .at(m)))
                .toList(),
            r ->
                assertEquals(
                    "Priority-ResearcherOwned:Unknown=1.00,Priority-ResearcherOwned:ann=1.00",
                    users(((ByDevice) r.tables()).h200Users()))),
        rule(
            "F5 drained at 10:00, 10:15 and 10:45: two intervals, 0.50 hours",
            List.of(
                slot("slot1@o", "g", "Drained"),
                slot("slot1@o", "g", "Drained").at(15),
                slot("slot1@o", "g", "Drained").at(45)),
            r -> {
              assertEquals(2, r.draining().intervalCount());
              assertEquals("0.50", Numbers.f2(r.draining().hours()));
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rule(List<Slot> slots, Consumer<CorrectedReport> check) {
    check.accept(fold(slots, options()));
  }

  @ParameterizedTest(name = "C16 time series summary is a ratio of sums ({0})")
  @MethodSource("seriesCases")
  void timeSeriesSummary(String expected, List<Slot> slots) {
    CorrectedFold fold =
        new CorrectedFold(RULES.classes(), CorrectedFold.Options.timeSeries(15, false));
    fold.add(
        RULES.classify(
            CorrectedSlots.table(slots.stream().map(Slot::row).toList(), true),
            new ClassifyRules(ExclusionMap.empty(), ChtcOwnedHosts.none(), "")));
    TimeSeries t = fold.timeSeries();
    assertEquals(expected, Numbers.f1(t.summary().get(1).stat().allocatedPercent()));
    assertFalse(t.buckets().isEmpty());
  }

  static Stream<Arguments> seriesCases() {
    return Stream.of(
        // buckets 0/0 and 1/2 of Shared: the reference's mean of ratios is 25.0
        Arguments.of(
            "50.0",
            List.of(
                slot("slot1@r", "g9", "Unclaimed").pp("ProjA"),
                slot("slot1@o", "g1", "Claimed").at(15),
                slot("slot1@o", "g2", "Unclaimed").at(15))));
  }
}
