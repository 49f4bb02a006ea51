package io.gpureport.aggregate;

/**
 * A corrected rule that {@code --explain-rules} switches on in the reference computation of the
 * Real and Backfill Slots tables, with its title (CORRECTED.md §10.1, §10.2).
 */
public enum RuleSwitch {
  C1("Dedup key and rank"),
  C2("Empty GPU ids"),
  C3("PrioritizedProjects"),
  C4("Interactive slots"),
  C5("Backfill ownership"),
  C6("GPU keys per machine"),
  C7("Ratio of sums"),
  C10("Old-model filter"),
  C11("Union totals"),
  C12("Busy totals");

  private final String title;

  RuleSwitch(String title) {
    this.title = title;
  }

  /** The title of the rule's block, e.g. {@code Dedup key and rank}. */
  public String title() {
    return title;
  }

  /** Whether the rule changes only how the counts become the eight rows, not the counts. */
  boolean totalsOnly() {
    return this == C7 || this == C11 || this == C12;
  }
}
