package io.gpureport.render;

import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.RuleEffects;
import io.gpureport.aggregate.Stat;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The text of the rule-effects report of {@code --explain-rules} (CORRECTED.md §10.2). */
final class RuleEffectsText {
  private final TextReport out = new TextReport();

  private RuleEffectsText() {}

  static String render(Report.Explained report) {
    RuleEffectsText t = new RuleEffectsText();
    String rules = "Rules: " + report.context().rules();
    t.out.header(report, rules);
    t.body(report.effects());
    t.out.trailer(report);
    return t.out.text();
  }

  private void body(RuleEffects e) {
    title("RULE EFFECTS (each corrected rule alone, against reference)");
    out.line(
        "  Changes are in percentage points (Allocated %) and in GPUs (Allocated, Available).");
    title("REFERENCE");
    header();
    for (RuleEffects.Line l : e.reference().lines()) {
      Stat s = l.stat();
      line(
          l,
          Numbers.f1(s.allocatedPercent()) + "%",
          Numbers.f1(s.allocatedAvg()),
          Numbers.f1(s.availableAvg()));
    }
    for (RuleEffects.Effect effect : e.effects()) {
      title(effect.heading());
      header();
      List<RuleEffects.Line> ref = e.reference().lines();
      List<RuleEffects.Line> with = effect.rows().lines();
      for (int k = 0; k < ref.size(); k++) {
        Stat r = ref.get(k).stat();
        Stat w = with.get(k).stat();
        line(
            ref.get(k),
            signed(r, w, Stat::allocatedPercent),
            signed(r, w, Stat::allocatedAvg),
            signed(r, w, Stat::availableAvg));
      }
    }
    out.line("")
        .line(
            "Not evaluated (no effect on these rows): "
                + String.join(", ", RuleEffects.NOT_EVALUATED)
                + ".");
  }

  private void title(String title) {
    out.line("").line(title + ":").line(TextReport.rule('-', 98));
  }

  private void header() {
    row(
        CorrectedText.left("Row", 36)
            + CorrectedText.right("Allocated %", 12)
            + CorrectedText.right("Allocated", 12)
            + CorrectedText.right("Available", 12));
    out.line(TextReport.rule('-', 98));
  }

  private void line(RuleEffects.Line l, String percent, String allocated, String available) {
    row(
        CorrectedText.left(CorrectedText.indent(l.level()) + l.label(), 36)
            + CorrectedText.right(percent, 12)
            + CorrectedText.right(allocated, 12)
            + CorrectedText.right(available, 12));
  }

  /** A table line: two spaces, the cells, right-trimmed. */
  private void row(String cells) {
    out.line(("  " + cells).stripTrailing());
  }

  /** {@code sgn(Δ)} of one number: with the rule minus reference, signed, {@code +0.0} for 0. */
  private static String signed(Stat reference, Stat with, ToDoubleFunction<Stat> number) {
    return sgn(number.applyAsDouble(with) - number.applyAsDouble(reference));
  }

  /** ⌊x⌋₁ prefixed with {@code +} unless it starts with {@code -} (a zero is {@code +0.0}). */
  static String sgn(double x) {
    String s = Numbers.f1(x);
    return s.startsWith("-") ? s : "+" + s;
  }
}
