package io.gpureport.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.config.ExclusionMap;
import io.gpureport.load.InMemorySlots;
import io.gpureport.load.InMemorySlots.Slot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code reference} rule set on rows classified in memory: class indices, legacy class and rank
 * per row (docs/metrics.md, "Classes", "Rank"), and its catalogue.
 */
class ReferenceRulesTest {
  private static final RuleSet RULES = RuleSets.named("reference");
  private static final ClassCatalogue CLASSES = RULES.classes();
  private static final long T = 1_000_000L;

  private static ClassifiedRows classify(List<Slot> slots, String exclusions, String host) {
    ExclusionMap ex = ExclusionLoader.parse(exclusions, "test");
    ChtcOwnedHosts chtc = ChtcOwnedHosts.parse("chtc1\n");
    return RULES.classify(InMemorySlots.table(T, slots), new ClassifyRules(ex, chtc, host));
  }

  private static Slot slot(String name, String state, String pp, String machine) {
    return new Slot(name, "GPU-1", state, "NVIDIA L40S", 46068, pp, machine, null);
  }

  private static int reportingIndex(String internalName) {
    return CLASSES.classes().stream()
        .filter(c -> c.internalName().equals(internalName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no class " + internalName))
        .index();
  }

  private static int legacyIndex(String printedName) {
    return CLASSES.legacyClasses().stream()
        .filter(c -> c.printedName().equals(printedName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no legacy class " + printedName))
        .index();
  }

  @ParameterizedTest(name = "{0} PP={1} chtc={2} {3} -> {4} / {5} / {6} / rank {7}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "slot1@m, ProjA, false, Claimed, Priority-ResearcherOwned, Priority-ResearcherOwned,"
            + " Priority, 3",
        "slot1_1@m, ProjA, true, Claimed, Priority-CHTCOwned, Priority-CHTCOwned, Priority, 3",
        // L3: NULL PP is prioritized for real slots
        "slot1@m, NULL, false, Unclaimed, Priority-ResearcherOwned, Priority-ResearcherOwned,"
            + " Priority, 1",
        "slot1@m, NULL, true, Owner, Priority-CHTCOwned, Priority-CHTCOwned, Priority, 0",
        "slot1@m, '', false, Unclaimed, Shared, Shared, Shared, 1",
        // L4: Open Capacity has no CHTC-owned test
        "slot1@m, '', true, Claimed, Shared, Shared, Shared, 3",
        "slot1@m, ' ', false, Drained, Priority-ResearcherOwned, Priority-ResearcherOwned,"
            + " Priority, 0",
        // L9: a claimed backfill row ranks above an idle real-slot row
        "backfill2_1@m, ProjA, false, Claimed, Backfill-ResearcherOwned, Priority-ResearcherOwned,"
            + " Backfill, 2",
        "backfill2@m, ProjA, true, Unclaimed, Backfill-CHTCOwned, Priority-CHTCOwned, Backfill, 0",
        // L3, L5: a backfill row's own NULL PP is open; its primary test still says prioritized
        "backfill2@m, NULL, false, Claimed, Backfill-OpenCapacity, Priority-ResearcherOwned,"
            + " Backfill, 2",
        "backfill2@m, NULL, true, Claimed, Backfill-CHTCOwned, Priority-CHTCOwned, Backfill, 2",
        "backfill2@m, '', false, Unclaimed, Backfill-OpenCapacity, Shared, Backfill, 0",
        "backfill2@m, '', true, Claimed, Backfill-CHTCOwned, Shared, Backfill, 2",
        "backfill2@m, ProjA, false, Drained, Backfill-ResearcherOwned, Priority-ResearcherOwned,"
            + " Backfill, 0",
        // the backfill test and the states are case-sensitive
        "Backfill2@m, ProjA, false, Claimed, Priority-ResearcherOwned, Priority-ResearcherOwned,"
            + " Priority, 3",
        "slot1@m, ProjA, false, claimed, Priority-ResearcherOwned, Priority-ResearcherOwned,"
            + " Priority, 0",
        "NULL, ProjA, false, NULL, Priority-ResearcherOwned, Priority-ResearcherOwned, Priority, 0"
      })
  void classesAndRankOfOneRow(
      String name,
      String pp,
      boolean chtc,
      String state,
      String reporting,
      String primary,
      String legacy,
      int rank) {
    String machine = chtc ? "chtc1" : "res1";
    ClassifiedRows rows = classify(List.of(slot(name, state, pp, machine)), "{}", "");
    RowClass expected =
        new RowClass(reportingIndex(reporting), reportingIndex(primary), legacyIndex(legacy), rank);
    assertEquals(expected, rows.classes().row(0));
    assertEquals(rank, rows.rank(0));
    // the same decisions for a row given by its values (the GPU-model snapshot's path)
    assertEquals(expected, RULES.classOf(name, state, pp, chtc));
  }

  @Test
  void exclusionAndHostAreFactsBesideTheClasses() {
    List<Slot> slots =
        List.of(
            slot("slot1@gpu7", "Claimed", "ProjA", "voyles2000.example"),
            slot("slot1@GPU7", "Claimed", "ProjA", "GPU7.example"),
            slot("backfill2@other", "Unclaimed", "", "res1"));
    ClassifiedRows rows = classify(slots, "VOYLES: reason", "gpu");
    assertEquals(1, rows.rowsExcluded());
    assertTrue(rows.has(0, RowFlags.EXCLUDED));
    assertEquals(0, rows.flags()[1] & RowFlags.EXCLUDED);
    // --host: case-sensitive on Name, case-insensitive on Machine (L7)
    assertEquals(
        RowFlags.HOST_NAME, rows.flags()[0] & (RowFlags.HOST_NAME | RowFlags.HOST_MACHINE));
    assertEquals(
        RowFlags.HOST_MACHINE, rows.flags()[1] & (RowFlags.HOST_NAME | RowFlags.HOST_MACHINE));
    assertEquals(0, rows.flags()[2] & (RowFlags.HOST_NAME | RowFlags.HOST_MACHINE));
    // an excluded or filtered row keeps its class: the accumulators drop it
    assertEquals(reportingIndex("Priority-ResearcherOwned"), rows.classes().reporting()[0]);
    assertEquals(reportingIndex("Backfill-OpenCapacity"), rows.classes().reporting()[2]);
    ClassifiedRows noHost = classify(slots, "{}", "");
    int host = RowFlags.HOST_NAME | RowFlags.HOST_MACHINE;
    for (int i = 0; i < noHost.size(); i++) {
      assertEquals(host, noHost.flags()[i] & host, "no --host: every row passes both tests");
    }
    assertSame(CLASSES, rows.classes().catalogue());
  }

  @Test
  void catalogueListsTheSixClassesInClassOrder() {
    // docs/metrics.md, "The six reporting classes"
    List<List<Object>> expected =
        List.of(
            List.of(
                "Priority-ResearcherOwned", "Prioritized (Researcher Owned)", false, "Priority"),
            List.of("Priority-CHTCOwned", "Prioritized (CHTC Owned)", false, "Priority"),
            List.of("Shared", "Open Capacity", false, "Shared"),
            List.of("Backfill-ResearcherOwned", "Backfill (Researcher Owned)", true, "Backfill"),
            List.of("Backfill-CHTCOwned", "Backfill (CHTC Owned)", true, "Backfill"),
            List.of("Backfill-OpenCapacity", "Backfill (Open Capacity)", true, "Backfill"));
    assertEquals(6, CLASSES.size());
    for (int i = 0; i < expected.size(); i++) {
      ReportingClass c = CLASSES.get(i);
      assertEquals(i, c.index());
      assertEquals(
          expected.get(i),
          List.of(
              c.internalName(),
              c.displayName(),
              c.backfill(),
              CLASSES.legacy(c.legacy()).printedName()));
    }
    assertEquals(CLASSES.classes().subList(0, 3), CLASSES.real());
    assertEquals(CLASSES.classes().subList(3, 6), CLASSES.backfill());
    assertEquals(
        List.of(
            new LegacyClass(0, "Priority", "Prioritized service", "priority", false),
            new LegacyClass(1, "Shared", "Open Capacity", "shared", false),
            new LegacyClass(2, "Backfill", "Backfill", "backfill", true)),
        CLASSES.legacyClasses());
  }

  @Test
  void catalogueRejectsClassesOutOfPlace() {
    LegacyClass legacy = new LegacyClass(0, "P", "P", "p", false);
    ReportingClass second = new ReportingClass(1, "B", "B", false, 0);
    assertThrows(
        IllegalArgumentException.class, () -> new ClassCatalogue(List.of(second), List.of(legacy)));
    ReportingClass badLegacy = new ReportingClass(0, "A", "A", false, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> new ClassCatalogue(List.of(badLegacy), List.of(legacy)));
  }

  @Test
  void ruleSetsByName() {
    assertEquals("reference", RuleSets.named("reference").name());
    assertEquals("corrected", RuleSets.named("corrected").name());
    assertEquals(List.of("reference", "corrected"), RuleSets.names());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RuleSets.named("fixed"));
    assertTrue(e.getMessage().contains("'fixed'"), e.getMessage());
    assertTrue(e.getMessage().contains("known: reference, corrected"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RuleSets.named("Reference"));
  }
}
