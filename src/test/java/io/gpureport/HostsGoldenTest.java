package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder of {@code golden-hosts/} is a {@code gpureport hosts} case, of {@code golden-users/}
 * a {@code gpureport users} case (kept apart from {@code golden/}, whose folders are all report
 * cases): {@code example-*} run on the worked example with its CHTC-owned list and exclusions,
 * {@code sample-*} on one deterministic sample day of 24 hosts. Its {@code args} (one a line) must
 * print its {@code expected.txt}, {@code expected.csv} (byte-exact) or {@code expected.json}
 * (compared as values). {@code -Dgolden.update=true} rewrites them.
 */
class HostsGoldenTest {
  /** The commands whose cases are in {@code golden-<command>/}, run the same way. */
  private static final List<String> COMMANDS = List.of("hosts", "users", "trend");

  @TempDir Path dir;

  private static Path root(String command) {
    return Path.of("src", "test", "resources", "golden-" + command);
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (String command : COMMANDS) {
      try (Stream<Path> s = Files.list(root(command))) {
        s.filter(Files::isDirectory)
            .map(p -> p.getFileName().toString())
            .sorted()
            .forEach(c -> all.add(Arguments.of(command, c)));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void hostsMatchGolden(String command, String caseName) throws Exception {
    Path root = root(command);
    List<String> caseArgs =
        Files.readAllLines(root.resolve(caseName).resolve("args"), StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of(command, "--data-dir", dir.toString()));
    if (caseName.startsWith("example")) {
      ExampleData.build(dir);
      args.addAll(
          List.of(
              "--chtc-owned",
              dir.resolve("chtc_owned_hosts.txt").toString(),
              "--exclude-hosts-yaml",
              dir.resolve("masked_hosts.yaml").toString()));
    } else {
      CliResult s =
          Cli.run(
              "sample",
              "--out",
              dir.toString(),
              "--days",
              "2",
              "--start",
              "2025-11-01",
              "--hosts",
              "24",
              "-q");
      assertEquals(0, s.exitCode(), s.err());
      Files.writeString(dir.resolve("none.txt"), "");
      args.addAll(
          List.of("--chtc-owned", dir.resolve("none.txt").toString(), "--exclude-hosts", "{}"));
    }
    args.addAll(caseArgs);
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    int f = caseArgs.indexOf("--output-format");
    String ext = f < 0 ? "txt" : caseArgs.get(f + 1).replace("text", "txt");
    Path expected = root.resolve(caseName).resolve("expected." + ext);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, r.out(), StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.isRegularFile(expected), caseName + ": no " + expected);
    String want = Files.readString(expected, StandardCharsets.UTF_8);
    if (ext.equals("json")) {
      ObjectMapper json = new ObjectMapper();
      assertEquals(json.readTree(want), json.readTree(r.out()), caseName);
    } else {
      assertEquals(want, r.out(), caseName);
    }
    if (ext.equals("txt")) {
      for (String line : r.out().split("\n")) {
        assertTrue(line.length() <= 100, caseName + ": wider than 100: " + line);
      }
    }
  }
}
