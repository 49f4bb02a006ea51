package io.gpureport.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by the charts: headless AWT, the width, the Okabe–Ito colours (which stay
 * distinguishable with the common colour-vision deficiencies), the fonts, and the styling of
 * charts, titles, legends, plots and axes.
 */
final class ChartStyle {
  static {
    // Before any AWT use: the CLI never needs a display.
    System.setProperty("java.awt.headless", "true");
  }

  /** Width of every chart: the content width of the 880-pixel report card. */
  static final int WIDTH = 820;

  // Okabe–Ito.
  static final Color BLUE = new Color(0x0072B2);
  static final Color VERMILLION = new Color(0xD55E00);
  static final Color GREEN = new Color(0x009E73);
  static final Color PURPLE = new Color(0xCC79A7);
  static final Color INK = new Color(0x1F2933);
  static final Color MUTED = new Color(0x52606D);
  static final Color GRID = new Color(0xD5DCE4);
  static final Color UNALLOCATED_FILL = new Color(0xD9DEE4);

  private static final String FAMILY = Font.SANS_SERIF;
  static final Font TITLE = new Font(FAMILY, Font.BOLD, 15);
  static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 11);
  static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 12);
  static final Font TICK = new Font(FAMILY, Font.PLAIN, 11);
  static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 12);
  static final Font PANEL = new Font(FAMILY, Font.BOLD, 12);
  static final Font ITEM = new Font(FAMILY, Font.PLAIN, 11);

  private ChartStyle() {}

  /**
   * Does nothing itself: calling it loads this class, whose initialiser makes AWT headless. The
   * chart classes call it first, before they touch AWT.
   */
  static void setUp() {}

  /** A line chart's frame: white, antialiased, padded; its title, subtitle and legend below. */
  static void styleChart(JFreeChart chart, String subtitle) {
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

  /** The muted explanatory line(s) under a chart's title, at most three lines. */
  static TextTitle subtitle(String text) {
    TextTitle t = new TextTitle(text, SUBTITLE);
    t.setPaint(MUTED);
    t.setPadding(new RectangleInsets(2, 6, 6, 6));
    t.setMaximumLinesToDisplay(3);
    return t;
  }

  static void styleLegend(LegendTitle legend) {
    legend.setItemFont(LEGEND);
    legend.setItemPaint(INK);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setPadding(new RectangleInsets(6, 4, 2, 4));
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
  }

  static void stylePlot(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(GRID);
    Stroke thin = new BasicStroke(1f);
    plot.setOutlineStroke(thin);
    plot.setInsets(new RectangleInsets(4, 4, 4, 4));
  }

  static void styleAxis(ValueAxis axis) {
    axis.setLabelFont(AXIS_LABEL);
    axis.setLabelPaint(INK);
    axis.setTickLabelFont(TICK);
    axis.setTickLabelPaint(INK);
    axis.setAxisLinePaint(MUTED);
    axis.setTickMarkPaint(MUTED);
  }
}
