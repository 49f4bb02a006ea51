package io.gpureport.render;

import static io.gpureport.render.ChartStyle.BLUE;
import static io.gpureport.render.ChartStyle.GRID;
import static io.gpureport.render.ChartStyle.INK;
import static io.gpureport.render.ChartStyle.ITEM;
import static io.gpureport.render.ChartStyle.LEGEND;
import static io.gpureport.render.ChartStyle.PANEL;
import static io.gpureport.render.ChartStyle.TICK;
import static io.gpureport.render.ChartStyle.TITLE;
import static io.gpureport.render.ChartStyle.UNALLOCATED_FILL;
import static io.gpureport.render.ChartStyle.WIDTH;

import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.DeviceTable;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.Stat;
import io.gpureport.classify.ReportingClass;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/** The allocated vs. available GPUs by device type: one panel per class, and its alt text. */
final class DeviceChart {
  static {
    ChartStyle.setUp();
  }

  static final String ALLOCATED = "Allocated";
  static final String UNALLOCATED = "Available, not allocated";

  private static final int BAR_ROW = 26;
  private static final int PANEL_BASE = 62;
  private static final int HEADER = 58;
  private static final int FOOTER = 52;

  private DeviceChart() {}

  /** The device chart: one small panel per class, drawn into one image. */
  record DevicePanels(
      String title, List<ReportingClass> classes, List<JFreeChart> panels, int[] heights) {
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
      return ChartPng.encode(img);
    }
  }

  /** The per-class device panels of a device-path report, or null when there is no device. */
  static DevicePanels panels(Report.DeviceTables r) {
    DeviceAllocation d = r.device();
    if (d.devices().isEmpty()) {
      return null;
    }
    double max = 0;
    for (DeviceTable t : d.devices()) {
      for (DeviceTable.Entry e : t.devices()) {
        max = Math.max(max, e.stat().availableAvg());
      }
    }
    String title = "Allocated vs. available GPUs by device type";
    String subtitle =
        "Average GPUs over the "
            + (r instanceof Report.Monthly ? "month" : "period")
            + " (the Usage by Device Type tables): bar length = available, dark part = allocated;"
            + " labels: allocated of available (Allocated %).";
    List<JFreeChart> panels = new ArrayList<>();
    List<ReportingClass> classes = new ArrayList<>();
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
        panel.addSubtitle(0, ChartStyle.subtitle(subtitle));
      }
      if (lastPanel) {
        LegendTitle legend = new LegendTitle(legendSource());
        ChartStyle.styleLegend(legend);
        legend.setPosition(RectangleEdge.BOTTOM);
        panel.addSubtitle(legend);
      }
      heights[i] =
          PANEL_BASE
              + BAR_ROW * t.devices().size()
              + (firstPanel ? HEADER : 0)
              + (lastPanel ? FOOTER : 0);
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
    ChartStyle.styleAxis(gpus);

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
    bars.setSeriesPositiveItemLabelPosition(
        1, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    bars.setItemLabelInsets(new RectangleInsets(4, 4, 4, 4));

    CategoryPlot plot = new CategoryPlot(ds, devices, gpus, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    ChartStyle.stylePlot(plot);
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
  private record EntryLabels(List<DeviceTable.Entry> entries)
      implements CategoryItemLabelGenerator {
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
      return Numbers.f1(s.allocatedAvg())
          + " of "
          + Numbers.f1(s.availableAvg())
          + " ("
          + Numbers.f1(s.allocatedPercent())
          + "%)";
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

  /** The text alternative: each class's devices, allocated of available. */
  static String alt(DeviceAllocation d) {
    List<String> parts = new ArrayList<>();
    for (DeviceTable t : d.devices()) {
      List<String> devs = new ArrayList<>();
      for (DeviceTable.Entry e : t.devices()) {
        devs.add(
            e.displayName()
                + " "
                + Numbers.f1(e.stat().allocatedAvg())
                + " of "
                + Numbers.f1(e.stat().availableAvg()));
      }
      parts.add(t.slotClass().displayName() + ": " + String.join(", ", devs));
    }
    return "Bar chart: allocated vs. available GPUs (average) by device type. "
        + String.join("; ", parts)
        + ".";
  }
}
