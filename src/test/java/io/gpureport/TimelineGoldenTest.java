package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder of {@code golden-timeline/} is a {@code gpureport timeline} case: {@code hand-*} on
 * {@link TimelineData} (cells worked out by hand there), {@code sample-*} on one deterministic
 * sample day of 24 hosts. Its {@code args} (one a line) must print its {@code expected.txt}
 * byte-exact. {@code -Dgolden.update=true} rewrites them.
 */
class TimelineGoldenTest {
  private static final Path ROOT = Path.of("src", "test", "resources", "golden-timeline");

  @TempDir Path dir;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void timelineMatchesGolden(String caseName) throws Exception {
    List<String> caseArgs =
        Files.readAllLines(ROOT.resolve(caseName).resolve("args"), StandardCharsets.UTF_8);
    CliResult r = run(caseName, caseArgs);
    assertEquals(0, r.exitCode(), r.err());
    Path expected = ROOT.resolve(caseName).resolve("expected.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, r.out(), StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.isRegularFile(expected), caseName + ": no " + expected);
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), r.out(), caseName);
  }

  /** The hand-worked cells of {@link TimelineData}, independently of the golden file. */
  @Test
  void handCaseCellsAreTheHandWorkedOnes() throws Exception {
    CliResult r =
        run("hand-text", List.of("--end-time", "2025-11-03 11:00:00", "--hours-back", "1"));
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().map(String::strip).toList();
    assertTrue(lines.contains("GPU-1  R.rRr"), r.out());
    assertTrue(lines.contains("GPU-2  B.xrr"), r.out());
    assertTrue(lines.contains("GPU-3  o.x.o"), r.out());
    assertTrue(r.out().indexOf("RESEARCHER-OWNED") < r.out().indexOf("OPEN CAPACITY"), r.out());
    assertTrue(r.out().contains("Buckets: 5 of 15 min from 2025-11-03 10:00"), r.out());
  }

  private CliResult run(String caseName, List<String> caseArgs) throws Exception {
    Files.writeString(dir.resolve("none.txt"), "");
    List<String> args =
        new ArrayList<>(
            List.of(
                "timeline",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("none.txt").toString(),
                "--exclude-hosts",
                "{}"));
    if (caseName.startsWith("hand")) {
      TimelineData.write(dir.resolve("gpu_state_2025-11.db"), "h1", "h2", "ann");
    } else {
      CliResult s =
          Cli.run(
              "sample",
              "--out",
              dir.toString(),
              "--days",
              "1",
              "--start",
              "2025-11-01",
              "--hosts",
              "24",
              "-q");
      assertEquals(0, s.exitCode(), s.err());
    }
    args.addAll(caseArgs);
    return Cli.run(args.toArray(String[]::new));
  }
}
