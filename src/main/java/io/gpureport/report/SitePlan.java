package io.gpureport.report;

import io.gpureport.load.Timestamps;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The pages of {@code gpureport site} for the newest data at {@code now} (naive local time, as the
 * data's): the report of the last complete calendar day, ISO week (Monday to Monday) and month
 * before it, each named by its period so that earlier runs' pages stay beside it (docs/metrics.md,
 * "Site").
 */
public record SitePlan(Period day, Period week, Period month) {
  private static final DateTimeFormatter DAY_LABEL =
      DateTimeFormatter.ofPattern("EEEE uuuu-MM-dd", Locale.US);

  public SitePlan {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(week, "week");
    Objects.requireNonNull(month, "month");
  }

  /** The kinds of period, each a folder of the site. */
  public enum Kind {
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly");

    private final String folder;

    Kind(String folder) {
      this.folder = folder;
    }

    /** The site folder of this kind's pages. */
    public String folder() {
      return folder;
    }
  }

  /**
   * One period's report page: {@code path} relative to the site, the label shown in links, and the
   * window: {@code hoursBack} hours up to {@code end} (naive epoch microseconds), or for the month,
   * the monthly analysis of the month before {@code end}.
   */
  public record Period(Kind kind, String name, int hoursBack, long end) {
    public Period {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
    }

    /** How links name the period. */
    public String label() {
      return SitePlan.label(kind, name);
    }

    /** The page's path relative to the site root. */
    public String path() {
      return kind.folder() + "/" + name + ".html";
    }
  }

  /** The periods that ended last before {@code now} (naive epoch microseconds). */
  public static SitePlan at(long now) {
    LocalDate today = Timestamps.toLocal(now).toLocalDate();
    LocalDate day = today.minusDays(1);
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate weekStart = monday.minusWeeks(1);
    YearMonth month = YearMonth.from(today).minusMonths(1);
    return new SitePlan(
        new Period(Kind.DAILY, day.toString(), 24, midnight(today)),
        new Period(Kind.WEEKLY, isoWeek(weekStart), 7 * 24, midnight(monday)),
        new Period(Kind.MONTHLY, month.toString(), 0, midnight(today.withDayOfMonth(1))));
  }

  /**
   * The period a page's name (without {@code .html}) stands for, as links show it, or null when the
   * name is not one this kind's pages have.
   */
  public static String label(Kind kind, String name) {
    try {
      return switch (kind) {
        case DAILY ->
            LocalDate.parse(name).toString().equals(name)
                ? DAY_LABEL.format(LocalDate.parse(name))
                : null;
        case WEEKLY -> weekLabel(name);
        case MONTHLY -> {
          YearMonth m = YearMonth.parse(name);
          yield !m.toString().equals(name)
              ? null
              : m.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + m.getYear();
        }
      };
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String weekLabel(String name) {
    if (!name.matches("\\d{4}-W\\d{2}")) {
      return null;
    }
    LocalDate monday =
        LocalDate.of(Integer.parseInt(name.substring(0, 4)), 6, 1)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(name.substring(6)))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    if (!isoWeek(monday).equals(name)) {
      return null;
    }
    return name + " (" + monday + " to " + monday.plusDays(6) + ")";
  }

  /** The three periods, daily first. */
  public List<Period> periods() {
    return List.of(day, week, month);
  }

  /** {@code YYYY-Www} of the ISO week that starts on {@code monday}. */
  static String isoWeek(LocalDate monday) {
    return String.format(
        Locale.ROOT,
        "%04d-W%02d",
        monday.get(IsoFields.WEEK_BASED_YEAR),
        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static long midnight(LocalDate d) {
    return Timestamps.of(d.atStartOfDay());
  }
}
