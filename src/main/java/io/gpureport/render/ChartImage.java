package io.gpureport.render;

/**
 * One chart of the HTML report or the e-mail, drawn as a PNG by {@link Charts}.
 *
 * @param id a short stable name ({@code over-time}, {@code devices}); also the local part of the
 *     e-mail Content-ID {@link #contentId()}
 * @param title the chart's title
 * @param alt the text alternative for the {@code <img>}: what the chart shows, with its headline
 *     numbers
 * @param width the PNG's width in pixels
 * @param height the PNG's height in pixels
 * @param png the encoded image (shared, not copied)
 */
public record ChartImage(String id, String title, String alt, int width, int height, byte[] png) {
  /** The Content-ID without angle brackets, as an HTML {@code cid:} URL names it (RFC 2392). */
  public String contentId() {
    return id + "@gpureport";
  }

  /** The attachment file name of the image part. */
  public String fileName() {
    return id + ".png";
  }

  @Override
  public String toString() {
    return "ChartImage[" + id + ", " + width + "x" + height + ", " + png.length + " bytes]";
  }
}
