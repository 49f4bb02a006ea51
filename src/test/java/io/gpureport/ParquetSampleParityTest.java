package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sample data across a month boundary, as SQLite, as its Parquet export, and mixed (October as
 * Parquet, November as SQLite): every report prints the same bytes on all three stores
 * (docs/metrics.md, "Parquet months").
 */
class ParquetSampleParityTest {
  @TempDir static Path root;

  private static Path sqlite;
  private static Path parquet;
  private static Path mixed;

  @BeforeAll
  static void stores() throws Exception {
    sqlite = root.resolve("sqlite");
    parquet = root.resolve("parquet");
    mixed = root.resolve("mixed");
    CliResult sample =
        Cli.run(
            "sample",
            "--out",
            sqlite.toString(),
            "--days",
            "5",
            "--start",
            "2025-10-29",
            "--hosts",
            "40",
            "--seed",
            "3",
            "--quiet");
    assertEquals(0, sample.exitCode(), sample.err());
    CliResult export =
        Cli.run(
            "export",
            "--data-dir",
            sqlite.toString(),
            "--out",
            parquet.toString(),
            "--format",
            "parquet",
            "--quiet");
    assertEquals(0, export.exitCode(), export.err());
    Files.createDirectories(mixed);
    Files.copy(
        parquet.resolve("gpu_state_2025-10.parquet"), mixed.resolve("gpu_state_2025-10.parquet"));
    Files.copy(sqlite.resolve("gpu_state_2025-11.db"), mixed.resolve("gpu_state_2025-11.db"));
  }

  static Stream<List<String>> reports() {
    return Stream.of(
        List.of(),
        List.of("--hours-back", "72"),
        List.of("--hours-back", "72", "--output-format", "json"),
        List.of("--hours-back", "72", "--output-format", "html", "--no-charts"),
        List.of("--hours-back", "72", "--analysis-type", "timeseries"),
        List.of("--hours-back", "72", "--no-group-by-device"),
        List.of("--hours-back", "24", "--end-time", "2025-11-01 06:00:00", "--all-devices"),
        List.of("--analysis-type", "monthly", "--end-time", "2025-11-02 00:00:00"),
        List.of("--hours-back", "72", "--host", "^slot1@"),
        List.of("--hours-back", "72", "--rules", "corrected"),
        List.of("--hours-back", "72", "--rules", "corrected", "--host-table", "full"),
        List.of("--hours-back", "72", "--rules", "corrected", "--output-format", "json"),
        List.of("--hours-back", "72", "--rules", "corrected", "--explain-rules"),
        List.of(
            "--analysis-type",
            "monthly",
            "--end-time",
            "2025-11-02 00:00:00",
            "--rules",
            "corrected"),
        List.of("--analysis-type", "gpu-model-snapshot", "--snapshot-time", "2025-10-31 12:00:00"));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void everyStorePrintsTheSameReport(List<String> options) {
    CliResult expected = report(sqlite, options);
    assertTrue(expected.out().length() > 100, expected.out());
    for (Path store : List.of(parquet, mixed)) {
      CliResult r = report(store, options);
      assertEquals(expected.out(), r.out(), store.toString());
      assertEquals(expected.err(), r.err(), store.toString());
    }
  }

  @Test
  void theExportHasOneFilePerMonthOfTheRows() throws Exception {
    try (Stream<Path> files = Files.list(parquet)) {
      assertEquals(
          List.of("gpu_state_2025-10.parquet", "gpu_state_2025-11.parquet"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private static CliResult report(Path data, List<String> options) {
    List<String> args = new ArrayList<>(List.of("report", "--data-dir", data.toString()));
    args.addAll(options);
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), data + ": " + r.err());
    assertFalse(r.err().contains("Warning:") || r.err().contains("Error:"), r.err());
    return r;
  }
}
