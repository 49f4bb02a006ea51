package io.gpureport.render;

import io.gpureport.aggregate.BucketSeries;
import io.gpureport.aggregate.ClassStat;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.DeviceTable;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.Stat;
import io.gpureport.aggregate.TimeSeries;
import io.gpureport.classify.LegacyClass;
import io.gpureport.classify.SlotClass;
import io.gpureport.load.Timestamps;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The charts of the HTML report and the e-mail, drawn with JFreeChart to PNG from the computed
 * {@link Report} (no second computation): allocation over time (allocation: per 15-minute bucket;
 * monthly: per day; time series: its buckets) and allocated vs. available GPUs by device type.
 *
 * <p>Timestamps are naive pool-local epoch microseconds; they are drawn "as UTC" (a {@link
 * DateAxis} in UTC) so that the labels show the naive wall clock. Colours are the Okabe–Ito
 * palette, which stays distinguishable with the common colour-vision deficiencies.
 */
final class Charts {
  static {
    // Before any AWT use: the CLI never needs a display.
    System.setProperty("java.awt.headless", "true");
  }

  /** Width of every chart: the content width of the 880-pixel report card. */
  static final int WIDTH = 820;

  /** Height of the over-time line charts. */
  static final int LINE_HEIGHT = 340;

  static final String OVER_TIME = "over-time";
  static final String DEVICES = "devices";

  static final String ALLOCATED = "Allocated";
  static final String UNALLOCATED = "Available, not allocated";

  // Okabe–Ito.
  static final Color BLUE = new Color(0x0072B2);
  static final Color VERMILLION = new Color(0xD55E00);
  static final Color GREEN = new Color(0x009E73);
  static final Color PURPLE = new Color(0xCC79A7);
  private static final Color INK = new Color(0x1F2933);
  private static final Color MUTED = new Color(0x52606D);
  private static final Color GRID = new Color(0xD5DCE4);
  private static final Color UNALLOCATED_FILL = new Color(0xD9DEE4);

