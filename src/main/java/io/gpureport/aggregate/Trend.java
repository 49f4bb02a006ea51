package io.gpureport.aggregate;

import io.gpureport.classify.LegacyClass;
import io.gpureport.load.Timestamps;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gpureport trend} as a pure function of the reference time series' buckets
 * (docs/metrics.md, "Trend"): per day or week (weeks start on Monday) and class, the buckets of
 * {@code [from, to)} summed. A bucket's claimed and available GPUs of a class are the time series'
 * claimed and total (docs/metrics.md, "Time series"); {@code real} adds the non-backfill classes.
 */
public final class Trend {
  /** The length of a period. */
  public enum Period {
    DAY,
    WEEK
  }

  private Trend() {}

  /**
   * The rows of {@code series} (buckets of its width) cut into periods over {@code [from, to)}
   * (naive epoch microseconds; {@code to} a bucket start), periods in time order and classes in
   * class order then {@code real}; without the partial periods when {@code completeOnly}.
   */
  public static List<TrendRow> of(
      TimeSeries series, Period period, long from, long to, boolean completeOnly) {
    long width = series.bucketMinutes() * Timestamps.MICROS_PER_MINUTE;
    double hours = series.bucketMinutes() / 60.0;
    long first = Timestamps.floor(from, series.bucketMinutes());
    List<TrendRow> rows = new ArrayList<>();
    LocalDate day = periodStart(Timestamps.toLocal(first).toLocalDate(), period);
    int b = 0;
    List<TimeSeries.Bucket> buckets = series.buckets();
    while (b < buckets.size() && buckets.get(b).start() < first) {
      b++;
    }
    while (Timestamps.of(day.atStartOfDay()) < to) {
      LocalDate next = period == Period.DAY ? day.plusDays(1) : day.plusWeeks(1);
      long ps = Timestamps.of(day.atStartOfDay());
      long pe = Timestamps.of(next.atStartOfDay());
      long lo = Math.max(ps, first);
      long hi = Math.min(pe, to);
      boolean partial = ps < first || pe > to;
      int nClasses = series.summary().size();
      long[] claimed = new long[nClasses];
      long[] total = new long[nClasses];
      int withData = 0;
      while (b < buckets.size() && buckets.get(b).start() < hi) {
        for (TimeSeries.Cell c : buckets.get(b).cells()) {
          claimed[c.legacyClass().index()] += c.claimed();
          total[c.legacyClass().index()] += c.total();
        }
        withData++;
        b++;
      }
      int inPeriod = (int) ((hi - lo + width - 1) / width);
      if (!(partial && completeOnly)) {
        long realClaimed = 0;
        long realTotal = 0;
        for (TimeSeries.Summary s : series.summary()) {
          LegacyClass lc = s.legacyClass();
          int i = lc.index();
          rows.add(
              new TrendRow(
                  day,
                  next,
                  partial,
                  PoolClass.of(lc).key(),
                  claimed[i],
                  total[i],
                  withData,
                  inPeriod,
                  hours));
          if (!lc.backfill()) {
            realClaimed += claimed[i];
            realTotal += total[i];
          }
        }
        rows.add(
            new TrendRow(
                day, next, partial, "real", realClaimed, realTotal, withData, inPeriod, hours));
      }
      day = next;
    }
    return rows;
  }

  private static LocalDate periodStart(LocalDate d, Period period) {
    return period == Period.DAY ? d : d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
