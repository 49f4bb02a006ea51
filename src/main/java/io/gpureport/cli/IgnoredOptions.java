package io.gpureport.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options given on the command line that the chosen analysis does not use (docs/metrics.md,
 * "Checks, messages and exit status", and L20): the report is unchanged, but the user hears that
 * the option had no effect.
 */
final class IgnoredOptions {
  private static final List<String> SNAPSHOT_ONLY =
      List.of("--gpu-model", "--snapshot-time", "--window-minutes");

  /**
   * The old-model filter applies to device tables only (docs/metrics.md, "Old-GPU model filter"):
   * not to time series or snapshot.
   */
  private static final Map<AnalysisType, List<String>> UNUSED =
      Map.of(
          AnalysisType.ALLOCATION, concat(List.of("--bucket-minutes"), SNAPSHOT_ONLY),
          AnalysisType.TIMESERIES,
              concat(List.of("--group-by-device", "--all-devices"), SNAPSHOT_ONLY),
          AnalysisType.MONTHLY,
              concat(
                  List.of(
                      "--hours-back",
                      "--host",
                      "--bucket-minutes",
                      "--group-by-device",
                      "--all-devices"),
                  SNAPSHOT_ONLY),
          AnalysisType.GPU_MODEL_SNAPSHOT,
              List.of(
                  "--hours-back",
                  "--end-time",
                  "--host",
                  "--bucket-minutes",
                  "--group-by-device",
                  "--all-devices",
                  "--exclude-hosts",
                  "--exclude-hosts-yaml"));

  /**
   * The allocation summary without device tables applies no model filter either (docs/metrics.md
   * L18).
   */
  private static final List<String> UNUSED_WITHOUT_DEVICE_TABLES =
      concat(UNUSED.get(AnalysisType.ALLOCATION), List.of("--all-devices"));

  /** Options that only matter when the report is e-mailed. */
  private static final Set<String> EMAIL_ONLY =
      Set.of(
          "--email-from",
          "--email-subject-prefix",
          "--smtp-server",
          "--smtp-port",
          "--smtp-starttls",
          "--smtp-user",
          "--smtp-insecure",
          "--email-timeout",
          "--email-debug");

  private IgnoredOptions() {}

  /**
   * What the rule set corrected uses beyond reference: {@code --host} and {@code --all-devices} in
   * monthly (C15), and its one model filter everywhere (C10), so {@code --all-devices} too.
   */
  private static final List<String> USED_BY_CORRECTED = List.of("--host", "--all-devices");

  /**
   * One {@code Warning: …} line per kind of ignored option, in command-line order; {@code
   * corrected}: under the rule set corrected.
   */
  static List<String> warnings(ParseResult parsed, AnalysisType analysis, boolean corrected) {
    boolean withoutDeviceTables =
        analysis == AnalysisType.ALLOCATION
            && !parsed.matchedOptionValue("--group-by-device", true);
    List<String> ignored =
        new ArrayList<>(withoutDeviceTables ? UNUSED_WITHOUT_DEVICE_TABLES : UNUSED.get(analysis));
    if (corrected && analysis != AnalysisType.GPU_MODEL_SNAPSHOT) {
      ignored.removeAll(USED_BY_CORRECTED);
    }
    List<String> unused = new ArrayList<>();
    List<String> emailOnly = new ArrayList<>();
    boolean emails = parsed.hasMatchedOption("--email-to");
    for (OptionSpec option : parsed.matchedOptions()) {
      String name = option.longestName();
      String typed = typedName(parsed, option);
      if (ignored.contains(name) && !unused.contains(typed)) {
        unused.add(typed);
      } else if (!emails && EMAIL_ONLY.contains(name) && !emailOnly.contains(typed)) {
        emailOnly.add(typed);
      }
    }
    List<String> out = new ArrayList<>();
    if (!unused.isEmpty()) {
      out.add(
          "Warning: "
              + Suggestions.listed(unused, "and")
              + (unused.size() == 1 ? " is" : " are")
              + " ignored by the "
              + analysisName(analysis, withoutDeviceTables));
    }
    if (!emailOnly.isEmpty()) {
      out.add(
          "Warning: "
              + Suggestions.listed(emailOnly, "and")
              + (emailOnly.size() == 1 ? " has" : " have")
              + " no effect without --email-to");
    }
    return out;
  }

  /**
   * {@code allocation analysis}, {@code allocation analysis with --no-group-by-device} and so on.
   */
  private static String analysisName(AnalysisType analysis, boolean withoutDeviceTables) {
    return analysis.name().toLowerCase(Locale.ROOT).replace('_', '-')
        + " analysis"
        + (withoutDeviceTables ? " with --no-group-by-device" : "");
  }

  /**
   * The option as the user named it: the negated form ({@code --no-group-by-device}) when that was
   * given. An option name on the command line is always an option, never another's value.
   */
  private static String typedName(ParseResult parsed, OptionSpec option) {
    String name = option.longestName();
    if (!option.negatable()) {
      return name;
    }
    CommandSpec command = parsed.commandSpec();
    String negated = command.negatableOptionTransformer().makeNegative(name, command);
    return parsed.expandedArgs().contains(negated) ? negated : name;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
