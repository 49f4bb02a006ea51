package io.gpureport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code gpureport <command> --help}: every option described, defaults shown (SEMANTICS §2.1). */
class HelpTextTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"report", "hosts", "collect", "sample", "index"})
  void everyOptionHasADescriptionAndAParameterLabel(String command) {
    CommandLine sub = new CommandLine(new GpuReportCommand()).getSubcommands().get(command);
    for (OptionSpec option : sub.getCommandSpec().options()) {
      String text = String.join(" ", option.description()).strip();
      assertFalse(text.isEmpty(), option.longestName() + " has no description");
      if (option.defaultValue() != null) {
        assertTrue(
            text.toLowerCase(Locale.ROOT).contains("default"),
            option.longestName() + " does not show its default: " + text);
      }
      if (option.arity().max() > 0 && !option.negatable()) {
        assertFalse(
            option.paramLabel().startsWith("<"),
            option.longestName() + " has the field name as its label: " + option.paramLabel());
      }
    }
  }

  static Stream<Arguments> shownDefaults() {
    return Stream.of(
        Arguments.of("report", "--hours-back=INT", "(default: 24)"),
        Arguments.of("report", "--output-format=FMT", "(default: text)"),
        Arguments.of("report", "--analysis-type=TYPE", "(default: allocation)"),
        Arguments.of("report", "--bucket-minutes=INT", "(default: 15)"),
        Arguments.of("report", "--window-minutes=INT", "(default: 5)"),
        Arguments.of("report", "--email-subject-prefix=TEXT", "(default: CHTC GPU Allocation)"),
        Arguments.of("report", "--smtp-server=HOST", "(default: localhost)"),
        Arguments.of("report", "--smtp-port=INT", "(default: 25)"),
        Arguments.of("report", "--smtp-starttls=MODE", "(default: opportunistic)"),
        Arguments.of("report", "--email-timeout=INT", "(default: 30)"),
        Arguments.of("report", "--rules=NAME", "(default: reference)"),
        Arguments.of("collect", "--timeout=SECONDS", "(default: 120)"),
        Arguments.of("sample", "--days=N", "(default: 3)"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("shownDefaults")
  void helpShowsTheDefault(String command, String option, String shown) {
    CliResult r = Cli.run(command, "--help");
    assertEquals(0, r.exitCode(), r.err());
    String help = r.out().replaceAll("\\s+", " ");
    int at = help.indexOf(" " + option + " ");
    assertTrue(at >= 0, option + " missing in:\n" + r.out());
    int next = help.indexOf(" --", at + option.length() + 2);
    String entry = help.substring(at, next < 0 ? help.length() : next);
    assertTrue(entry.contains(shown), entry);
  }
}
