package io.gpureport.render;

import static io.gpureport.render.ChartStyle.GRID;
import static io.gpureport.render.ChartStyle.TITLE;

import io.gpureport.aggregate.BucketSeries;
import io.gpureport.aggregate.ClassStat;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.Stat;
import io.gpureport.aggregate.TimeSeries;
import io.gpureport.classify.ReportingClass;
import io.gpureport.load.Timestamps;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/** The allocation-over-time line chart of a report ({@link OverTime} drawn) and its alt text. */
final class OverTimeChart {
  static {
    ChartStyle.setUp();
  }

  /** Height of the over-time line charts. */
  static final int HEIGHT = 340;

  private OverTimeChart() {}

  /** The over-time line chart of a report, or null. */
  static JFreeChart of(Report r) {
    OverTime data = OverTime.of(r);
    return data == null ? null : lineChart(data);
  }

  static JFreeChart lineChart(OverTime data) {
    long step = data.stepMinutes() * Timestamps.MICROS_PER_MINUTE;
    DefaultXYDataset dataset = new DefaultXYDataset();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    int points = 0;
    for (OverTime.Line l : data.lines()) {
      points = Math.max(points, l.x().length);
    }
    // Dense lines (days of 15-minute buckets) are thinner and solid: a dash pattern on a jagged
    // line reads as noise. With few points (markers drawn) equal values are common, so the lines
    // are drawn in order, each thinner than the one before: a line inside a wider one still shows
    // both colours.
    boolean dense = points > 200;
    boolean few = points <= 62;
    float[] nested = {4.2f, 2.8f, 1.8f};
    for (int i = 0; i < data.lines().size(); i++) {
      OverTime.Line l = data.lines().get(i);
      float width = dense ? 1.4f : few ? nested[Math.min(i, nested.length - 1)] : 2f;
      dataset.addSeries(l.name(), xy(l, step));
      renderer.setSeriesPaint(i, l.color());
      renderer.setSeriesStroke(
          i,
          l.dashed() && !dense
              ? new BasicStroke(
                  width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 4f}, 0f)
              : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    // Few points: draw them, so that a single bucket or an isolated one is visible.
    renderer.setDefaultShapesVisible(few);
    renderer.setDefaultShapesFilled(true);

    NumberAxis y = new NumberAxis("Allocated %");
    // 0–100 with a sliver of headroom, so that a line at 100% is not cut in half by the plot edge.
    y.setRange(0, 102);
    y.setTickUnit(new NumberTickUnit(20));
    ChartStyle.styleAxis(y);

    long pad = Math.max(step / 2, 1);
    DateAxis x = TimeAxis.over(data.from(), data.to(), pad);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    ChartStyle.stylePlot(plot);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));

    JFreeChart chart = new JFreeChart(data.title(), TITLE, plot, true);
    ChartStyle.styleChart(chart, data.subtitle());
    return chart;
  }

  /** A line's points; a gap of more than two steps breaks the line (a NaN point between). */
  private static double[][] xy(OverTime.Line l, long step) {
    int n = l.x().length;
    double[] xs = new double[2 * n];
    double[] ys = new double[2 * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && l.x()[i] - l.x()[i - 1] > 2 * step) {
        xs[k] = TimeAxis.millis(l.x()[i - 1] + step);
        ys[k++] = Double.NaN;
      }
      xs[k] = TimeAxis.millis(l.x()[i]);
      ys[k++] = l.y()[i];
    }
    return new double[][] {Arrays.copyOf(xs, k), Arrays.copyOf(ys, k)};
  }

  /** The text alternative: the period and each line's allocated % over the whole of it. */
  static String alt(Report r, OverTime data) {
    StringBuilder b = new StringBuilder();
    boolean daily = data.stepMinutes() >= 24 * 60;
    String from =
        daily
            ? Timestamps.formatSeconds(data.from()).substring(0, 10)
            : Timestamps.formatBucketLabel(data.from());
    String to =
        daily
            ? Timestamps.formatSeconds(data.to()).substring(0, 10)
            : Timestamps.formatBucketLabel(data.to());
    b.append("Line chart: ")
        .append(data.title())
        .append(", ")
        .append(from)
        .append(" to ")
        .append(to)
        .append(". ");
    if (r instanceof Report.Series series) {
      b.append("Mean allocated %: ");
      List<String> parts = new ArrayList<>();
      for (TimeSeries.Summary s : series.timeSeries().summary()) {
        parts.add(
            s.legacyClass().printedName() + " " + Numbers.f1(s.stat().allocatedPercent()) + "%");
      }
      return b.append(String.join(", ", parts)).append('.').toString();
    }
    DeviceAllocation d = ((Report.DeviceTables) r).device();
    List<String> parts = new ArrayList<>();
    for (BucketSeries.Line l : d.buckets().lines()) {
      Stat s =
          l.slotClass() == null
              ? d.classes() instanceof DeviceAllocation.Included c ? c.backfill().total() : null
              : realStat(d, l.slotClass());
      parts.add(l.name() + (s == null ? "" : " " + Numbers.f1(s.allocatedPercent()) + "%"));
    }
    return b.append("Allocated % over the whole period: ")
        .append(String.join(", ", parts))
        .append('.')
        .toString();
  }

  private static Stat realStat(DeviceAllocation d, ReportingClass c) {
    if (d.classes() instanceof DeviceAllocation.Included included) {
      for (ClassStat cs : included.real().classes()) {
        if (cs.slotClass().equals(c)) {
          return cs.stat();
        }
      }
    }
    return null;
  }
}
