package io.gpureport.classify;

import java.util.List;

/**
 * The rule sets by name (docs/metrics.md, "The rule set"): {@code reference} and {@code corrected}.
 */
public final class RuleSets {
  /** The name of the rule set corrected (docs/metrics.md, "Rule set corrected"). */
  public static final String CORRECTED = "corrected";

  private static final List<RuleSet> ALL =
      List.of(ReferenceRules.INSTANCE, CorrectedRules.INSTANCE);

  private RuleSets() {}

  /** The names of the rule sets, in the order they are listed. */
  public static List<String> names() {
    return ALL.stream().map(RuleSet::name).toList();
  }

  /** The rule set of that name; an unknown name is an {@link IllegalArgumentException}. */
  public static RuleSet named(String name) {
    for (RuleSet r : ALL) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown rule set '" + name + "'; known: " + String.join(", ", names()));
  }
}
