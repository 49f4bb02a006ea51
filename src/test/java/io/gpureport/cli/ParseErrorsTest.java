package io.gpureport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Typos on the command line: one {@code Error:} line with picocli's suggestions, exit 2. */
class ParseErrorsTest {
  static Stream<Arguments> typos() {
    return Stream.of(
        Arguments.of(
            List.of("reprot", "--data-dir", "data"),
            "Error: unknown command 'reprot' (did you mean report?)"),
        Arguments.of(List.of("colect"), "Error: unknown command 'colect' (did you mean collect?)"),
        Arguments.of(
            List.of("xyz"),
            "Error: unknown command 'xyz' (commands: report, collect, sample, index, export, hosts, timeline, users, trend, site or cache)"),
        Arguments.of(
            List.of(),
            "Error: missing command: report, collect, sample, index, export, hosts, timeline, users, trend, site or cache (see gpureport --help)"),
        Arguments.of(
            List.of("report", "--hours-bak", "24"),
            "Error: Unknown option: '--hours-bak' (did you mean --hours-back?)"),
        Arguments.of(
            List.of("report", "--hours-bak=24"),
            "Error: Unknown option: '--hours-bak=24' (did you mean --hours-back?)"),
        Arguments.of(
            List.of("report", "--smtp", "x"),
            "Error: Unknown option: '--smtp' (did you mean --smtp-server, --smtp-port,"
                + " --smtp-starttls, --smtp-user or --smtp-insecure?)"),
        Arguments.of(
            List.of("report", "--foo", "--bar"), "Error: Unknown options: '--foo', '--bar'"),
        Arguments.of(
            List.of("collect", "--data-dri", "x"),
            "Error: Unknown option: '--data-dri' (did you mean --data-dir?)"),
        Arguments.of(
            List.of("--data-dir", "x", "report"),
            "Error: Unknown option: '--data-dir' (options go after the command, e.g."
                + " gpureport report --data-dir ...)"),
        Arguments.of(
            List.of("report", "--data-dir", "d", "--end-time", "2025-11-05", "06:00:00"),
            "Error: Unmatched argument at index 5: '06:00:00'"
                + " (quote the time: --end-time \"2025-11-05 06:00:00\")"),
        Arguments.of(
            List.of(
                "report",
                "--analysis-type",
                "gpu-model-snapshot",
                "--snapshot-time=2025-11-05",
                "6:00:00"),
            "Error: Unmatched argument at index 4: '6:00:00'"
                + " (quote the time: --snapshot-time \"2025-11-05 6:00:00\")"),
        Arguments.of(
            List.of("sample", "--out", "d", "--start", "2025-11-05", "06:00"),
            "Error: Unmatched argument at index 5: '06:00'"
                + " (quote the time: --start \"2025-11-05 06:00\")"),
        Arguments.of(
            List.of("report", "--hours-back", "24", "06:00:00"),
            "Error: Unmatched argument at index 3: '06:00:00'"),
        Arguments.of(
            List.of("report", "--host", "2025-11-05", "06:00:00"),
            "Error: Unmatched argument at index 3: '06:00:00'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void oneErrorLineWithAHint(List<String> args, String expected) {
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(expected + "\n", r.err());
  }
}
