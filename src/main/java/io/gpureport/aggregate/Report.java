package io.gpureport.aggregate;

import io.gpureport.config.ExclusionMap;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything a report renders, computed once: text, HTML, JSON and the e-mail all read this.
 * Exactly one of {@code device}, {@code summary} and {@code timeSeries} is non-null.
 */
public record Report(
    Analysis analysis,
    Window window,
    Month month,
    long dataStart,
    long dataEnd,
    DeviceAllocation device,
    List<ClassStat> summary,
    TimeSeries timeSeries,
    List<ExclusionMap.Entry> exclusions,
    Filtering filtering,
    List<String> chtcOwnedHosts,
    double runtimeSeconds,
    LocalDateTime generatedAt) {

  /** The analyses that produce this kind of report. */
  public enum Analysis {
    ALLOCATION("allocation"),
    TIMESERIES("timeseries"),
    MONTHLY("monthly");

    private final String jsonName;

    Analysis(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  /** The window {@code [start, end]} and its nominal length (docs/metrics.md, "Window"). */
  public record Window(long start, long end, int hoursBack) {}

  /** The reported month of a monthly report (docs/metrics.md, "Monthly summary"). */
  public record Month(String label, long start, long end, int hours) {}

  /** The filtering impact (docs/metrics.md, "Excluded hosts and filtering impact"). */
  public record Filtering(long rowsExcluded, long rowsAnalyzed) {}

  /** The percentages of the e-mail subject (docs/metrics.md, "Subject"). */
  public List<Double> subjectPercents() {
    if (timeSeries != null) {
      return List.of();
    }
    if (summary != null) {
      return summary.subList(0, 3).stream().map(c -> c.stat().allocatedPercent()).toList();
    }
    return device.subjectPercents();
  }
}
