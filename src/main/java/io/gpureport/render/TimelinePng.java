package io.gpureport.render;

import io.gpureport.aggregate.HostCategory;
import io.gpureport.aggregate.Timeline;
import io.gpureport.aggregate.TimelineGpu;
import io.gpureport.aggregate.TimelineHost;
import io.gpureport.aggregate.TimelineRun;
import io.gpureport.classify.DeviceModels;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code gpureport timeline} as a PNG drawn with plain Java2D (README, "timeline options"): a
 * title, a time axis, one row of cells per GPU under a heading per category and device, host names
 * on the left, and a legend; unavailable cells are hatched. Cells are at least 1 × 3 pixels, so 750
 * GPUs × 672 buckets stay about 1,800 × 3,900 pixels.
 */
public final class TimelinePng {
  private TimelinePng() {}

  /** Where things are: every size in pixels. */
  public record Layout(
      int labelWidth,
      int cellWidth,
      int rowHeight,
      int top,
      List<Integer> rowTops,
      int width,
      int height) {
    public Layout {
      rowTops = List.copyOf(rowTops);
    }

    /** The left edge of bucket {@code b}'s cells. */
    public int cellX(int b) {
      return labelWidth + b * cellWidth;
    }

    /** The top of the {@code g}-th GPU row (GPUs in the timeline's order). */
    public int rowY(int g) {
      return rowTops.get(g);
    }
  }

  static final int MARGIN = 10;
  private static final int LABEL_WIDTH = 240;
  private static final int HEADING = 16;
  private static final int HOST_GAP = 1;
  private static final int TITLE = 44;
  private static final int AXIS = 18;
  private static final int LEGEND_ROW = 18;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  /** The layout of {@code t}: cells 1 to 12 pixels wide (about 1,400 in all), rows 3 to 12 high. */
  public static Layout layout(Timeline t) {
    int cellWidth = Math.max(1, Math.min(12, 1400 / Math.max(1, t.buckets())));
    int rowHeight = t.gpuCount() > 300 ? 3 : t.gpuCount() > 100 ? 6 : 12;
    int top = MARGIN + TITLE + AXIS;
    int y = top;
    List<Integer> rows = new ArrayList<>();
    HostCategory category = null;
    String device = null;
    for (TimelineHost h : t.hosts()) {
      String d = DeviceModels.displayName(h.device());
      if (h.category() != category || !Objects.equals(d, device)) {
        category = h.category();
        device = d;
        y += HEADING;
      }
      for (int g = 0; g < h.gpus().size(); g++) {
        rows.add(y);
        y += rowHeight;
      }
      y += HOST_GAP;
    }
    int legendRows = (TimelinePalette.values().length + 3) / 4;
    int width = Math.max(MARGIN + LABEL_WIDTH + t.buckets() * cellWidth + MARGIN, 900);
    int height = y + MARGIN + legendRows * LEGEND_ROW + MARGIN;
    return new Layout(MARGIN + LABEL_WIDTH, cellWidth, rowHeight, top, rows, width, height);
  }

  /** The PNG. */
  public static byte[] render(TimelineHeader h, Timeline t) {
    return ChartPng.encode(image(h, t));
  }

  /** The image (TYPE_INT_RGB) of {@link #render}. */
  static BufferedImage image(TimelineHeader h, Timeline t) {
    Layout l = layout(t);
    BufferedImage img = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, l.width(), l.height());
      g.setColor(Color.BLACK);
      g.setFont(BOLD);
      g.drawString("GPU timeline", MARGIN, MARGIN + 14);
      g.setFont(FONT);
      g.drawString(
          h.window()
              + "; "
              + t.buckets()
              + " buckets of "
              + t.bucketMinutes()
              + " min, "
              + t.gpuCount()
              + " GPUs",
          MARGIN,
          MARGIN + 32);
      axis(g, l, t);
      cells(g, l, t);
      legend(g, l);
    } finally {
      g.dispose();
    }
    return img;
  }

  private static void axis(Graphics2D g, Layout l, Timeline t) {
    int y = l.top() - 4;
    int bottom = l.rowTops().isEmpty() ? y : l.rowY(l.rowTops().size() - 1) + l.rowHeight();
    FontMetrics fm = g.getFontMetrics();
    for (TimelineAxis.Tick tick : TimelineAxis.ticks(t, 70.0 / l.cellWidth())) {
      int x = l.cellX(tick.bucket());
      g.setColor(new Color(0xDDDDDD));
      g.drawLine(x, y + 2, x, bottom);
      g.setColor(Color.BLACK);
      g.drawString(tick.label(), x - fm.stringWidth(tick.label()) / 2, y - 2);
    }
  }

  private static void cells(Graphics2D g, Layout l, Timeline t) {
    FontMetrics fm = g.getFontMetrics();
    HostCategory category = null;
    String device = null;
    int row = 0;
    int lastLabel = -LABEL_WIDTH;
    for (TimelineHost h : t.hosts()) {
      String d = DeviceModels.displayName(h.device());
      int hostTop = l.rowY(row);
      if (h.category() != category || !Objects.equals(d, device)) {
        category = h.category();
        device = d;
        g.setColor(Color.BLACK);
        g.setFont(BOLD);
        g.drawString(
            category.label() + " · " + (d.isEmpty() ? "(no device name)" : d), MARGIN, hostTop - 4);
        g.setFont(FONT);
      }
      int hostHeight = h.gpus().size() * l.rowHeight();
      if (hostTop - lastLabel >= fm.getAscent()) {
        g.setColor(Color.DARK_GRAY);
        String name = fit(h.host(), fm, LABEL_WIDTH - 8);
        g.drawString(name, MARGIN, hostTop + Math.min(hostHeight, fm.getAscent()));
        lastLabel = hostTop;
      }
      for (TimelineGpu gpu : h.gpus()) {
        int y = l.rowY(row++);
        for (TimelineRun r : gpu.runs()) {
          TimelinePalette p = TimelinePalette.of(r.state());
          g.setPaint(p.hatched() ? hatch(p) : new Color(p.rgb()));
          g.fillRect(l.cellX(r.from()), y, r.length() * l.cellWidth(), l.rowHeight());
        }
      }
    }
  }

  /** Diagonal lines every 4 pixels over the state's colour, anchored to the image. */
  private static TexturePaint hatch(TimelinePalette p) {
    BufferedImage tile = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        tile.setRGB(x, y, (x + y) % 4 == 0 ? TimelinePalette.HATCH : p.rgb());
      }
    }
    return new TexturePaint(tile, new Rectangle(0, 0, 4, 4));
  }

  private static void legend(Graphics2D g, Layout l) {
    List<TimelinePalette> entries = TimelinePalette.legend();
    int top = l.height() - MARGIN - ((entries.size() + 3) / 4) * LEGEND_ROW;
    for (int i = 0; i < entries.size(); i++) {
      TimelinePalette p = entries.get(i);
      int x = MARGIN + (i % 4) * 210;
      int y = top + (i / 4) * LEGEND_ROW;
      g.setPaint(p.hatched() ? hatch(p) : new Color(p.rgb()));
      g.fillRect(x, y, 24, 12);
      g.setColor(Color.GRAY);
      g.drawRect(x, y, 24, 12);
      g.setColor(Color.BLACK);
      g.drawString(p.state().label(), x + 30, y + 11);
    }
  }

  private static String fit(String s, FontMetrics fm, int width) {
    if (fm.stringWidth(s) <= width) {
      return s;
    }
    String cut = s;
    while (!cut.isEmpty() && fm.stringWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }
}
