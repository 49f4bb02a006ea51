package io.gpureport.cli;

import io.gpureport.classify.RuleSet;
import io.gpureport.classify.RuleSets;
import picocli.CommandLine.Option;

/**
 * {@code --rules} of the commands that classify and dedup slots with one of the report's rule sets
 * ({@code hosts}, {@code timeline}, {@code site}; README, "Rule sets").
 */
final class RulesOption {
  @Option(
      names = "--rules",
      paramLabel = "NAME",
      defaultValue = "reference",
      converter = ReportCommand.RulesConverter.class,
      description =
          "Rule set whose classes and dedup rank are used: reference or corrected"
              + " (default: ${DEFAULT-VALUE}).")
  String name;

  /** The rule set named. */
  RuleSet ruleSet() {
    return RuleSets.named(name);
  }
}