  private static final String FAMILY = Font.SANS_SERIF;
  private static final Font TITLE = new Font(FAMILY, Font.BOLD, 15);
  private static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 11);
  private static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 12);
  private static final Font TICK = new Font(FAMILY, Font.PLAIN, 11);
  private static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 12);
  private static final Font PANEL = new Font(FAMILY, Font.BOLD, 12);
  private static final Font ITEM = new Font(FAMILY, Font.PLAIN, 11);

  private static final long HOUR = Timestamps.MICROS_PER_HOUR;
  private static final long DAY = 24 * HOUR;

  private Charts() {}

  /** The charts of a report in page order; empty for the non-device allocation summary. */
  static List<ChartImage> of(Report r) {
    List<ChartImage> out = new ArrayList<>();
    OverTime data = overTimeData(r);
    if (data != null) {
      out.add(new ChartImage(OVER_TIME, data.title(), overTimeAlt(r, data), WIDTH, LINE_HEIGHT,
          png(lineChart(data), WIDTH, LINE_HEIGHT)));
    }
    DevicePanels devices = devicePanels(r);
    if (devices != null) {
      out.add(new ChartImage(DEVICES, devices.title(), devicesAlt(r.device()), WIDTH,
          devices.height(), devices.png()));
    }
    return out;
  }

  // ------------------------------------------------------------------------------ over time

  /** One line of an over-time chart: points at {@code x} (bucket starts), NaN = no point. */
  record Line(String name, Color color, boolean dashed, long[] x, double[] y) {}

  /** What an over-time chart plots, before any drawing. */
  record OverTime(String title, String subtitle, int stepMinutes, long from, long to, List<Line> lines) {}

  /** The over-time data of a report, or null when there is nothing to plot. */
  static OverTime overTimeData(Report r) {
    if (r.timeSeries() != null) {
      return timeSeriesData(r.timeSeries());
    }
    DeviceAllocation d = r.device();
    if (d == null || d.buckets() == null || d.buckets().lines().isEmpty() || d.buckets().size() == 0) {
      return null;
    }
    BucketSeries s = d.buckets();
    if (r.analysis() == Report.Analysis.MONTHLY) {
      BucketSeries days = s.daily();
      long from = r.month().start();
      long to = r.month().end() - Math.floorMod(r.month().end(), DAY);
      return new OverTime(
          "Daily allocated %, " + r.month().label(),
          "Per day: claimed / available GPUs summed over the day's 15-minute buckets, devices"
              + " model-filtered like Real Slots; Backfill TOTAL = the three backfill classes"
              + " together. Pool-local dates.",
          24 * 60, from, to, lines(days, from, to));
    }
    long[] st = s.starts();
    return new OverTime(
        "Allocated % over time",
        "Per " + s.bucketMinutes() + "-minute bucket: claimed / available GPUs of each class's"
            + " devices, model-filtered"
            + " like Real Slots; Backfill TOTAL = the three backfill classes together."
            + " Pool-local time.",
        s.bucketMinutes(), st[0], st[st.length - 1], lines(s, Long.MIN_VALUE, Long.MAX_VALUE));
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
      out.add(new Line(l.name(), backfill ? PURPLE : color(l.slotClass()), backfill, x,
          Arrays.copyOfRange(l.percent(), lo, hi)));
    }
    return out;
  }

  private static Color color(SlotClass c) {
    return switch (c) {
      case PRIORITY_RESEARCHER -> BLUE;
      case PRIORITY_CHTC -> VERMILLION;
      case SHARED -> GREEN;
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
      Color color = switch (lc) {
        case PRIORITY -> BLUE;
        case SHARED -> GREEN;
        case BACKFILL -> PURPLE;
      };
      lines.add(new Line(lc.printedName(), color, lc == LegacyClass.BACKFILL, x, y));
    }
    return new OverTime(
        "Allocated % over time (" + ts.bucketMinutes() + "-minute buckets)",
        "Per bucket: claimed / total GPUs of each legacy class, the numbers of the Time Series"
            + " table. Pool-local time.",
        ts.bucketMinutes(), x[0], x[n - 1], lines);
  }

  /** The over-time line chart of a report, or null. */
  static JFreeChart overTime(Report r) {
    OverTime data = overTimeData(r);
    return data == null ? null : lineChart(data);
  }

  static JFreeChart lineChart(OverTime data) {
    long step = data.stepMinutes() * Timestamps.MICROS_PER_MINUTE;
    DefaultXYDataset dataset = new DefaultXYDataset();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    int points = 0;
    for (Line l : data.lines()) {
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
      Line l = data.lines().get(i);
      float width = dense ? 1.4f : few ? nested[Math.min(i, nested.length - 1)] : 2f;
      dataset.addSeries(l.name(), xy(l, step));
      renderer.setSeriesPaint(i, l.color());
      renderer.setSeriesStroke(i, l.dashed() && !dense
          ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 4f}, 0f)
          : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    // Few points: draw them, so that a single bucket or an isolated one is visible.
    renderer.setDefaultShapesVisible(few);
    renderer.setDefaultShapesFilled(true);

    NumberAxis y = new NumberAxis("Allocated %");
    // 0–100 with a sliver of headroom, so that a line at 100% is not cut in half by the plot edge.
    y.setRange(0, 102);
    y.setTickUnit(new NumberTickUnit(20));
    styleAxis(y);

    long pad = Math.max(step / 2, 1);
    DateAxis x = timeAxis(data.from(), data.to(), pad);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    stylePlot(plot);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));

    JFreeChart chart = new JFreeChart(data.title(), TITLE, plot, true);
    styleChart(chart, data.subtitle());
    return chart;
  }

  /** A line's points; a gap of more than two steps breaks the line (a NaN point between). */
  private static double[][] xy(Line l, long step) {
    int n = l.x().length;
    double[] xs = new double[2 * n];
    double[] ys = new double[2 * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && l.x()[i] - l.x()[i - 1] > 2 * step) {
        xs[k] = millis(l.x()[i - 1] + step);
        ys[k++] = Double.NaN;
      }
      xs[k] = millis(l.x()[i]);
      ys[k++] = l.y()[i];
    }
    return new double[][] {Arrays.copyOf(xs, k), Arrays.copyOf(ys, k)};
  }

  private static double millis(long micros) {
    return Math.floorDiv(micros, 1000L);
  }

  /**
   * A time axis over {@code [first - pad, last + pad]} (micros) whose ticks suit the span from the
   * first to the last point: 15 minutes up to 2 hours, hourly up to 12 hours, 2-hourly up to a
   * day, 6-hourly up to 3 days, daily up to 14 days, weekly beyond.
   */
  static DateAxis timeAxis(long firstPoint, long lastPoint, long pad) {
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
    } else {
      unit = new DateTickUnit(DateTickUnitType.DAY, 7, utc("MM-dd"));
    }
    boolean timeOfDay = unit.getUnitType() != DateTickUnitType.DAY;
    String first = Timestamps.formatSeconds(firstPoint).substring(0, 10);
    String last = Timestamps.formatSeconds(lastPoint).substring(0, 10);
    String dates = first.equals(last) ? first : first + " to " + last;
    DateAxis axis = new DateAxis((timeOfDay ? "Time, " : "Date, ") + dates, utc, Locale.ROOT);
    axis.setTickUnit(unit);
    axis.setTickMarkPosition(DateTickMarkPosition.START);
    axis.setRange(millis(lower), millis(upper));
    styleAxis(axis);
    return axis;
  }

  private static SimpleDateFormat utc(String pattern) {
    SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ROOT);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f;
  }

  /**
   * Tick labels of sub-daily ticks: {@code HH:mm}, except at midnight, where the label is the
   * date {@code MM-dd}, so that a span over several days stays short and still shows its days.
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

  private static String overTimeAlt(Report r, OverTime data) {
    StringBuilder b = new StringBuilder();
    boolean daily = data.stepMinutes() >= 24 * 60;
    String from = daily ? Timestamps.formatSeconds(data.from()).substring(0, 10)
        : Timestamps.formatBucketLabel(data.from());
    String to = daily ? Timestamps.formatSeconds(data.to()).substring(0, 10)
        : Timestamps.formatBucketLabel(data.to());
    b.append("Line chart: ").append(data.title()).append(", ").append(from).append(" to ")
        .append(to).append(". ");
    if (r.timeSeries() != null) {
      b.append("Mean allocated %: ");
      List<String> parts = new ArrayList<>();
      for (TimeSeries.Summary s : r.timeSeries().summary()) {
        parts.add(s.legacyClass().printedName() + " " + Numbers.f1(s.stat().allocatedPercent()) + "%");
      }
      return b.append(String.join(", ", parts)).append('.').toString();
    }
    DeviceAllocation d = r.device();
    List<String> parts = new ArrayList<>();
    for (BucketSeries.Line l : d.buckets().lines()) {
      Stat s = l.slotClass() == null ? d.backfill() == null ? null : d.backfill().total() : realStat(d, l.slotClass());
      parts.add(l.name() + (s == null ? "" : " " + Numbers.f1(s.allocatedPercent()) + "%"));
    }
    return b.append("Allocated % over the whole period: ").append(String.join(", ", parts))
        .append('.').toString();
  }

  private static Stat realStat(DeviceAllocation d, SlotClass c) {
    if (d.real() != null) {
      for (ClassStat cs : d.real().classes()) {
        if (cs.slotClass() == c) {
          return cs.stat();
        }
      }
    }
    return null;
  }

  // -------------------------------------------------------------------------------- devices

  /** The device chart: one small panel per class, drawn into one image. */
  record DevicePanels(String title, List<SlotClass> classes, List<JFreeChart> panels, int[] heights) {
    int height() {
      return Arrays.stream(heights).sum();
    }

    byte[] png() {
      BufferedImage img = new BufferedImage(WIDTH, height(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height());
        int top = 0;
        for (int i = 0; i < panels.size(); i++) {
          panels.get(i).draw(g, new Rectangle2D.Double(0, top, WIDTH, heights[i]));
          top += heights[i];
        }
      } finally {
        g.dispose();
      }
      return encode(img);
    }
  }

  private static final int BAR_ROW = 26;
  private static final int PANEL_BASE = 62;
  private static final int HEADER = 58;
  private static final int FOOTER = 52;

  /** The per-class device panels of a device-path report, or null when there is no device. */
  static DevicePanels devicePanels(Report r) {
    DeviceAllocation d = r.device();
    if (d == null || d.devices().isEmpty()) {
      return null;
    }
    double max = 0;
    for (DeviceTable t : d.devices()) {
      for (DeviceTable.Entry e : t.devices()) {
        max = Math.max(max, e.stat().availableAvg());
      }
    }
    String title = "Allocated vs. available GPUs by device type";
    String subtitle = "Average GPUs over the "
        + (r.analysis() == Report.Analysis.MONTHLY ? "month" : "period")
        + " (the Usage by Device Type tables): bar length = available, dark part = allocated;"
        + " labels: allocated of available (Allocated %).";
    List<JFreeChart> panels = new ArrayList<>();
    List<SlotClass> classes = new ArrayList<>();
    int[] heights = new int[d.devices().size()];
    for (int i = 0; i < d.devices().size(); i++) {
      DeviceTable t = d.devices().get(i);
      boolean firstPanel = i == 0;
      boolean lastPanel = i == d.devices().size() - 1;
      JFreeChart panel = devicePanel(t, max, lastPanel);
      if (firstPanel) {
        TextTitle main = new TextTitle(title, TITLE);
        main.setPaint(INK);
        panel.setTitle(main);
        panel.addSubtitle(0, subtitle(subtitle));
      }
      if (lastPanel) {
        LegendTitle legend = new LegendTitle(legendSource());
        styleLegend(legend);
        legend.setPosition(RectangleEdge.BOTTOM);
        panel.addSubtitle(legend);
      }
      heights[i] = PANEL_BASE + BAR_ROW * t.devices().size()
          + (firstPanel ? HEADER : 0) + (lastPanel ? FOOTER : 0);
      panels.add(panel);
      classes.add(t.slotClass());
    }
    return new DevicePanels(title, classes, panels, heights);
  }

  /** A device key: the display name, unique by its position (two raw names may share one). */
  record DeviceKey(int position, String label) implements Comparable<DeviceKey> {
    @Override
    public int compareTo(DeviceKey o) {
      return Integer.compare(position, o.position);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static JFreeChart devicePanel(DeviceTable t, double max, boolean withAxisLabel) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    List<DeviceTable.Entry> entries = t.devices();
    for (int k = 0; k < entries.size(); k++) {
      DeviceTable.Entry e = entries.get(k);
      DeviceKey key = new DeviceKey(k, e.displayName());
      ds.addValue(e.stat().allocatedAvg(), ALLOCATED, key);
      ds.addValue(Math.max(0, e.stat().availableAvg() - e.stat().allocatedAvg()), UNALLOCATED, key);
    }
    CategoryAxis devices = new CategoryAxis(null);
    devices.setTickLabelFont(TICK);
    devices.setTickLabelPaint(INK);
    devices.setCategoryMargin(0.25);
    devices.setLowerMargin(0.04);
    devices.setUpperMargin(0.04);
    devices.setMaximumCategoryLabelLines(2);
    devices.setMaximumCategoryLabelWidthRatio(0.22f);
    devices.setAxisLineVisible(false);
    devices.setTickMarksVisible(false);

    NumberAxis gpus = new NumberAxis(withAxisLabel ? "GPUs (average)" : null);
    gpus.setRange(0, max > 0 ? max * 1.42 : 1);
    gpus.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    styleAxis(gpus);

    StackedBarRenderer bars = new StackedBarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setMaximumBarWidth(0.9);
    bars.setSeriesPaint(0, BLUE);
    bars.setSeriesPaint(1, UNALLOCATED_FILL);
    bars.setSeriesItemLabelGenerator(1, new EntryLabels(entries));
    bars.setSeriesItemLabelsVisible(1, true);
    bars.setSeriesItemLabelFont(1, ITEM);
    bars.setSeriesItemLabelPaint(1, INK);
    bars.setSeriesPositiveItemLabelPosition(1,
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    bars.setItemLabelAnchorOffset(4);

    CategoryPlot plot = new CategoryPlot(ds, devices, gpus, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    stylePlot(plot);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    AxisSpace left = new AxisSpace();
    left.setLeft(150);
    plot.setFixedDomainAxisSpace(left);

    JFreeChart panel = new JFreeChart(null, TITLE, plot, false);
    panel.setBackgroundPaint(Color.WHITE);
    panel.setAntiAlias(true);
    panel.setTextAntiAlias(true);
    panel.setPadding(new RectangleInsets(4, 10, 2, 16));
    TextTitle name = new TextTitle(t.slotClass().displayName(), PANEL);
    name.setPaint(INK);
    name.setHorizontalAlignment(HorizontalAlignment.LEFT);
    name.setPadding(new RectangleInsets(8, 2, 2, 2));
    panel.addSubtitle(name);
    return panel;
  }

  /** {@code <allocated> of <available> (<Allocated %>)}: the device table's row, as printed. */
  private record EntryLabels(List<DeviceTable.Entry> entries) implements CategoryItemLabelGenerator {
    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
      return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
      return dataset.getColumnKey(column).toString();
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      Stat s = entries.get(((DeviceKey) dataset.getColumnKey(column)).position()).stat();
      return Numbers.f1(s.allocatedAvg()) + " of " + Numbers.f1(s.availableAvg()) + " ("
          + Numbers.f1(s.allocatedPercent()) + "%)";
    }
  }

  private static LegendItemSource legendSource() {
    Shape box = new Rectangle(-6, -6, 12, 12);
    LegendItemCollection items = new LegendItemCollection();
    items.add(legendItem(ALLOCATED + " GPUs", box, BLUE));
    items.add(legendItem(UNALLOCATED, box, UNALLOCATED_FILL));
    return () -> items;
  }

  private static LegendItem legendItem(String label, Shape shape, Paint paint) {
    LegendItem item = new LegendItem(label, null, null, null, shape, paint);
    item.setLabelFont(LEGEND);
    item.setLabelPaint(INK);
    return item;
  }

  private static String devicesAlt(DeviceAllocation d) {
    List<String> parts = new ArrayList<>();
    for (DeviceTable t : d.devices()) {
      List<String> devs = new ArrayList<>();
      for (DeviceTable.Entry e : t.devices()) {
        devs.add(e.displayName() + " " + Numbers.f1(e.stat().allocatedAvg()) + " of "
            + Numbers.f1(e.stat().availableAvg()));
      }
      parts.add(t.slotClass().displayName() + ": " + String.join(", ", devs));
    }
    return "Bar chart: allocated vs. available GPUs (average) by device type. "
        + String.join("; ", parts) + ".";
  }

  // ---------------------------------------------------------------------------------- style

  private static void styleChart(JFreeChart chart, String subtitle) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 10, 6, 16));
    chart.getTitle().setPaint(INK);
    chart.getTitle().setPadding(new RectangleInsets(2, 2, 2, 2));
    chart.addSubtitle(0, subtitle(subtitle));
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    styleLegend(legend);
  }

  private static TextTitle subtitle(String text) {
    TextTitle t = new TextTitle(text, SUBTITLE);
    t.setPaint(MUTED);
    t.setPadding(new RectangleInsets(2, 6, 6, 6));
    t.setMaximumLinesToDisplay(3);
    return t;
  }

  private static void styleLegend(LegendTitle legend) {
    legend.setItemFont(LEGEND);
    legend.setItemPaint(INK);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setPadding(new RectangleInsets(6, 4, 2, 4));
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
  }

  private static void stylePlot(org.jfree.chart.plot.Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(GRID);
    Stroke thin = new BasicStroke(1f);
    plot.setOutlineStroke(thin);
    plot.setInsets(new RectangleInsets(4, 4, 4, 4));
  }

  private static void styleAxis(org.jfree.chart.axis.ValueAxis axis) {
    axis.setLabelFont(AXIS_LABEL);
    axis.setLabelPaint(INK);
    axis.setTickLabelFont(TICK);
    axis.setTickLabelPaint(INK);
    axis.setAxisLinePaint(MUTED);
    axis.setTickMarkPaint(MUTED);
  }

  // --------------------------------------------------------------------------------- encode

  static byte[] png(JFreeChart chart, int width, int height) {
    return encode(chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null));
  }

  /** PNG through ImageIO's writer (default compression; several times faster than Keypoint's). */
  private static byte[] encode(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
      if (!ImageIO.write(img, "png", out)) {
        throw new IllegalStateException("no PNG image writer");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a chart as PNG", e);
    }
  }
}
