package io.gpureport.deliver;

import io.gpureport.render.Numbers;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The e-mail subject (docs/metrics.md, "Subject"). */
public final class Subject {
  private Subject() {}

  /**
   * {@code <prefix> <today>[ <period>][ (<p1> | <p2> | …)]}; {@code monthLabel} is non-null for
   * monthly reports.
   */
  public static String of(
      String prefix, LocalDate today, int hoursBack, String monthLabel, List<Double> percents) {
    StringBuilder s = new StringBuilder(prefix).append(' ').append(today);
    String period = monthLabel != null ? monthLabel : period(hoursBack);
    if (period != null) {
      s.append(' ').append(period);
    }
    if (!percents.isEmpty()) {
      s.append(" (")
          .append(
              percents.stream().map(p -> Numbers.f1(p) + "%").collect(Collectors.joining(" | ")))
          .append(')');
    }
    return s.toString();
  }

  /** {@code <w>w}, {@code <d>d} or {@code <h>h}; null for 0 hours. */
  static String period(int h) {
    if (h == 0) {
      return null;
    }
    if (h >= 168 && h % 168 == 0) {
      return h / 168 + "w";
    }
    if (h > 24 && h % 24 == 0) {
      return h / 24 + "d";
    }
    return h + "h";
  }
}
