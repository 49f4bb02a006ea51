package io.gpureport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SEMANTICS §2.2–2.4 and the error cases E1–E10: one stderr line, exit code, empty stdout. */
class UsageErrorsTest {
  @TempDir Path dir;

  @BeforeEach
  void example() throws Exception {
    ExampleData.build(dir);
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of("--hours-back", "-1"), "--hours-back"),
        Arguments.of(List.of("--hours-back", "x"), "--hours-back"),
        Arguments.of(List.of("--bucket-minutes", "0"), "--bucket-minutes"),
        Arguments.of(List.of("--window-minutes", "-1"), "--window-minutes"),
        Arguments.of(List.of("--email-timeout", "0"), "--email-timeout"),
        Arguments.of(List.of("--analysis-type", "daily"), "--analysis-type"),
        Arguments.of(List.of("--output-format", "xml"), "--output-format"),
        Arguments.of(List.of("--smtp-starttls", "maybe"), "--smtp-starttls"),
        Arguments.of(List.of("--rules", "fixed"), "--rules"),
        Arguments.of(
            List.of("--host-table", "full"), "Error: --host-table requires --rules corrected"),
        Arguments.of(
            List.of("--flagship-models", "H100"),
            "Error: --flagship-models requires --rules corrected"),
        Arguments.of(
            List.of("--rules", "corrected", "--host-table", "all"),
            "Error: invalid --host-table 'all': expected off, summary or full"),
        Arguments.of(
            List.of("--explain-rules"), "Error: --explain-rules requires --rules corrected"),
        Arguments.of(
            List.of("--rules", "reference", "--explain-rules", "--analysis-type", "monthly"),
            "Error: --explain-rules requires --rules corrected"),
        explainOnlyAsText("--output-format", "html"),
        explainOnlyAsText("--output-format", "json"),
        explainOnlyAsText("--email-to", "ops@example.org", "--email-from", "a@example.org"),
        explainOnlyAsText("--no-group-by-device"),
        explainOnlyAsText("--analysis-type", "timeseries"),
        explainOnlyAsText(
            "--analysis-type", "gpu-model-snapshot", "--snapshot-time", "2025-11-03 10:12:00"),
        Arguments.of(
            List.of("--end-time", "2025-11-03"),
            "Error: Invalid end_time format. Use YYYY-MM-DD HH:MM:SS"),
        Arguments.of(
            List.of("--analysis-type", "gpu-model-snapshot", "--snapshot-time", "soon"),
            "Error: Invalid snapshot_time format. Use YYYY-MM-DD HH:MM:SS"),
        Arguments.of(
            List.of("--analysis-type", "gpu-model-snapshot"),
            "Error: --snapshot-time is required for gpu-model-snapshot analysis"),
        Arguments.of(List.of("--host", "("), "--host"),
        Arguments.of(
            List.of(
                "--exclude-hosts", "{\"x\": \"y\"}", "--exclude-hosts-yaml", "masked_hosts.yaml"),
            "Error: Cannot use both --exclude-hosts and --exclude-hosts-yaml. Choose one."),
        Arguments.of(List.of("--exclude-hosts-yaml", "missing.yaml"), "missing.yaml"),
        Arguments.of(List.of("--exclude-hosts", "- a list"), "mapping"),
        Arguments.of(List.of("--exclude-hosts", "'[': broken"), "'['"),
        Arguments.of(List.of("--chtc-owned", "missing.txt"), "missing.txt"),
        Arguments.of(List.of("--db-path", "x.db"), "--db-path"),
        Arguments.of(List.of("--email-to", "ops@example.org"), "--email-from"),
        Arguments.of(
            List.of("--email-to", " , ", "--email-from", "a@example.org"),
            "Error: No valid email addresses provided"),
        Arguments.of(
            List.of(
                "--email-to",
                "ops@example.org\r\nBcc: x@evil.org",
                "--email-from",
                "a@example.org"),
            "--email-to"),
        Arguments.of(
            List.of(
                "--email-to",
                "ops@example.org",
                "--email-from",
                "a@example.org",
                "--email-subject-prefix",
                "GPU\r\nBcc: x@evil.org"),
            "--email-subject-prefix"),
        Arguments.of(
            List.of(
                "--email-to",
                "ops@example.org",
                "--email-from",
                "a@example.org",
                "--smtp-user",
                "bot"),
            "GPUREPORT_SMTP_PASSWORD"),
        Arguments.of(
            List.of(
                "--analysis-type",
                "gpu-model-snapshot",
                "--snapshot-time",
                "2025-11-03 10:12:00",
                "--output-format",
                "html"),
            "gpu-model-snapshot"),
        Arguments.of(
            List.of(
                "--email-to", "\"Doe, John\" <jd@example.org>", "--email-from", "a@example.org"),
            "--email-to"),
        Arguments.of(List.of("--bogus"), "--bogus"));
  }

  /** {@code --rules corrected --explain-rules} with options it cannot go with (CORRECTED §1.2). */
  private static Arguments explainOnlyAsText(String... options) {
    List<String> args = new ArrayList<>(List.of("--rules", "corrected", "--explain-rules"));
    args.addAll(List.of(options));
    return Arguments.of(
        args,
        "Error: --explain-rules prints a text report for the allocation or monthly analysis only");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageErrorExits2WithOneLine(List<String> extra, String expectedText) {
    List<String> args = new ArrayList<>(List.of("report", "--data-dir", dir.toString()));
    args.addAll(extra);
    Path out = dir.resolve("out.txt");
    args.addAll(List.of("--output-file", out.toString()));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("Error: "), r.err());
    assertTrue(r.err().contains(expectedText), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(out));
  }

  static Stream<Arguments> runtimeFailures() {
    return Stream.of(
        Arguments.of(
            List.of("--end-time", "2025-10-01 00:00:00"),
            "No data found in the specified time range."),
        Arguments.of(List.of("--analysis-type", "monthly"), "No data found for October 2025"),
        Arguments.of(
            List.of(
                "--analysis-type",
                "gpu-model-snapshot",
                "--snapshot-time",
                "2025-11-03 10:12:00",
                "--gpu-model",
                "NVIDIA V100"),
            "No data found for NVIDIA V100 around 2025-11-03 10:12:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runtimeFailures")
  void noDataExits1(List<String> extra, String message) {
    List<String> args = new ArrayList<>(List.of("report", "--data-dir", dir.toString()));
    args.addAll(extra);
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().lines().anyMatch(message::equals), r.err());
  }

  @Test
  void emptyOutputFileIsAUsageError() {
    CliResult r = Cli.run("report", "--data-dir", dir.toString(), "--output-file", "");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals("Error: --output-file must not be empty\n", r.err());
  }

  @Test
  void missingDbPathIsNotCreated() {
    Path missing = dir.resolve("missing.db");
    CliResult r = Cli.run("report", "--db-path", missing.toString());
    assertEquals(1, r.exitCode());
    assertEquals("Error: database file not found: " + missing + "\n", r.err());
    assertFalse(Files.exists(missing));
  }

  @Test
  void missingDataDirAndEmptyDataDir() throws Exception {
    CliResult r = Cli.run("report", "--data-dir", dir.resolve("nope").toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().startsWith("Error: data directory not found: "), r.err());
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Files.writeString(empty.resolve("gpu_state_2025-07_dev.db"), "near miss");
    r = Cli.run("report", "--data-dir", empty.toString());
    assertEquals(1, r.exitCode());
    assertEquals("Error: No database files found in " + empty + ".\n", r.err());
  }

  @Test
  void notSqliteIsAOneLineRuntimeError() throws Exception {
    Path bad = Files.createDirectory(dir.resolve("bad"));
    Files.writeString(bad.resolve("gpu_state_2025-11.db"), "this is not a database, just text");
    byte[] before = Files.readAllBytes(bad.resolve("gpu_state_2025-11.db"));
    CliResult r = Cli.run("report", "--data-dir", bad.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().startsWith("Error: cannot read "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals(new String(before), Files.readString(bad.resolve("gpu_state_2025-11.db")));
  }

  @Test
  void helpAndVersionExit0() {
    assertEquals(0, Cli.run("--help").exitCode());
    assertEquals(0, Cli.run("--version").exitCode());
    assertEquals(0, Cli.run("report", "--help").exitCode());
    assertEquals(2, Cli.run().exitCode());
  }

  @Test
  void tenThousandExclusionPatternsStillWork() throws Exception {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      yaml.append("'^nohost").append(i).append("\\.example$': reason ").append(i).append('\n');
    }
    yaml.append("voyles2000: Prioritized via hardcoded start expression\n");
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, yaml);
    CliResult r =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60),
            () ->
                Cli.run(
                    "report",
                    "--data-dir",
                    dir.toString(),
                    "--exclude-hosts-yaml",
                    file.toString(),
                    "--output-format",
                    "json"));
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"rowsExcluded\": 2"), r.out());
  }
}
