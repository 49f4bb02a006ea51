package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.errors.GpuReportException;
import io.gpureport.load.GpuStateTable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON document → slot ads: structure, attribute matching and value types (§13.2). */
class SlotAdParserTest {

  static List<SlotAd> parse(String json) {
    List<SlotAd> ads = new ArrayList<>();
    try (SlotAdParser parser =
        SlotAdParser.open(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test input")) {
      for (SlotAd ad = parser.next(); ad != null; ad = parser.next()) {
        ads.add(ad);
      }
    }
    return ads;
  }

  static SlotAd single(String attributes) {
    List<SlotAd> ads = parse("[{" + attributes + "}]");
    assertEquals(1, ads.size());
    return ads.get(0);
  }

  @Test
  void fixtureHasSixAdsInOrder() {
    String json = new String(Fixtures.collectInput(), StandardCharsets.UTF_8);
    List<SlotAd> ads = parse(json);
    assertEquals(
        List.of(
            "slot1@resgpu1.chtc.wisc.edu",
            "slot1_1@resgpu1.chtc.wisc.edu",
            "backfill2@resgpu1.chtc.wisc.edu",
            "backfill2@migbox.chtc.wisc.edu",
            "backfill2@busy.chtc.wisc.edu",
            "slot1@odd.chtc.wisc.edu"),
        ads.stream().map(SlotAd::name).toList());
    assertEquals(6, SlotAdParser.count(new ByteArrayInputStream(Fixtures.collectInput()), "x"));
  }

  @Test
  void attributeNamesAreCaseInsensitive() {
    SlotAd ad =
        single(
            "\"NAME\": \"slot1@h\", \"assignedgpus\": \"GPU-1\","
                + " \"availableGPUS\": \"{GPUs_GPU_2}\","
                + " \"state\": \"Claimed\", \"gpus_devicename\": \"NVIDIA L40S\","
                + " \"GPUS_GLOBALMEMORYMB\": 46068, \"prioritizedprojects\": \"P\","
                + " \"gpusaverageusage\": 0.5, \"MACHINE\": \"h\", \"remoteowner\": \"u@d\","
                + " \"globaljobid\": \"s#1.0#2\", \"preventjobsreason\": \"Node maintenance\","
                + " \"DISK\": 104857600");
    assertEquals(
        new SlotAd(
            "slot1@h",
            List.of("GPU-1"),
            List.of("GPU_2"),
            "Claimed",
            "NVIDIA L40S",
            46068L,
            "P",
            0.5,
            "h",
            "u@d",
            "s#1.0#2",
            "Node maintenance",
            104857600L),
        ad);
  }

  @Test
  void missingAndNullAttributesAreNull() {
    SlotAd empty = single("");
    assertEquals(
        new SlotAd(
            null, null, List.of(), null, null, null, null, null, null, null, null, null, null),
        empty);
    SlotAd nulls =
        single(
            "\"Name\": null, \"AssignedGPUs\": null, \"AvailableGPUs\": null, \"State\": null,"
                + " \"GPUs_DeviceName\": null, \"GPUs_GlobalMemoryMb\": null,"
                + " \"PrioritizedProjects\": null, \"GPUsAverageUsage\": null,"
                + " \"Machine\": null, \"RemoteOwner\": null, \"GlobalJobId\": null,"
                + " \"PreventJobsReason\": null, \"Disk\": null");
    assertEquals(empty, nulls);
  }

  @Test
  void unknownAttributesAreIgnoredWhateverTheirShape() {
    SlotAd ad =
        single(
            "\"GPUs_GPU_a1\": {\"DeviceName\": \"x\", \"Nested\": [1, {\"a\": []}]},"
                + " \"GPUs_MIG_x\": [1, 2, 3], \"MyType\": \"Machine\", \"Name\": \"slot1@h\","
                + " \"Cpus\": 4, \"Offline\": false, \"Other\": null");
    assertEquals("slot1@h", ad.name());
    assertNull(ad.state());
  }

  @Test
  void scalarValuesKeepTheirStorageClass() {
    SlotAd ad =
        single(
            "\"Name\": 7, \"State\": true, \"Machine\": 1.50, \"RemoteOwner\": false,"
                + " \"GPUs_GlobalMemoryMb\": 81920.0, \"GPUsAverageUsage\": 1");
    assertEquals("7", ad.name());
    assertEquals("true", ad.state());
    assertEquals("1.50", ad.machine());
    assertEquals("false", ad.remoteOwner());
    assertEquals(81920L, ad.globalMemoryMb());
    assertEquals(1.0, ad.averageUsage());
  }

  @Test
  void memoryIsIntegralWhenItCanBeAndRealOtherwise() {
    assertEquals(46068L, single("\"GPUs_GlobalMemoryMb\": 46068").globalMemoryMb());
    assertEquals(-1L, single("\"GPUs_GlobalMemoryMb\": -1").globalMemoryMb());
    assertEquals(1_000_000L, single("\"GPUs_GlobalMemoryMb\": 1e6").globalMemoryMb());
    assertEquals(81920.5, single("\"GPUs_GlobalMemoryMb\": 81920.5").globalMemoryMb());
    assertEquals(9.3e18, single("\"GPUs_GlobalMemoryMb\": 9300000000000000000").globalMemoryMb());
    assertEquals(
        Long.MAX_VALUE, single("\"GPUs_GlobalMemoryMb\": 9223372036854775807").globalMemoryMb());
    assertEquals("81920", single("\"GPUs_GlobalMemoryMb\": \"81920\"").globalMemoryMb());
    assertEquals("0.5", single("\"GPUsAverageUsage\": \"0.5\"").averageUsage());
  }

  @Test
  void structuredValuesInTextColumnsAreStoredAsCompactJson() {
    SlotAd ad = single("\"PrioritizedProjects\": [\"a\", \"b\"], \"State\": {\"x\": 1}");
    assertEquals("[\"a\",\"b\"]", ad.prioritizedProjects());
    assertEquals("{\"x\":1}", ad.state());
  }

  @Test
  void stringsAreStoredUnchangedIncludingEscapes() {
    SlotAd ad = single("\"Name\": \" slot1@h \", \"Machine\": \"h\\u00e9\\n\\/x\"");
    assertEquals(" slot1@h ", ad.name());
    assertEquals("hé\n/x", ad.machine());
  }

  @Test
  void lastDuplicateAttributeWins() {
    assertEquals("b", single("\"State\": \"a\", \"STATE\": \"b\"").state());
  }

  @Test
  void emptyDocumentsAreEmptyArrays() {
    assertEquals(List.of(), parse(""));
    assertEquals(List.of(), parse("  \n "));
    assertEquals(List.of(), parse("[]"));
    assertEquals(List.of(), parse("\uFEFF[ ]"));
  }

  @Test
  void structuralErrorsAreOneLineReportExceptions() {
    assertError("{}", "not a JSON array of slot ads (found an object)");
    assertError("42", "not a JSON array of slot ads (found a number)");
    assertError("null", "not a JSON array of slot ads (found null)");
    assertError("[1]", "element 1 of the array is a number, not an object");
    assertError("[{}, \"x\"]", "element 2 of the array is a string, not an object");
    assertError("[{}] {}", "found an object after the JSON array");
    assertError("[{}", "at line 1, column 4");
    assertError("[{\"Name\": }]", "at line 1, column 11");
    assertError("[{\"Name\": \"x\"\n  \"State\": \"y\"}]", "at line 2");
    assertError("[NaN]", "invalid JSON in test input");
    assertError("[{\"Name\": \"a\\q\"}]", "invalid JSON in test input");
  }

  @Test
  void truncatedDocumentsNameThePositionWithoutParserInternals() {
    assertMessage(
        "[",
        "invalid JSON in test input at line 1, column 2: unexpected end of input:"
            + " the array opened at line 1, column 1 is not closed");
    assertMessage(
        "[{\"Name\": \"a\"",
        "invalid JSON in test input at line 1, column 14: unexpected end of input:"
            + " the object opened at line 1, column 2 is not closed");
    assertMessage(
        "[{\"Name\": ",
        "invalid JSON in test input at line 1, column 11: unexpected end of input"
            + " within/between Object entries");
    assertMessage(
        "[{\"Name\": \"a\"]",
        "invalid JSON in test input at line 1, column 14: unexpected close marker ']':"
            + " expected '}' (for Object starting at line 1, column 2)");
  }

  private static void assertMessage(String json, String expected) {
    GpuReportException e = assertThrows(GpuReportException.class, () -> parse(json), json);
    assertEquals(expected, e.getMessage());
  }

  @Test
  void projectionMatchesTheTableColumnsWithoutTimestamp() {
    List<String> columns = new ArrayList<>(GpuStateTable.COLUMNS.subList(0, 11));
    CollectedTable.ADDED_COLUMNS.forEach(c -> columns.add(c.name()));
    assertEquals(String.join(",", columns), SlotAttribute.projection());
  }

  private static void assertError(String json, String expectedPart) {
    GpuReportException e = assertThrows(GpuReportException.class, () -> parse(json), json);
    assertTrue(e.getMessage().startsWith("invalid JSON in test input"), e.getMessage());
    assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
