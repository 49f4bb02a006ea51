package io.gpureport.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationRulesTest {
  private static int flags(String pp, boolean chtc) {
    int f = chtc ? RowFlags.CHTC : 0;
    if (pp == null) {
      return f | RowFlags.PP_NULL;
    }
    return pp.isEmpty() ? f | RowFlags.PP_EMPTY : f;
  }

  private static String internalName(int index) {
    return RuleSets.named("reference").classes().get(index).internalName();
  }

  @ParameterizedTest(name = "primary PP={0} chtc={1} -> {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "ProjA, false, Priority-ResearcherOwned",
        "ProjA, true, Priority-CHTCOwned",
        "NULL, false, Priority-ResearcherOwned", // L3: NULL counts as prioritized for primary rows
        "NULL, true, Priority-CHTCOwned",
        "'', false, Shared",
        "'', true, Shared", // L4: Open Capacity has no CHTC test
        "' ', false, Priority-ResearcherOwned" // whitespace-only counts as non-empty
      })
  void primaryClass(String pp, boolean chtc, String expected) {
    assertEquals(expected, internalName(ReferenceRules.primaryOf(flags(pp, chtc))));
  }

  @ParameterizedTest(name = "backfill PP={0} chtc={1} -> {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "ProjA, false, Backfill-ResearcherOwned",
        "ProjA, true, Backfill-CHTCOwned",
        "NULL, false, Backfill-OpenCapacity", // L3: NULL counts as empty for backfill rows
        "NULL, true, Backfill-CHTCOwned",
        "'', false, Backfill-OpenCapacity",
        "'', true, Backfill-CHTCOwned"
      })
  void backfillClass(String pp, boolean chtc, String expected) {
    assertEquals(expected, internalName(ReferenceRules.backfillOf(flags(pp, chtc))));
  }

  @ParameterizedTest(name = "legacy PP={0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {"ProjA, Priority", "NULL, Priority", "'', Shared"})
  void legacyClass(String pp, String expected) {
    ClassCatalogue c = RuleSets.named("reference").classes();
    int primary = ReferenceRules.primaryOf(flags(pp, false));
    assertEquals(expected, c.legacy(c.get(primary).legacy()).printedName());
  }

  @ParameterizedTest(name = "rank {0} backfill={1} -> {2}")
  @CsvSource({
    "Claimed, false, 3",
    "Claimed, true, 2",
    "Unclaimed, false, 1",
    "Unclaimed, true, 0",
    "Drained, false, 0",
    "Owner, true, 0",
    "claimed, false, 0"
  })
  void dedupRank(String state, boolean backfill, int rank) {
    assertEquals(rank, ReferenceRules.rank(SlotState.of(state), backfill));
  }

  @ParameterizedTest(name = "{0} MiB -> {1}")
  @CsvSource({
    "NaN, Unknown",
    "0, Unknown",
    "-5, Unknown",
    "11264, <48GB",
    "40960, <48GB",
    "45055, <48GB",
    "45056, 48GB", // exactly 44 GB
    "46068, 48GB",
    "51200, 48GB", // exactly 50 GB
    "51201, <48GB", // 50 < gb < 75 falls back to <48GB
    "76799, <48GB",
    "76800, 80GB", // exactly 75 GB
    "81920, 80GB",
    "87040, 80GB", // exactly 85 GB
    "87041, >80GB",
    "143771, >80GB"
  })
  void memoryCategory(double mib, String label) {
    assertEquals(label, MemoryCategory.of(mib).label());
  }

  @ParameterizedTest(name = "{0}: substring={1} regex={2}")
  @CsvSource({
    "NVIDIA A40, true, true",
    "NVIDIA RTX A4000, true, true", // L8: A40 matches RTX A4000
    "Tesla P100-PCIE-16GB, true, true",
    "Quadro RTX 6000, true, true",
    "NVIDIA GeForce GTX 1080 Ti, true, true",
    "NVIDIA A30, true, true",
    "nvidia a40, false, true", // case differs between the two forms
    "NVIDIA L40S, false, false",
    "NVIDIA H200, false, false"
  })
  void oldModelFilters(String device, boolean substring, boolean regex) {
    assertEquals(substring, DeviceModels.isOldBySubstring(device));
    assertEquals(regex, DeviceModels.isOldByRegex(device));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "NVIDIA A100-SXM4-80GB, A100 80GB",
    "NVIDIA H100 80GB HBM3, H100 80GB",
    "Tesla P100-PCIE-16GB, Tesla P100 16GB",
    "NVIDIA L40S, L40S",
    "Some New GPU, Some New GPU"
  })
  void displayNames(String raw, String display) {
    assertEquals(display, DeviceModels.displayName(raw));
  }
}
