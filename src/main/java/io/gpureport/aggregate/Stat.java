package io.gpureport.aggregate;

/** The three numbers of a report line {@code <p>% (<c>/<t> GPUs)}. */
public record Stat(double allocatedPercent, double allocatedAvg, double availableAvg) {
  /** A ratio-of-sums stat: percent = claimed / available * 100, or 0 if nothing is available. */
  public static Stat ofSums(double claimed, double available) {
    return new Stat(available > 0 ? (claimed / available) * 100 : 0, claimed, available);
  }
}
