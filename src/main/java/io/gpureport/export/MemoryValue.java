package io.gpureport.export;

/** Whether a memory value read as a double can be stored as an int64 without changing it. */
final class MemoryValue {
  private static final double TWO_63 = 0x1p63;

  private MemoryValue() {}

  /**
   * True when {@code v} is an integer that an int64 holds and gives back as the same double; false
   * for NaN, infinities, fractions, magnitudes from 2^63 on and {@code -0.0} (an int64 0 reads back
   * as {@code +0.0}).
   */
  static boolean isIntegral(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v) || v != Math.rint(v)) {
      return false;
    }
    if (v >= TWO_63 || v < -TWO_63) {
      return false;
    }
    return Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0);
  }
}
