package io.gpureport.render;

import io.gpureport.load.Timestamps;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;

/**
 * The time axis of the over-time chart. Timestamps are naive pool-local epoch microseconds; they
 * are drawn "as UTC" (a {@link DateAxis} in UTC) so that the labels show the naive wall clock.
 */
final class TimeAxis {
  private static final long HOUR = Timestamps.MICROS_PER_HOUR;
  private static final long DAY = 24 * HOUR;

  private TimeAxis() {}

  /**
   * A time axis over {@code [first - pad, last + pad]} (micros) whose ticks suit the span from the
   * first to the last point: 15 minutes up to 2 hours, hourly up to 12 hours, 2-hourly up to a day,
   * 6-hourly up to 3 days, daily up to 14 days, weekly up to 120 days, monthly beyond (a year of
   * {@code trend}).
   */
  static DateAxis over(long firstPoint, long lastPoint, long pad) {
    long span = lastPoint - firstPoint;
    long lower = firstPoint - pad;
    long upper = lastPoint + pad;
    TimeZone utc = TimeZone.getTimeZone("UTC");
    DateTickUnit unit;
    if (span <= 2 * HOUR) {
      unit = new DateTickUnit(DateTickUnitType.MINUTE, 15, new TickFormat());
    } else if (span <= 12 * HOUR) {
      unit = new DateTickUnit(DateTickUnitType.HOUR, 1, new TickFormat());
    } else if (span <= DAY) {
      unit = new DateTickUnit(DateTickUnitType.HOUR, 2, new TickFormat());
    } else if (span <= 3 * DAY) {
      unit = new DateTickUnit(DateTickUnitType.HOUR, 6, new TickFormat());
    } else if (span <= 14 * DAY) {
      unit = new DateTickUnit(DateTickUnitType.DAY, 1, utc("MM-dd"));
    } else if (span <= 120 * DAY) {
      unit = new DateTickUnit(DateTickUnitType.DAY, 7, utc("MM-dd"));
    } else {
      unit = new DateTickUnit(DateTickUnitType.MONTH, 1, utc("yyyy-MM"));
    }
    boolean timeOfDay = unit.getUnitType() != DateTickUnitType.DAY;
    String first = Timestamps.formatSeconds(firstPoint).substring(0, 10);
    String last = Timestamps.formatSeconds(lastPoint).substring(0, 10);
    String dates = first.equals(last) ? first : first + " to " + last;
    DateAxis axis = new DateAxis((timeOfDay ? "Time, " : "Date, ") + dates, utc, Locale.ROOT);
    axis.setTickUnit(unit);
    axis.setTickMarkPosition(DateTickMarkPosition.START);
    axis.setRange(millis(lower), millis(upper));
    ChartStyle.styleAxis(axis);
    return axis;
  }

  /** A naive timestamp (micros) as the axis's milliseconds. */
  static double millis(long micros) {
    return Math.floorDiv(micros, 1000L);
  }

  private static SimpleDateFormat utc(String pattern) {
    SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ROOT);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f;
  }

  /**
   * Tick labels of sub-daily ticks: {@code HH:mm}, except at midnight, where the label is the date
   * {@code MM-dd}, so that a span over several days stays short and still shows its days.
   */
  static final class TickFormat extends DateFormat {
    private static final long serialVersionUID = 1L;
    private static final long DAY_MILLIS = 86_400_000L;
    private final SimpleDateFormat date = utc("MM-dd");
    private final SimpleDateFormat time = utc("HH:mm");

    TickFormat() {
      setCalendar(Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT));
      setNumberFormat(NumberFormat.getIntegerInstance(Locale.ROOT));
    }

    @Override
    public StringBuffer format(Date d, StringBuffer to, FieldPosition pos) {
      boolean midnight = Math.floorMod(d.getTime(), DAY_MILLIS) == 0;
      return (midnight ? date : time).format(d, to, pos);
    }

    @Override
    public Date parse(String source, ParsePosition pos) {
      return time.parse(source, pos);
    }
  }
}
