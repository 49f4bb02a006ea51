package io.gpureport.sample;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

/** Relative job demand by time of day and day of week: busiest mid-afternoon, quiet at weekends. */
final class DiurnalLoad {
  private static final double NIGHT = 0.45;
  private static final double SWING = 1.1;
  private static final double WEEKEND = 0.7;

  private DiurnalLoad() {}

  /** A factor around 1.0 (0.45 at 03:30 on a weekday, 1.55 at 15:30). */
  static double factor(LocalDateTime t) {
    double hour = t.getHour() + t.getMinute() / 60.0;
    double day = 0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 3.5) / 24);
    double f = NIGHT + SWING * day;
    DayOfWeek d = t.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? f * WEEKEND : f;
  }
}
