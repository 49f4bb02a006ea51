package io.gpureport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON v2 (CORRECTED §8) beyond the golden documents: PreventJobsReason not recorded (F8) and
 * the key order of the device path.
 */
class CorrectedJsonTest {
  @TempDir Path dir;

  private JsonNode json(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString(),
                "--exclude-hosts-yaml",
                dir.resolve("masked_hosts.yaml").toString(),
                "--rules",
                "corrected",
                "--output-format",
                "json"));
    args.addAll(Arrays.asList(extra));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return new ObjectMapper().readTree(r.out());
  }

  /** The reference example's file has no PreventJobsReason column: every Prevented is null. */
  @Test
  void notRecordedIsNullPreventedAndNoPreventedHost() throws Exception {
    ExampleData.build(dir);
    JsonNode j = json();
    assertEquals(false, j.at("/preventJobsReason/recorded").booleanValue());
    assertEquals(0, j.at("/preventJobsReason/intervalsRecorded").intValue());
    List<JsonNode> stats = new ArrayList<>();
    j.get("realSlots").forEach(stats::add);
    j.at("/memoryCategories/categories").forEach(stats::add);
    stats.add(j.at("/memoryCategories/total"));
    for (JsonNode c : j.get("deviceTypes")) {
      stats.add(c.get("total"));
      c.get("devices").forEach(stats::add);
    }
    assertTrue(stats.size() > 10, stats.toString());
    for (JsonNode s : stats) {
      assertTrue(s.has("preventedAvg") && s.get("preventedAvg").isNull(), s.toString());
      assertTrue(s.get("drainedAvg").isNumber(), s.toString());
    }
    JsonNode prevented = j.get("preventedGpus");
    assertEquals(0, prevented.get("hostCount").intValue());
    assertEquals(0, prevented.get("gpuCount").intValue());
    assertEquals(0, prevented.get("hosts").size());
    // The host table's stats never have preventedAvg.
    assertTrue(j.at("/hostTable/total").has("drainedAvg"));
    assertTrue(!j.at("/hostTable/total").has("preventedAvg"));
  }

  @Test
  void deviceDocumentKeysInContractOrder() throws Exception {
    ExampleData.buildCorrected(dir);
    List<String> keys = new ArrayList<>();
    json("--host-table", "off").fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "analysis",
            "rules",
            "window",
            "dataPeriod",
            "intervals",
            "modelFilter",
            "preventJobsReason",
            "realSlots",
            "memoryCategories",
            "h200Users",
            "backfillUsers",
            "deviceTypes",
            "zeroActiveMachines",
            "hostTable",
            "drainingStatus",
            "preventedGpus",
            "filteredModels",
            "excludedHosts",
            "filtering"),
        keys);
    assertTrue(json("--host-table", "off").get("hostTable").isNull());
  }
}
