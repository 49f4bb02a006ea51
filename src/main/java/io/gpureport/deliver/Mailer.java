package io.gpureport.deliver;

import java.util.List;

/**
 * Sends a finished report as a {@code multipart/alternative} message (docs/metrics.md, "The
 * message"). With inline images the HTML alternative is a {@code multipart/related} of the HTML and
 * the images, which the HTML references as {@code cid:<contentId>}. A text-only output ({@code
 * gpureport hosts} without {@code --output-format html}) is sent as a single {@code text/plain}
 * part.
 */
public interface Mailer {
  /**
   * An image part of the HTML alternative.
   *
   * @param contentId the Content-ID without angle brackets, as the HTML's {@code cid:} URL names it
   * @param fileName the part's file name
   * @param png the PNG bytes
   */
  record InlineImage(String contentId, String fileName, byte[] png) {}

  /**
   * Sends; throws {@link io.gpureport.errors.GpuReportException} when every port failed, or when
   * the server accepted DATA but did not confirm the message (no other port is tried then).
   */
  void send(
      EmailSettings settings, String subject, String text, String html, List<InlineImage> images);

  /** Sends {@code text} alone, as a {@code text/plain} message; fails as {@link #send} does. */
  void sendText(EmailSettings settings, String subject, String text);

  /** Sends without inline images. */
  default void send(EmailSettings settings, String subject, String text, String html) {
    send(settings, subject, text, html, List.of());
  }
}
