package io.gpureport.deliver;

/** Sends a finished report as a {@code multipart/alternative} message (SEMANTICS §12.2). */
public interface Mailer {
  /** Sends; throws {@link io.gpureport.GpuReportException} when every port failed. */
  void send(EmailSettings settings, String subject, String text, String html);
}
