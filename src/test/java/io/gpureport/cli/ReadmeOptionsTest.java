package io.gpureport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * README.md has a "### `&lt;command&gt;` options" section that names every option of the command.
 */
class ReadmeOptionsTest {
  private static final Pattern MENTIONED = Pattern.compile("`(--[a-z][a-z0-9-]*)");

  static Stream<String> commands() {
    return new CommandLine(new GpuReportCommand()).getSubcommands().keySet().stream();
  }

  private static CommandSpec spec(String command) {
    return new CommandLine(new GpuReportCommand()).getSubcommands().get(command).getCommandSpec();
  }

  /** Every long name of the command's options, {@code --no-} forms of negatable ones included. */
  private static Set<String> optionNames(CommandSpec spec) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      names.add(option.longestName());
      if (option.negatable()) {
        names.add(spec.negatableOptionTransformer().makeNegative(option.longestName(), spec));
      }
    }
    return names;
  }

  /** The text from the command's options heading to the next heading. */
  private static String section(String command) throws IOException {
    Path readme = Path.of(System.getProperty("user.dir"), "README.md");
    String heading = "### `" + command + "` options";
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    int start = lines.indexOf(heading);
    assertTrue(start >= 0, "README.md has no heading: " + heading);
    StringBuilder text = new StringBuilder();
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
      text.append(lines.get(i)).append('\n');
    }
    return text.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyOptionIsInTheReadme(String command) throws IOException {
    String text = section(command);
    List<String> missing = new ArrayList<>();
    for (String name : optionNames(spec(command))) {
      if (!Pattern.compile("`" + Pattern.quote(name) + "(?![\\w-])").matcher(text).find()) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "options of " + command + " missing in README.md");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theReadmeNamesNoOptionThatIsNotThere(String command) throws IOException {
    Set<String> names = optionNames(spec(command));
    List<String> unknown = new ArrayList<>();
    Matcher m = MENTIONED.matcher(section(command));
    while (m.find()) {
      if (!names.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    assertEquals(List.of(), unknown, "README.md's " + command + " section names unknown options");
  }
}
