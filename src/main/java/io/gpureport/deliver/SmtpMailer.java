package io.gpureport.deliver;

import java.io.PrintStream;

/** Sends over SMTP with Jakarta Mail (stub until the e-mail work lands). */
public final class SmtpMailer implements Mailer {
  private final PrintStream err;

  public SmtpMailer(PrintStream err) {
    this.err = err;
  }

  @Override
  public void send(EmailSettings settings, String subject, String text, String html) {
    throw new io.gpureport.GpuReportException("e-mail is not implemented yet");
  }
}
