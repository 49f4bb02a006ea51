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

import io.gpureport.aggregate.CorrectedReport;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.DeviceTable;
import io.gpureport.aggregate.Stat;
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

  /** One bar: a device row's label and numbers, as its table prints them. */
  record Bar(String label, double allocated, double available, double percent) {}

  /** One panel: a class's name and its device rows. */
  record Panel(String name, List<Bar> bars) {
    Panel {
      bars = List.copyOf(bars);
    }
  }

  /** The device chart: one small panel per class, drawn into one image. */
  record DevicePanels(String title, List<String> names, List<JFreeChart> panels, int[] heights) {
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

  /** The panels of the reference device tables. */
  static List<Panel> panels(DeviceAllocation d) {
    List<Panel> out = new ArrayList<>();
    for (DeviceTable t : d.devices()) {
      List<Bar> bars = new ArrayList<>();
      for (DeviceTable.Entry e : t.devices()) {
        Stat s = e.stat();
        bars.add(
            new Bar(e.displayName(), s.allocatedAvg(), s.availableAvg(), s.allocatedPercent()));
      }
      out.add(new Panel(t.slotClass().displayName(), bars));
    }
    return out;
  }

  /** The panels of the device tables v2: one per class, named by its qualified label. */
  static List<Panel> panels(CorrectedReport.ByDevice d) {
    List<Panel> out = new ArrayList<>();
    for (CorrectedReport.DeviceClass c : d.deviceTypes()) {
      List<Bar> bars = new ArrayList<>();
      for (CorrectedReport.DeviceRow e : c.devices()) {
        CorrectedReport.Stat s = e.stat();
        bars.add(
            new Bar(e.displayName(), s.allocatedAvg(), s.availableAvg(), s.allocatedPercent()));
      }
      out.add(new Panel(c.label(), bars));
    }
    return out;
  }

  /** The device panels of {@code data}, or null when there is no panel. */
  static DevicePanels panels(List<Panel> data, boolean monthly) {
    if (data.isEmpty()) {
      return null;
    }
    double max = 0;
    for (Panel p : data) {
      for (Bar b : p.bars()) {
        max = Math.max(max, b.available());
      }
    }
    String title = "Allocated vs. available GPUs by device type";
    String subtitle =
        "Average GPUs over the "
            + (monthly ? "month" : "period")
            + " (the Usage by Device Type tables): bar length = available, dark part = allocated;"
            + " labels: allocated of available (Allocated %).";
    List<JFreeChart> panels = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int[] heights = new int[data.size()];
    for (int i = 0; i < data.size(); i++) {
      Panel p = data.get(i);
      boolean firstPanel = i == 0;
      boolean lastPanel = i == data.size() - 1;
      JFreeChart panel = devicePanel(p, max, lastPanel);
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
              + BAR_ROW * p.bars().size()
              + (firstPanel ? HEADER : 0)
              + (lastPanel ? FOOTER : 0);
      panels.add(panel);
      names.add(p.name());
    }
    return new DevicePanels(title, names, panels, heights);
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

  private static JFreeChart devicePanel(Panel p, double max, boolean withAxisLabel) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    List<Bar> entries = p.bars();
    for (int k = 0; k < entries.size(); k++) {
      Bar e = entries.get(k);
      DeviceKey key = new DeviceKey(k, e.label());
      ds.addValue(e.allocated(), ALLOCATED, key);
      ds.addValue(Math.max(0, e.available() - e.allocated()), UNALLOCATED, key);
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
    TextTitle name = new TextTitle(p.name(), PANEL);
    name.setPaint(INK);
    name.setHorizontalAlignment(HorizontalAlignment.LEFT);
    name.setPadding(new RectangleInsets(8, 2, 2, 2));
    panel.addSubtitle(name);
    return panel;
  }

  /** {@code <allocated> of <available> (<Allocated %>)}: the device table's row, as printed. */
  private record EntryLabels(List<Bar> entries) implements CategoryItemLabelGenerator {
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
      Bar b = entries.get(((DeviceKey) dataset.getColumnKey(column)).position());
      return Numbers.f1(b.allocated())
          + " of "
          + Numbers.f1(b.available())
          + " ("
          + Numbers.f1(b.percent())
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
  static String alt(List<Panel> panels) {
    List<String> parts = new ArrayList<>();
    for (Panel p : panels) {
      List<String> devs = new ArrayList<>();
      for (Bar b : p.bars()) {
        devs.add(b.label() + " " + Numbers.f1(b.allocated()) + " of " + Numbers.f1(b.available()));
      }
      parts.add(p.name() + ": " + String.join(", ", devs));
    }
    return "Bar chart: allocated vs. available GPUs (average) by device type. "
        + String.join("; ", parts)
        + ".";
  }
}
