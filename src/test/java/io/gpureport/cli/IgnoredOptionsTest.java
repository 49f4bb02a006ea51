package io.gpureport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpureport.ExampleData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An option the chosen analysis does not use is named in a warning; the report is unchanged. */
class IgnoredOptionsTest {
  @TempDir static Path dir;

  @BeforeAll
  static void exampleData() throws Exception {
    ExampleData.build(dir);
  }

  private static CliResult report(String args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString()));
    if (!args.isBlank()) {
      all.addAll(List.of(args.split(" ")));
    }
    if (!all.contains("--exclude-hosts-yaml") && !all.contains("--exclude-hosts")) {
      all.addAll(List.of("--exclude-hosts-yaml", dir.resolve("masked_hosts.yaml").toString()));
    }
    return Cli.run(all.toArray(String[]::new));
  }

  private static List<String> warnings(CliResult r) {
    return r.err().lines().filter(l -> l.startsWith("Warning: ")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--bucket-minutes 60 | Warning: --bucket-minutes is ignored by the allocation analysis",
        "--host resgpu --gpu-model X | Warning: --gpu-model is ignored by the allocation analysis",
        "--analysis-type monthly --host resgpu --all-devices"
            + " | Warning: --host and --all-devices are ignored by the monthly analysis",
        "--analysis-type monthly --hours-back 48 --no-group-by-device --window-minutes 3"
            + " | Warning: --hours-back, --no-group-by-device and --window-minutes are ignored"
            + " by the monthly analysis",
        "--analysis-type timeseries --window-minutes 3"
            + " | Warning: --window-minutes is ignored by the timeseries analysis",
        "--analysis-type timeseries --all-devices"
            + " | Warning: --all-devices is ignored by the timeseries analysis",
        "--analysis-type timeseries --no-all-devices"
            + " | Warning: --no-all-devices is ignored by the timeseries analysis",
        "--host resgpu --hours-back 48 --all-devices --no-group-by-device"
            + " | Warning: --all-devices is ignored by the allocation analysis"
            + " with --no-group-by-device",
        "--email-from a@example.org --smtp-server mail.example.org"
            + " | Warning: --email-from and --smtp-server have no effect without --email-to",
        // the rule set corrected honours --host in monthly (C15) and its model filter everywhere
        "--rules corrected --analysis-type monthly --host resgpu --all-devices --hours-back 48"
            + " | Warning: --hours-back is ignored by the monthly analysis",
        "--rules corrected --analysis-type timeseries --all-devices --window-minutes 3"
            + " | Warning: --window-minutes is ignored by the timeseries analysis"
      })
  void anUnusedOptionIsNamed(String args, String warning) {
    CliResult r = report(args);
    assertEquals(List.of(warning), warnings(r), r.err());
  }

  private static CliResult snapshot(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                dir.toString(),
                "--analysis-type",
                "gpu-model-snapshot",
                "--snapshot-time",
                "2025-11-03 10:12:00",
                "--gpu-model",
                "NVIDIA A40"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void theSnapshotNamesTheModelFilterAndTheEndTimeItDoesNotUse() {
    CliResult plain = snapshot();
    CliResult ignoring = snapshot("--all-devices", "--end-time", "2025-10-01 00:00:00");
    assertEquals(0, ignoring.exitCode(), ignoring.err());
    assertEquals(
        List.of(
            "Warning: --all-devices and --end-time are ignored by the"
                + " gpu-model-snapshot analysis"),
        warnings(ignoring));
    assertEquals(List.of(), warnings(plain), plain.err());
    assertEquals(plain.out(), ignoring.out());
  }

  @Test
  void theSnapshotNamesTheExclusionsItDoesNotApply() {
    CliResult r =
        Cli.run(
            "report",
            "--data-dir",
            dir.toString(),
            "--analysis-type",
            "gpu-model-snapshot",
            "--snapshot-time",
            "2025-11-03 10:12:00",
            "--exclude-hosts-yaml",
            dir.resolve("no-such.yaml").toString(),
            "--host",
            "resgpu");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "Warning: --exclude-hosts-yaml and --host are ignored by the gpu-model-snapshot"
                + " analysis"),
        warnings(r));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''",
        "--host resgpu --hours-back 48 --all-devices",
        "--host resgpu --hours-back 48 --no-group-by-device",
        "--analysis-type timeseries --bucket-minutes 60",
        "--analysis-type monthly --exclude-hosts {}"
      })
  void usedOptionsAreNotWarnedAbout(String args) {
    CliResult r = report(args);
    assertEquals(List.of(), warnings(r), r.err());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | --bucket-minutes 60",
        "--analysis-type monthly | --host resgpu",
        "--analysis-type timeseries | --all-devices",
        "--no-group-by-device | --all-devices"
      })
  void theReportIsTheSameWithAndWithoutTheIgnoredOption(String base, String option) {
    for (String format : List.of("text", "json", "html")) {
      String plain = (base + " --output-format " + format).strip();
      assertEquals(report(plain).out(), report(plain + " " + option).out(), format);
    }
  }
}
