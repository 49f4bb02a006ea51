package io.gpureport.render;

import io.gpureport.load.Timestamps;

/** What a timeline says about its window: rule set and window (naive epoch microseconds). */
public record TimelineHeader(String rules, long start, long end, int hoursBack) {
  /** E.g. {@code 2025-11-01 23:45:02 to 2025-11-08 23:45:02 (168 hours), rules reference}. */
  String window() {
    return Timestamps.formatSeconds(start)
        + " to "
        + Timestamps.formatSeconds(end)
        + " ("
        + hoursBack
        + (hoursBack == 1 ? " hour" : " hours")
        + "), rules "
        + rules;
  }
}
