package io.gpureport.render;

import static io.gpureport.render.ChartStyle.BLUE;
import static io.gpureport.render.ChartStyle.GREEN;
import static io.gpureport.render.ChartStyle.PURPLE;
import static io.gpureport.render.ChartStyle.VERMILLION;
import static io.gpureport.render.ChartStyle.WIDTH;

import io.gpureport.aggregate.Trend;
import io.gpureport.aggregate.TrendRow;
import io.gpureport.load.Timestamps;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart of {@code gpureport trend} (README, "trend"): Allocated % per class over the periods,
 * one point per period at its first day, drawn as the report's over-time chart ({@link
 * OverTimeChart}, {@link ChartStyle}).
 */
final class TrendChart {
  static {
    ChartStyle.setUp();
  }

  static final String ID = "trend";

  private TrendChart() {}

  /** The chart of the rows, none without rows. */
  static List<ChartImage> of(Trend.Period period, List<TrendRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    OverTime data = data(period, rows);
    int height = OverTimeChart.HEIGHT;
    return List.of(
        new ChartImage(
            ID,
            data.title(),
            alt(data, rows),
            WIDTH,
            height,
            ChartPng.of(OverTimeChart.lineChart(data), WIDTH, height)));
  }

  /**
   * One line per class in the rows' order, a point per period at its first day (NaN: nothing
   * available).
   */
  static OverTime data(Trend.Period period, List<TrendRow> rows) {
    Map<String, List<TrendRow>> byClass = new LinkedHashMap<>();
    for (TrendRow r : rows) {
      byClass.computeIfAbsent(r.poolClass(), k -> new ArrayList<>()).add(r);
    }
    List<OverTime.Line> lines = new ArrayList<>();
    for (Map.Entry<String, List<TrendRow>> e : byClass.entrySet()) {
      List<TrendRow> rs = e.getValue();
      long[] x = new long[rs.size()];
      double[] y = new double[rs.size()];
      for (int i = 0; i < rs.size(); i++) {
        TrendRow r = rs.get(i);
        x[i] = Timestamps.of(r.start().atStartOfDay());
        y[i] = r.availableSum() > 0 ? r.allocatedPercent() : Double.NaN;
      }
      String c = e.getKey();
      lines.add(new OverTime.Line(c, color(c), c.equals("backfill"), x, y));
    }
    String unit = period == Trend.Period.DAY ? "day" : "week";
    return new OverTime(
        "Allocated % per " + unit,
        "Per "
            + unit
            + (period == Trend.Period.WEEK ? " (from Monday)" : "")
            + ": claimed / available GPUs summed over its 15-minute buckets with data, the"
            + " table's Alloc %; real = prioritized + open. Pool-local dates.",
        period == Trend.Period.DAY ? 24 * 60 : 7 * 24 * 60,
        lines.get(0).x()[0],
        axisEnd(lines.get(0).x(), rows.get(rows.size() - 1)),
        lines);
  }

  /**
   * The last point, or the only period's end: the axis's ticks suit the span from the first to this
   * (a single point would get a tick every 15 minutes).
   */
  private static long axisEnd(long[] x, TrendRow last) {
    return x.length > 1 ? x[x.length - 1] : Timestamps.of(last.end().atStartOfDay());
  }

  /** prioritized blue, open green (as in the time series), real vermillion, backfill purple. */
  private static Color color(String poolClass) {
    return switch (poolClass) {
      case "prioritized" -> BLUE;
      case "open" -> GREEN;
      case "real" -> VERMILLION;
      default -> PURPLE;
    };
  }

  /** The text alternative: the range and each class's Allocated % in the last period. */
  private static String alt(OverTime data, List<TrendRow> rows) {
    TrendRow last = rows.get(rows.size() - 1);
    List<String> parts = new ArrayList<>();
    for (TrendRow r : rows) {
      if (r.start().equals(last.start())) {
        parts.add(r.poolClass() + " " + Numbers.f1(r.allocatedPercent()) + "%");
      }
    }
    return "Line chart: "
        + data.title()
        + ", "
        + rows.get(0).start()
        + " to "
        + last.end().minusDays(1)
        + ". Allocated % in the last period ("
        + last.start()
        + (last.partial() ? ", partial" : "")
        + "): "
        + String.join(", ", parts)
        + ".";
  }
}
