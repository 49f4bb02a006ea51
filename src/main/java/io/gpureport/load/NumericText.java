package io.gpureport.load;

/**
 * Parses numeric TEXT leniently (docs/metrics.md, "Reading the values"): a number, or "no value".
 */
public final class NumericText {
  private NumericText() {}

  /** The number {@code text} holds, or NaN when it holds none (blank, NULL or not a number). */
  public static double parse(String text) {
    if (text == null) {
      return Double.NaN;
    }
    String t = text.trim();
    if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return Double.NaN;
    }
    return Double.parseDouble(t);
  }
}
