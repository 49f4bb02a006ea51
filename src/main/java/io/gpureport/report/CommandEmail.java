package io.gpureport.report;

import io.gpureport.deliver.EmailSettings;
import io.gpureport.deliver.Mailer;
import io.gpureport.deliver.Subject;
import io.gpureport.render.ChartImage;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The e-mail of the commands beside the report ({@code hosts}, {@code users}, {@code trend}) sent
 * by the report's mailer (README, "E-mail"): the subject is the prefix, the command's word, the
 * date and the window; with {@code --output-format html} the page and the text output are the two
 * alternatives (the charts as inline image parts), else the text output alone (JSON and CSV are for
 * files and programs, not for reading in a mail client).
 */
final class CommandEmail {
  private final Mailer mailer;
  private final EmailSettings settings;
  private final String subject;

  /** The e-mail of {@code word} (e.g. {@code Hosts}) over a window of {@code hoursBack}. */
  CommandEmail(
      Mailer mailer,
      EmailSettings settings,
      String word,
      Clock clock,
      int hoursBack,
      PrintStream err) {
    this.mailer = mailer;
    this.settings = settings;
    this.subject =
        Subject.of(
            settings.subjectPrefix() + " " + word,
            LocalDate.now(clock),
            hoursBack,
            null,
            List.of());
    if (settings.debug()) {
      err.println("DEBUG: Email subject would be: " + subject);
    }
  }

  /** Sends the text output alone, as {@code text/plain}. */
  void sendText(String text) {
    mailer.sendText(settings, subject, text);
  }

  /**
   * Sends the text output and the HTML page as alternatives; {@code html} references {@code charts}
   * as {@code cid:} URLs ({@link ChartImage#contentId()}).
   */
  void sendHtml(String text, String html, List<ChartImage> charts) {
    List<Mailer.InlineImage> images = new ArrayList<>();
    for (ChartImage c : charts) {
      images.add(new Mailer.InlineImage(c.contentId(), c.fileName(), c.png()));
    }
    mailer.send(settings, subject, text, html, images);
  }
}
