package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ads → rows: backfill rule, normalisation and explode (§13.3). */
class SnapshotRowsTest {
  private static final String TS = "2025-11-03 10:15:04.654321";

  private static List<GpuStateRow> rows(String adJson) {
    SlotAd ad = SlotAdParserTest.single(adJson);
    List<GpuStateRow> rows = new ArrayList<>();
    int n = new SnapshotRows(TS).explode(ad, rows::add);
    assertEquals(rows.size(), n);
    return rows;
  }

  private static List<String> ids(List<GpuStateRow> rows) {
    return rows.stream().map(GpuStateRow::assignedGpu).toList();
  }

  @Test
  void primarySlotGivesOneRowPerAssignedIdWithAllColumnsCopied() {
    List<GpuStateRow> rows =
        rows(
            "\"Name\": \"slot1@h\", \"AssignedGPUs\": \"GPU-a, GPU-b,GPU-c\","
                + " \"AvailableGPUs\": \"{ GPUs_GPU_b, GPUs_GPU_c }\", \"State\": \"Unclaimed\","
                + " \"GPUs_GlobalMemoryMb\": 81920, \"GPUsAverageUsage\": 0.25,"
                + " \"Machine\": \"h\"");
    assertEquals(List.of("GPU-a", "GPU-b", "GPU-c"), ids(rows));
    for (GpuStateRow row : rows) {
      assertEquals("GPU_b,GPU_c", row.availableGpus());
      assertEquals("slot1@h", row.name());
      assertEquals(81920L, row.globalMemoryMb());
      assertEquals(0.25, row.averageUsage());
      assertEquals(TS, row.timestamp());
    }
  }

  @Test
  void backfillSlotTakesItsIdsFromAvailableGpus() {
    List<GpuStateRow> rows =
        rows(
            "\"Name\": \"backfill2@h\", \"AssignedGPUs\": \"GPU-zzz\","
                + " \"AvailableGPUs\": [\"GPUs_GPU_a\", \"GPUs_GPU_b\"]");
    assertEquals(List.of("GPU-a", "GPU-b"), ids(rows));
    assertEquals("GPU_a,GPU_b", rows.get(0).availableGpus());
  }

  @Test
  void backfillDetectionIsCaseSensitiveSubstringOfName() {
    assertEquals(
        List.of("GPU-x"),
        ids(
            rows(
                "\"Name\": \"Backfill1@h\", \"AssignedGPUs\": \"GPU-x\", "
                    + "\"AvailableGPUs\": \"{GPUs_GPU_y}\"")));
    assertEquals(
        List.of("GPU-y"),
        ids(
            rows(
                "\"Name\": \"slot1@backfillhost\", \"AssignedGPUs\": \"GPU-x\", "
                    + "\"AvailableGPUs\": \"{GPUs_GPU_y}\"")));
    assertEquals(List.of("GPU-x"), ids(rows("\"AssignedGPUs\": \"GPU-x\"")));
  }

  @Test
  void migIdsAreNormalisedOnBothSides() {
    assertEquals(
        List.of("MIG-1b2c3d4e-5f60-7182"),
        ids(
            rows(
                "\"Name\": \"backfill1@h\","
                    + " \"AvailableGPUs\": \"{ GPUs_MIG_1b2c3d4e_5f60_7182 }\"")));
    assertEquals(
        List.of("MIG-1b2c3d4e-5f60-7182", "GPU-a"),
        ids(rows("\"Name\": \"slot1@h\", \"AssignedGPUs\": \"MIG_1b2c3d4e_5f60_7182,GPU_a\"")));
  }

  @Test
  void emptyListsGiveOneRowWithTheEmptyId() {
    assertEquals(List.of(""), ids(rows("\"Name\": \"slot1@h\", \"AssignedGPUs\": \"\"")));
    assertEquals(List.of(""), ids(rows("\"Name\": \"slot1@h\", \"AssignedGPUs\": []")));
    assertEquals(List.of(""), ids(rows("\"Name\": \"backfill1@h\", \"AvailableGPUs\": \"{ }\"")));
    assertEquals(List.of(""), ids(rows("\"Name\": \"backfill1@h\"")));
    assertEquals(List.of(""), ids(rows("\"Name\": \"backfill1@h\", \"AvailableGPUs\": null")));
    assertEquals(
        List.of("GPU-a", "", "GPU-b"),
        ids(rows("\"Name\": \"slot1@h\", \"AssignedGPUs\": \"GPU-a, ,GPU-b\"")));
  }

  @Test
  void primaryWithoutAssignedGpusGivesOneNullRow() {
    List<GpuStateRow> rows = rows("\"Name\": \"slot1@h\", \"AvailableGPUs\": \"{GPUs_GPU_a}\"");
    assertEquals(1, rows.size());
    assertNull(rows.get(0).assignedGpu());
    assertEquals("GPU_a", rows.get(0).availableGpus());
    assertEquals(
        Arrays.asList((String) null), ids(rows("\"Name\": \"slot1@h\", \"AssignedGPUs\": null")));
  }
}
