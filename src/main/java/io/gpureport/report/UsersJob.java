package io.gpureport.report;

import io.gpureport.aggregate.UsersFold;
import io.gpureport.aggregate.UsersTable;
import io.gpureport.deliver.Mailer;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.load.Projection;
import io.gpureport.render.PageRun;
import io.gpureport.render.UsersCsv;
import io.gpureport.render.UsersHtml;
import io.gpureport.render.UsersJson;
import io.gpureport.render.UsersText;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code gpureport users}: the report's window folded ({@link ReportJob}) into a {@link UsersFold}
 * with the reference rules, then selected, rendered, written and, with {@code --email-to}, sent by
 * the report's mailer ({@link CommandEmail}).
 */
public final class UsersJob {
  /** What the e-mail subject says after {@code --email-subject-prefix}. */
  static final String SUBJECT_WORD = "Users";

  private final ReportJob job;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;
  private final Mailer mailer;

  /**
   * With {@code interactive}, long loads show progress on stderr (as the report's); {@code mailer}
   * sends the e-mail of requests that ask for one.
   */
  public UsersJob(
      Clock clock,
      PrintStream out,
      PrintStream err,
      Mailer mailer,
      int loadThreads,
      boolean interactive) {
    this.job = new ReportJob(clock, out, err, null, loadThreads, interactive);
    this.clock = clock;
    this.out = out;
    this.err = err;
    this.mailer = mailer;
  }

  /** The underlying job, for its chunk settings. */
  public ReportJob reportJob() {
    return job;
  }

  /** Runs a validated request; failures are thrown as GpuReportException. */
  public void run(UsersRequest req) {
    long started = clock.millis();
    ReportJob.Folded folded =
        job.foldRows(
            req.source(),
            req.window(),
            req.filters(),
            req.host(),
            Projection.FULL, // GlobalJobId, and the real names for --host
            new UsersFold(req.filters().rules().classes(), req.byDevice(), req.series()));
    UsersTable table = ((UsersFold) folded.fold()).finish().select(req.selection());
    UsersText.Header header =
        new UsersText.Header(
            req.filters().rules().name(),
            folded.start(),
            folded.end(),
            folded.hoursBack(),
            req.byDevice());
    String rendered =
        switch (req.format()) {
          case TEXT -> UsersText.render(header, table);
          case HTML -> UsersHtml.render(header, table, PageRun.since(clock, started));
          case JSON -> UsersJson.render(header, table, req.series());
          case CSV -> req.series() ? UsersCsv.series(table) : UsersCsv.users(table);
        };
    OutputTarget.write(rendered, req.file(), out);
    if (req.delivery() instanceof ReportRequest.Email email) {
      CommandEmail mail =
          new CommandEmail(
              mailer, email.settings(), SUBJECT_WORD, clock, req.window().hoursBack(), err);
      String text = req.format() == TableFormat.TEXT ? rendered : UsersText.render(header, table);
      if (req.format() == TableFormat.HTML) {
        mail.sendHtml(text, rendered, List.of());
      } else {
        mail.sendText(text);
      }
    }
    if (req.verbose()) {
      job.printTimes();
    }
  }
}
