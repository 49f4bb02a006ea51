package io.gpureport.aggregate;

import java.util.List;
import java.util.Objects;

/**
 * The rule-effects report of {@code --explain-rules} (CORRECTED.md §10): the eight rows of the Real
 * and Backfill Slots tables as the reference computes them, and as it computes them with each
 * corrected rule switched on alone and with all of them together.
 */
public record RuleEffects(SlotRows reference, List<Effect> effects) {
  /** The corrected rules that cannot change the eight rows, so are not run. */
  public static final List<String> NOT_EVALUATED = List.of("C8", "C9", "C13", "C14", "C15", "C16");

  public RuleEffects {
    Objects.requireNonNull(reference, "reference");
    effects = List.copyOf(effects);
  }

  /** One run with switches on: its heading ({@code C1 Dedup key and rank}) and its rows. */
  public record Effect(String heading, SlotRows rows) {
    public Effect {
      Objects.requireNonNull(heading, "heading");
      Objects.requireNonNull(rows, "rows");
    }
  }

  /**
   * The eight rows in order: Real Slots TOTAL, classes 1–3, Backfill Slots TOTAL, classes 4–6; a
   * class with no device entry reads 0.
   */
  public record SlotRows(List<Line> lines) {
    public SlotRows {
      lines = List.copyOf(lines);
    }
  }

  /** A row: its label, its indentation level and its numbers. */
  public record Line(String label, int level, Stat stat) {
    public Line {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(stat, "stat");
    }
  }
}
