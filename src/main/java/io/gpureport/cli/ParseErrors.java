package io.gpureport.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The text of the one {@code Error:} line for a command line that picocli could not parse, with
 * picocli's suggestions for a mistyped command or option and a hint for an unquoted time.
 */
final class ParseErrors {
  private static final Set<String> TIME_OPTIONS =
      Set.of("--end-time", "--snapshot-time", "--start");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{1,2}(:\\d{1,2})?");

  private ParseErrors() {}

  /** The message after {@code Error: } for {@code ex}, raised while parsing {@code args}. */
  static String message(ParameterException ex, String[] args) {
    if (!(ex instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return ex.getMessage();
    }
    if (unmatched.isUnknownOption()) {
      return unknownOption(unmatched);
    }
    if (isRoot(unmatched.getCommandLine())) {
      return unknownCommand(unmatched);
    }
    return ex.getMessage() + unquotedTimeHint(unmatched.getUnmatched().get(0), args);
  }

  /**
   * {@code missing command: report, collect, sample, index, export or hosts (see gpureport
   * --help)}.
   */
  static String missingCommand(CommandLine root) {
    return "missing command: "
        + Suggestions.alternatives(commandNames(root))
        + " (see "
        + root.getCommandName()
        + " --help)";
  }

  private static String unknownOption(UnmatchedArgumentException ex) {
    List<String> options = ex.getUnmatched().stream().filter(ParseErrors::looksLikeOption).toList();
    if (options.isEmpty()) {
      return ex.getMessage();
    }
    String first = options.get(0);
    String text =
        (options.size() == 1 ? "Unknown option: " : "Unknown options: ") + quoted(options);
    CommandLine command = ex.getCommandLine();
    String owner = isRoot(command) ? subcommandWithOption(command, optionName(first)) : null;
    if (owner != null) {
      return text
          + " (options go after the command, e.g. "
          + command.getCommandName()
          + " "
          + owner
          + " "
          + optionName(first)
          + " ...)";
    }
    return text + Suggestions.didYouMean(optionName(first), ex.getSuggestions());
  }

  private static String unknownCommand(UnmatchedArgumentException ex) {
    String typed = ex.getUnmatched().get(0);
    String hint = Suggestions.didYouMean(typed, ex.getSuggestions());
    if (hint.isEmpty()) {
      hint = " (commands: " + Suggestions.alternatives(commandNames(ex.getCommandLine())) + ")";
    }
    return "unknown command '" + typed + "'" + hint;
  }

  /**
   * {@code (quote the time: --end-time "2025-11-05 06:00:00")} when {@code stray} looks like a time
   * and follows a date given to a time option; empty otherwise.
   */
  private static String unquotedTimeHint(String stray, String[] args) {
    if (!TIME.matcher(stray).matches()) {
      return "";
    }
    for (int i = 1; i < args.length; i++) {
      if (!args[i].equals(stray)) {
        continue;
      }
      String[] optionAndDate = optionAndDate(args, i - 1);
      if (optionAndDate != null) {
        return " (quote the time: "
            + optionAndDate[0]
            + " \""
            + optionAndDate[1]
            + " "
            + stray
            + "\")";
      }
    }
    return "";
  }

  /** The time option and its date value that end at {@code args[at]}, or {@code null}. */
  private static String[] optionAndDate(String[] args, int at) {
    String value = args[at];
    int eq = value.indexOf('=');
    if (eq > 0 && TIME_OPTIONS.contains(value.substring(0, eq))) {
      String date = value.substring(eq + 1);
      return DATE.matcher(date).matches() ? new String[] {value.substring(0, eq), date} : null;
    }
    if (at >= 1 && TIME_OPTIONS.contains(args[at - 1]) && DATE.matcher(value).matches()) {
      return new String[] {args[at - 1], value};
    }
    return null;
  }

  private static String subcommandWithOption(CommandLine root, String option) {
    for (CommandLine sub : root.getSubcommands().values()) {
      if (sub.getCommandSpec().findOption(option) != null) {
        return sub.getCommandName();
      }
    }
    return null;
  }

  private static List<String> commandNames(CommandLine root) {
    return new ArrayList<>(root.getSubcommands().keySet());
  }

  private static boolean isRoot(CommandLine command) {
    return command.getParent() == null && !command.getSubcommands().isEmpty();
  }

  private static boolean looksLikeOption(String arg) {
    return arg.length() > 1 && arg.startsWith("-") && !Character.isDigit(arg.charAt(1));
  }

  /** {@code --hours-bak} for {@code --hours-bak=24}. */
  private static String optionName(String arg) {
    int eq = arg.indexOf('=');
    return eq > 0 ? arg.substring(0, eq) : arg;
  }

  private static String quoted(List<String> args) {
    return String.join(", ", args.stream().map(a -> "'" + a + "'").toList());
  }
}
