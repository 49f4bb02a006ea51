package io.gpureport.render;

import static io.gpureport.render.ChartStyle.BLUE;
import static io.gpureport.render.ChartStyle.GREEN;
import static io.gpureport.render.ChartStyle.PURPLE;
import static io.gpureport.render.ChartStyle.VERMILLION;

import io.gpureport.aggregate.BucketSeries;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.TimeSeries;
import io.gpureport.classify.LegacyClass;
import io.gpureport.classify.ReportingClass;
import io.gpureport.load.Timestamps;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an over-time chart plots, before any drawing: allocation per 15-minute bucket, per day
 * (monthly), or per bucket of the time series.
 */
record OverTime(
    String title, String subtitle, int stepMinutes, long from, long to, List<Line> lines) {
  private static final long DAY = 24 * Timestamps.MICROS_PER_HOUR;

  /** One line of an over-time chart: points at {@code x} (bucket starts), NaN = no point. */
  record Line(String name, Color color, boolean dashed, long[] x, double[] y) {}

  /** The over-time data of a report, or null when there is nothing to plot. */
  static OverTime of(Report r) {
    if (r instanceof Report.Series series) {
      return timeSeriesData(series.timeSeries());
    }
    if (!(r instanceof Report.DeviceTables withDevices)) {
      return null;
    }
    DeviceAllocation d = withDevices.device();
    if (d.buckets() == null || d.buckets().lines().isEmpty() || d.buckets().size() == 0) {
      return null;
    }
    BucketSeries s = d.buckets();
    if (r instanceof Report.Monthly monthly) {
      Report.Month month = monthly.month();
      BucketSeries days = s.daily();
      long from = month.start();
      long to = month.end() - Math.floorMod(month.end(), DAY);
      return new OverTime(
          "Daily allocated %, " + month.label(),
          "Per day: claimed / available GPUs summed over the day's 15-minute buckets, devices"
              + " model-filtered like Real Slots; Backfill TOTAL = the three backfill classes"
              + " together. Pool-local dates.",
          24 * 60,
          from,
          to,
          lines(days, from, to));
    }
    long[] st = s.starts();
    return new OverTime(
        "Allocated % over time",
        "Per "
            + s.bucketMinutes()
            + "-minute bucket: claimed / available GPUs of each class's"
            + " devices, model-filtered"
            + " like Real Slots; Backfill TOTAL = the three backfill classes together."
            + " Pool-local time.",
        s.bucketMinutes(),
        st[0],
        st[st.length - 1],
        lines(s, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  private static List<Line> lines(BucketSeries s, long from, long to) {
    int lo = 0;
    int hi = s.size();
    while (lo < hi && s.starts()[lo] < from) {
      lo++;
    }
    while (hi > lo && s.starts()[hi - 1] > to) {
      hi--;
    }
    long[] x = Arrays.copyOfRange(s.starts(), lo, hi);
    List<Line> out = new ArrayList<>();
    for (BucketSeries.Line l : s.lines()) {
      boolean backfill = l.slotClass() == null;
      out.add(
          new Line(
              l.name(),
              backfill ? PURPLE : color(l.slotClass()),
              backfill,
              x,
              Arrays.copyOfRange(l.percent(), lo, hi)));
    }
    return out;
  }

  /** Real classes in class order: blue, vermillion, green; backfill and any further: purple. */
  private static Color color(ReportingClass c) {
    return c.backfill()
        ? PURPLE
        : switch (c.index()) {
          case 0 -> BLUE;
          case 1 -> VERMILLION;
          case 2 -> GREEN;
          default -> PURPLE;
        };
  }

  private static OverTime timeSeriesData(TimeSeries ts) {
    List<TimeSeries.Bucket> buckets = ts.buckets();
    if (buckets.isEmpty()) {
      return null;
    }
    int n = buckets.size();
    long[] x = new long[n];
    for (int b = 0; b < n; b++) {
      x[b] = buckets.get(b).start();
    }
    List<Line> lines = new ArrayList<>();
    List<TimeSeries.Cell> first = buckets.get(0).cells();
    for (int k = 0; k < first.size(); k++) {
      LegacyClass lc = first.get(k).legacyClass();
      double[] y = new double[n];
      for (int b = 0; b < n; b++) {
        TimeSeries.Cell c = buckets.get(b).cells().get(k);
        y[b] = c.total() > 0 ? ((double) c.claimed() / c.total()) * 100 : Double.NaN;
      }
      Color color = lc.backfill() ? PURPLE : lc.index() == 0 ? BLUE : GREEN;
      lines.add(new Line(lc.printedName(), color, lc.backfill(), x, y));
    }
    return new OverTime(
        "Allocated % over time (" + ts.bucketMinutes() + "-minute buckets)",
        "Per bucket: claimed / total GPUs of each legacy class, the numbers of the Time Series"
            + " table. Pool-local time.",
        ts.bucketMinutes(),
        x[0],
        x[n - 1],
        lines);
  }
}
