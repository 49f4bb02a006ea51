package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked-example snapshot cases R11–R13 as golden files (text byte-exact, JSON as values;
 * {@code -Dgolden.update=true} rewrites them), and the "no data" cases E10 and "No GPU models
 * found", through the command line.
 */
class SnapshotReportTest {
  private static final String T = "2025-11-03 10:12:00";

  @TempDir Path dir;

  @BeforeEach
  void buildExample() throws Exception {
    ExampleData.build(dir);
  }

  /**
   * Runs {@code report --analysis-type gpu-model-snapshot} on the example directory. The exclusion
   * file is given explicitly to show that the snapshot ignores it (Legacy rule L21).
   */
  private CliResult report(String... extra) {
    return reportAs("gpu-model-snapshot", extra);
  }

  private CliResult reportAs(String analysisType, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString(),
                "--analysis-type",
                analysisType));
    if (!analysisType.equals("gpu-model-snapshot")) { // the snapshot ignores exclusions (§7.10)
      args.addAll(List.of("--exclude-hosts-yaml", dir.resolve("masked_hosts.yaml").toString()));
    }
    args.addAll(List.of(extra));
    return Cli.with().clock(Clock.systemDefaultZone()).run(args);
  }

  private static void assertOk(CliResult r) {
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("Error:"), r.err());
  }

  @Test
  void r11ListsModels() throws Exception {
    CliResult r = report("--snapshot-time", T);
    assertOk(r);
    Golden.check("snapshot-models", "expected.txt", r.out());
  }

  @Test
  void r11HintLineRepeatsSnapshotTimeAsTypedAndLegacySpellingIsAccepted() {
    CliResult r = report("--snapshot-time", "2025-11-3 10:12:0");
    assertOk(r);
    assertTrue(r.out().contains("Available GPU models at 2025-11-03 10:12:00:\n"), r.out());
    assertTrue(
        r.out()
            .endsWith(
                "  --analysis-type gpu-model-snapshot --gpu-model \"<model_name>\""
                    + " --snapshot-time \"2025-11-3 10:12:0\"\n"),
        r.out());
    CliResult legacy = reportAs("gpu_model_snapshot", "--snapshot-time", T);
    assertEquals(report("--snapshot-time", T).out(), legacy.out());
  }

  @Test
  void r12ModelSnapshotText() throws Exception {
    CliResult r = report("--snapshot-time", T, "--gpu-model", "NVIDIA L40S");
    assertOk(r);
    Golden.check("snapshot-l40s", "expected.txt", r.out());
  }

  @Test
  void r13ModelSnapshotJson() throws Exception {
    CliResult r =
        report("--snapshot-time", T, "--gpu-model", "NVIDIA L40S", "--output-format", "json");
    assertOk(r);
    Golden.check("snapshot-l40s-json", "expected.json", r.out());
  }

  @Test
  void r11ModelListJson() throws Exception {
    CliResult r = report("--snapshot-time", T, "--output-format", "json");
    assertOk(r);
    String expected =
        """
        {
          "analysis": "gpu-model-snapshot",
          "rules": "reference",
          "targetTime": "2025-11-03 10:12:00",
          "windowMinutes": 5,
          "gpuModel": null,
          "models": ["NVIDIA A100-SXM4-80GB", "NVIDIA A40", "NVIDIA H200", "NVIDIA L40S"],
          "snapshot": null
        }
        """;
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(json.readTree(expected), json.readTree(r.out()));
  }

  @Test
  void outputFileIsWrittenInsteadOfStdout() throws Exception {
    Path file = dir.resolve("snapshot.txt");
    CliResult r =
        report(
            "--snapshot-time", T, "--gpu-model", "NVIDIA L40S", "--output-file", file.toString());
    assertOk(r);
    assertEquals("", r.out());
    assertEquals(
        Files.readString(Golden.sourceDir("snapshot-l40s").resolve("expected.txt")),
        Files.readString(file));
  }

  @Test
  void e10UnknownModelIsNoData() {
    CliResult r = report("--snapshot-time", T, "--gpu-model", "NVIDIA V100");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals("No data found for NVIDIA V100 around 2025-11-03 10:12:00\n", r.err());
  }

  @Test
  void e10WithJsonStillWritesNothing() {
    Path file = dir.resolve("out.json");
    CliResult r =
        report(
            "--snapshot-time",
            T,
            "--gpu-model",
            "NVIDIA V100",
            "--output-format",
            "json",
            "--output-file",
            file.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("No data found for NVIDIA V100 around 2025-11-03 10:12:00"));
    assertFalse(Files.exists(file));
  }

  @Test
  void noModelsAroundAnEmptyTime() {
    CliResult r = report("--snapshot-time", "2025-11-3 12:0:0");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals("No GPU models found around 2025-11-03 12:00:00\n", r.err());
  }

  @Test
  void modelOutsideTheWindowIsNoData() {
    // T1 = 10:00:05.123456 is 11 min 55 s before the target: outside ±5 min, inside ±12 min
    CliResult miss =
        report("--snapshot-time", T, "--gpu-model", "NVIDIA L40S", "--window-minutes", "0");
    assertEquals(1, miss.exitCode());
    assertEquals("No data found for NVIDIA L40S around 2025-11-03 10:12:00\n", miss.err());
    CliResult hit =
        report(
            "--snapshot-time",
            "2025-11-03 10:07:35",
            "--gpu-model",
            "NVIDIA L40S",
            "--window-minutes",
            "12");
    assertOk(hit);
    // 10:07:35 − T1 = 449.876544 s, T2 − 10:07:35 = 449.654321 s: T2 is closer
    assertTrue(hit.out().contains("Snapshot Time: 2025-11-03 10:15:04\n"), hit.out());
    assertTrue(hit.out().contains("Time Difference: 449.654321 seconds\n"), hit.out());
  }
}
