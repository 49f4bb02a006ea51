package io.gpureport.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** The PNG encoding of a drawn chart. */
final class ChartPng {
  private ChartPng() {}

  /** A chart drawn at {@code width × height} on an opaque RGB image, as PNG. */
  static byte[] of(JFreeChart chart, int width, int height) {
    return encode(chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null));
  }

  /** PNG through ImageIO's writer (default compression; several times faster than Keypoint's). */
  static byte[] encode(BufferedImage img) {
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
