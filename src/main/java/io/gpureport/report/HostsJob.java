package io.gpureport.report;

import io.gpureport.aggregate.HostsFold;
import io.gpureport.aggregate.HostsTable;
import io.gpureport.deliver.EmailSettings;
import io.gpureport.deliver.Mailer;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.render.HostsCsv;
import io.gpureport.render.HostsHtml;
import io.gpureport.render.HostsJson;
import io.gpureport.render.HostsText;
import io.gpureport.render.PageRun;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code gpureport hosts}: the report's window folded ({@link ReportJob}) into a {@link HostsFold}
 * with the request's rule set, then selected, rendered, written and, with {@code --email-to}, sent
 * by the report's mailer (README, "hosts").
 */
public final class HostsJob {
  /** What the e-mail subject says after {@code --email-subject-prefix}. */
  static final String SUBJECT_WORD = "Hosts";

  private final ReportJob job;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;
  private final Mailer mailer;

  /**
   * With {@code interactive}, long loads show progress on stderr (as the report's); {@code mailer}
   * sends the e-mail of requests that ask for one.
   */
  public HostsJob(
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

  /** The hosts table of a validated request and its header; failures are GpuReportException. */
  public Result table(HostsRequest req) {
    ReportJob.Folded folded =
        job.foldHosts(
            req.source(),
            req.window(),
            req.filters(),
            req.host(),
            new HostsFold(req.filters().rules().classes()));
    HostsFold fold = (HostsFold) folded.fold();
    HostsTable table = fold.finish(folded.end()).select(req.selection());
    HostsText.Header header =
        new HostsText.Header(
            req.filters().rules().name(),
            folded.start(),
            folded.end(),
            folded.hoursBack(),
            req.selection().minIdleHours(),
            req.gaps());
    return new Result(header, table);
  }

  /** A hosts table and what its renderings say about the window. */
  public record Result(HostsText.Header header, HostsTable table) {}

  /** Runs a validated request; failures are thrown as GpuReportException. */
  public void run(HostsRequest req) {
    long started = clock.millis();
    Result result = table(req);
    HostsText.Header header = result.header();
    HostsTable table = result.table();
    String rendered =
        switch (req.format()) {
          case TEXT -> HostsText.render(header, table);
          case HTML -> HostsHtml.render(header, table, PageRun.since(clock, started));
          case JSON -> HostsJson.render(header, table);
          case CSV -> req.gaps() ? HostsCsv.stretches(table) : HostsCsv.hosts(table);
        };
    OutputTarget.write(rendered, req.file(), out);
    if (req.delivery() instanceof ReportRequest.Email email) {
      send(req, email.settings(), header, table, rendered);
    }
    if (req.verbose()) {
      job.printTimes();
    }
  }

  /** The e-mail ({@link CommandEmail}): the page and the text with html, else the text alone. */
  private void send(
      HostsRequest req,
      EmailSettings settings,
      HostsText.Header header,
      HostsTable table,
      String rendered) {
    CommandEmail mail =
        new CommandEmail(mailer, settings, SUBJECT_WORD, clock, req.window().hoursBack(), err);
    String text =
        req.format() == HostsRequest.Format.TEXT ? rendered : HostsText.render(header, table);
    if (req.format() == HostsRequest.Format.HTML) {
      mail.sendHtml(text, rendered, List.of());
    } else {
      mail.sendText(text);
    }
  }
}
