package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The worked-example report cases R1–R10, R14, R15 as golden files (text exact, JSON values). */
class ReportGoldenTest {
  @TempDir Path dir;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(Golden.sourceDir(""))) {
      return s
          .filter(p -> Files.exists(p.resolve("args")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportMatchesGolden(String caseName) throws Exception {
    ExampleData.build(dir);
    if (caseName.startsWith("monthly")) {
      ExampleData.addDecemberFile(dir);
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString()));
    List<String> caseArgs =
        Files.readAllLines(Golden.sourceDir(caseName).resolve("args"), StandardCharsets.UTF_8);
    if (!caseArgs.contains("--exclude-hosts")) {
      args.addAll(List.of("--exclude-hosts-yaml", dir.resolve("masked_hosts.yaml").toString()));
    }
    args.addAll(caseArgs);
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("Error:"), r.err());
    String file = caseArgs.contains("json") ? "expected.json" : "expected.txt";
    Golden.check(caseName, file, r.out());
  }
}
