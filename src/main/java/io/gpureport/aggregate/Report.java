package io.gpureport.aggregate;

import io.gpureport.config.ExclusionMap;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report renders, computed once: text, HTML, JSON and the e-mail all read this. One of
 * the report kinds: {@link Allocation}, {@link AllocationSummary} and {@link Series} over a {@link
 * Window} ({@link Windowed}), or {@link Monthly}; the report v2 ({@link Corrected}); the rule
 * effects of {@code --explain-rules} ({@link Explained}); their shared parts are the {@link
 * Context}. The reports with device tables are also {@link DeviceTables}.
 */
public sealed interface Report
    permits Report.Windowed, Report.DeviceTables, Report.Corrected, Report.Explained {

  /** The parts every kind of report has. */
  Context context();

  /** The percentages of the e-mail subject (docs/metrics.md, "Subject"). */
  List<Double> subjectPercents();

  /** The reported month of a monthly report (either rule set); empty for the other kinds. */
  default Optional<Month> reportedMonth() {
    return Optional.empty();
  }

  /** A report over a window of hours back from its end: allocation or time series. */
  sealed interface Windowed extends Report
      permits Allocation, AllocationSummary, Series, CorrectedAllocation, ExplainedAllocation {
    /** The window of the report. */
    Window window();
  }

  /** A report with the device tables: the allocation by device and the monthly summary. */
  sealed interface DeviceTables extends Report permits Allocation, Monthly {
    /** The device-path allocation. */
    DeviceAllocation device();
  }

  /** A report v2 of the rule set corrected: allocation or monthly (docs/metrics.md). */
  sealed interface Corrected extends Report permits CorrectedAllocation, CorrectedMonthly {
    /** The report v2's tables and sections. */
    CorrectedReport result();

    @Override
    default List<Double> subjectPercents() {
      return result().subjectPercents();
    }
  }

  /** The allocation report v2 over a window (both paths: by device or the summary). */
  record CorrectedAllocation(Window window, CorrectedReport result, Context context)
      implements Windowed, Corrected {
    public CorrectedAllocation {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(context, "context");
    }
  }

  /** The monthly report v2: the report v2 over the previous calendar month (C15). */
  record CorrectedMonthly(Month month, CorrectedReport result, Context context)
      implements Corrected {
    public CorrectedMonthly {
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(context, "context");
    }

    @Override
    public Optional<Month> reportedMonth() {
      return Optional.of(month);
    }
  }

  /**
   * The rule-effects report of {@code --explain-rules} (CORRECTED.md §10), over a window or a
   * month; text only, never e-mailed.
   */
  sealed interface Explained extends Report permits ExplainedAllocation, ExplainedMonthly {
    /** The eight rows under the reference and under each corrected rule. */
    RuleEffects effects();

    /** None: the rule effects are not e-mailed. */
    @Override
    default List<Double> subjectPercents() {
      return List.of();
    }
  }

  /** The rule effects over the window of an allocation report. */
  record ExplainedAllocation(Window window, RuleEffects effects, Context context)
      implements Windowed, Explained {
    public ExplainedAllocation {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(effects, "effects");
      Objects.requireNonNull(context, "context");
    }
  }

  /** The rule effects over the month of a monthly report (C15). */
  record ExplainedMonthly(Month month, RuleEffects effects, Context context) implements Explained {
    public ExplainedMonthly {
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(effects, "effects");
      Objects.requireNonNull(context, "context");
    }

    @Override
    public Optional<Month> reportedMonth() {
      return Optional.of(month);
    }
  }

  /** The allocation report with the device tables (docs/metrics.md, "Allocation report"). */
  record Allocation(Window window, DeviceAllocation device, Context context)
      implements Windowed, DeviceTables {
    public Allocation {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(context, "context");
    }

    @Override
    public List<Double> subjectPercents() {
      return device.subjectPercents();
    }
  }

  /** The allocation summary without device tables ({@code --no-group-by-device}). */
  record AllocationSummary(Window window, List<ClassStat> classes, Context context)
      implements Windowed {
    public AllocationSummary {
      Objects.requireNonNull(window, "window");
      classes = List.copyOf(classes);
      Objects.requireNonNull(context, "context");
    }

    /** The allocated percentages of the first three classes. */
    @Override
    public List<Double> subjectPercents() {
      return classes.subList(0, 3).stream().map(c -> c.stat().allocatedPercent()).toList();
    }
  }

  /** The time-series analysis (docs/metrics.md, "Time series"). */
  record Series(Window window, TimeSeries timeSeries, Context context) implements Windowed {
    public Series {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(timeSeries, "timeSeries");
      Objects.requireNonNull(context, "context");
    }

    /** None: the subject of a time series has no percentages. */
    @Override
    public List<Double> subjectPercents() {
      return List.of();
    }
  }

  /** The monthly summary: the device allocation of the previous calendar month. */
  record Monthly(Month month, DeviceAllocation device, Context context) implements DeviceTables {
    public Monthly {
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(context, "context");
    }

    @Override
    public List<Double> subjectPercents() {
      return device.subjectPercents();
    }

    @Override
    public Optional<Month> reportedMonth() {
      return Optional.of(month);
    }
  }

  /**
   * What every report has besides its result: the first and last timestamp of its data, the
   * excluded hosts, the filtering impact, the CHTC-owned hosts, the run time and when it was made.
   */
  record Context(
      String rules,
      long dataStart,
      long dataEnd,
      List<ExclusionMap.Entry> exclusions,
      Filtering filtering,
      List<String> chtcOwnedHosts,
      double runtimeSeconds,
      LocalDateTime generatedAt) {
    public Context {
      Objects.requireNonNull(rules, "rules");
      checkArgument(dataStart <= dataEnd, "dataStart %s > dataEnd %s", dataStart, dataEnd);
      exclusions = List.copyOf(exclusions);
      Objects.requireNonNull(filtering, "filtering");
      chtcOwnedHosts = List.copyOf(chtcOwnedHosts);
      Objects.requireNonNull(generatedAt, "generatedAt");
    }
  }

  /** The window {@code [start, end]} and its nominal length (docs/metrics.md, "Window"). */
  record Window(long start, long end, int hoursBack) {
    public Window {
      checkArgument(start <= end, "start %s > end %s", start, end);
      checkArgument(hoursBack >= 0, "hoursBack < 0: %s", hoursBack);
    }
  }

  /** The reported month of a monthly report (docs/metrics.md, "Monthly summary"). */
  record Month(String label, long start, long end, int hours) {
    public Month {
      Objects.requireNonNull(label, "label");
      checkArgument(start <= end, "start %s > end %s", start, end);
      checkArgument(hours > 0, "hours <= 0: %s", hours);
    }
  }

  /** The filtering impact (docs/metrics.md, "Excluded hosts and filtering impact"). */
  record Filtering(long rowsExcluded, long rowsAnalyzed) {
    public Filtering {
      checkArgument(rowsExcluded >= 0, "rowsExcluded < 0: %s", rowsExcluded);
      checkArgument(rowsAnalyzed >= 0, "rowsAnalyzed < 0: %s", rowsAnalyzed);
    }
  }

  /** Throws IllegalArgumentException with the formatted message unless {@code condition}. */
  private static void checkArgument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
