package io.gpureport.aggregate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which corrected rules are switched on in one run of the reference computation (CORRECTED.md
 * §10.1): none is the reference itself.
 */
record RuleSwitches(Set<RuleSwitch> on) {
  RuleSwitches {
    on = Set.copyOf(on);
  }

  /** The reference computation: every switch off. */
  static RuleSwitches none() {
    return new RuleSwitches(Set.of());
  }

  /** Only {@code rule} on. */
  static RuleSwitches only(RuleSwitch rule) {
    return new RuleSwitches(Set.of(rule));
  }

  /** Every switch on ({@code C1-C12 together}). */
  static RuleSwitches all() {
    return new RuleSwitches(EnumSet.allOf(RuleSwitch.class));
  }

  /** The runs of the report in order: reference, each rule alone, all together. */
  static List<RuleSwitches> runs() {
    List<RuleSwitches> out = new ArrayList<>();
    out.add(none());
    for (RuleSwitch r : RuleSwitch.values()) {
      out.add(only(r));
    }
    out.add(all());
    return out;
  }

  boolean has(RuleSwitch rule) {
    return on.contains(rule);
  }

  /** The switches that change the per-bucket counts (all but C7, C11, C12). */
  RuleSwitches counting() {
    return new RuleSwitches(
        on.stream().filter(r -> !r.totalsOnly()).collect(Collectors.toUnmodifiableSet()));
  }

  /** The heading of the run's block: {@code C1 Dedup key and rank}, or {@code C1-C12 together}. */
  String heading() {
    if (on.size() == 1) {
      RuleSwitch rule = on.iterator().next();
      return rule + " " + rule.title();
    }
    return on.size() == RuleSwitch.values().length ? "C1-C12 together" : on.toString();
  }
}
