package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden case of {@link ReportGoldenTest} once more, on a Parquet copy of the worked example
 * made by {@code gpureport export}: the report must print the very same golden file
 * (docs/metrics.md, "Parquet months").
 */
class ParquetGoldenTest {
  @TempDir Path dir;
  @TempDir Path parquet;

  static Stream<String> cases() throws Exception {
    return ReportGoldenTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aParquetCopyPrintsTheGolden(String caseName) throws Exception {
    ReportGoldenTest.exampleData(caseName, dir);
    Path out = parquet.resolve("months");
    CliResult export =
        Cli.run(
            "export",
            "--data-dir",
            dir.toString(),
            "--out",
            out.toString(),
            "--format",
            "parquet",
            "--quiet");
    assertEquals(0, export.exitCode(), export.err());
    try (Stream<Path> files = Files.list(out)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.stream().allMatch(n -> n.endsWith(".parquet")), names.toString());
    }
    List<String> caseArgs = ReportGoldenTest.caseArgs(caseName);
    CliResult r = Cli.run(ReportGoldenTest.args(caseArgs, out, dir).toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("Error:"), r.err());
    assertFalse(r.err().contains("Warning:"), r.err());
    Golden.check(caseName, ReportGoldenTest.expectedFile(caseArgs), r.out());
  }
}
