package io.gpureport.load;

/**
 * Parses numeric TEXT leniently (docs/metrics.md, "Reading the values"): a number, or "no value".
 */
final class NumericText {
  private NumericText() {}

  static double parse(String text) {
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
