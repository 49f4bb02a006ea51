package io.gpureport.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formats (docs/metrics.md, "Rounding and evaluation order", "JSON", L22). */
public final class Numbers {
  private Numbers() {}

  /** One decimal, half-even from the exact binary value. */
  public static String f1(double x) {
    return new BigDecimal(x).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Two decimals, half-even from the exact binary value. */
  public static String f2(double x) {
    return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** An integer with {@code ,} thousands separators. */
  public static String thousands(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The shortest decimal that reads back as the same double (JDK 19+ Double.toString). */
  public static String json(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return "null";
    }
    if (x == 0) {
      return "0.0";
    }
    BigDecimal exact = new BigDecimal(x);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == x) {
        shortest = r;
        break;
      }
    }
    String plain = shortest.stripTrailingZeros().toPlainString();
    if (Math.abs(x) >= 1e16 || Math.abs(x) < 1e-6) {
      return shortest.stripTrailingZeros().toString().replace("E+", "E");
    }
    return plain.contains(".") ? plain : plain + ".0";
  }
}
