package io.gpureport.report;

import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.Trend;
import io.gpureport.aggregate.TrendRow;
import io.gpureport.deliver.Mailer;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.load.Timestamps;
import io.gpureport.render.ChartImage;
import io.gpureport.render.PageRun;
import io.gpureport.render.TrendCsv;
import io.gpureport.render.TrendHtml;
import io.gpureport.render.TrendJson;
import io.gpureport.render.TrendText;
import io.gpureport.rollup.RollupStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code gpureport trend}: the report's 15-minute time series of the window ({@link
 * ReportJob#analyse}, so the per-day rollups serve it: docs/decisions/0005-rollups.md), cut into
 * periods ({@link Trend}), rendered, written and, with {@code --email-to}, sent by the report's
 * mailer ({@link CommandEmail}).
 */
public final class TrendJob {
  private static final int BUCKET_MINUTES = 15;

  /** What the e-mail subject says after {@code --email-subject-prefix}. */
  static final String SUBJECT_WORD = "Trend";

  private final ReportJob job;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final Mailer mailer;

  /**
   * With {@code interactive}, long loads show progress on stderr (as the report's); {@code mailer}
   * sends the e-mail of requests that ask for one.
   */
  public TrendJob(
      Clock clock,
      PrintStream out,
      PrintStream err,
      Mailer mailer,
      int loadThreads,
      boolean interactive) {
    this.job = new ReportJob(clock, out, err, null, loadThreads, interactive);
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.mailer = mailer;
  }

  /** The underlying job, for its chunk settings. */
  public ReportJob reportJob() {
    return job;
  }

  /** Runs a validated request; failures are thrown as GpuReportException. */
  public void run(TrendRequest req) {
    long started = clock.millis();
    if (req.cacheDir() != null) {
      job.rollups(req.cacheDir(), RollupStore.DEFAULT_MAX_BYTES);
    }
    ReportRequest series =
        new ReportRequest(
            req.source(),
            req.window(),
            new ReportRequest.Timeseries(BUCKET_MINUTES, req.host()),
            req.filters(),
            new ReportRequest.Output(ReportRequest.OutputFormat.TEXT, null, false),
            new ReportRequest.NoEmail(),
            req.verbose());
    Report.Series s = (Report.Series) job.analyse(series);
    long from = req.from() != null ? req.from() : s.window().start();
    long to =
        req.to() != null
            ? req.to()
            : Timestamps.floor(s.window().end(), BUCKET_MINUTES)
                + BUCKET_MINUTES * Timestamps.MICROS_PER_MINUTE;
    List<TrendRow> rows = Trend.of(s.timeSeries(), req.period(), from, to, req.completeOnly());
    TrendText.Header header =
        new TrendText.Header(req.filters().rules().name(), req.period(), from, to);
    boolean html = req.format() == TableFormat.HTML;
    // The chart is drawn once, only for the HTML page or its e-mail, and used by both.
    List<ChartImage> charts =
        req.charts() && html ? TrendHtml.charts(header, rows, err) : List.of();
    String rendered =
        switch (req.format()) {
          case TEXT -> TrendText.render(header, rows);
          case HTML -> TrendHtml.render(header, rows, charts, false, PageRun.since(clock, started));
          case JSON -> TrendJson.render(header, rows);
          case CSV -> TrendCsv.render(rows);
        };
    OutputTarget.write(rendered, req.file(), out);
    if (req.delivery() instanceof ReportRequest.Email email) {
      CommandEmail mail =
          new CommandEmail(
              mailer, email.settings(), SUBJECT_WORD, clock, req.window().hoursBack(), err);
      String text = req.format() == TableFormat.TEXT ? rendered : TrendText.render(header, rows);
      if (html) {
        // The e-mail's HTML references its chart as a cid: image part, not a data: URI.
        String page =
            charts.isEmpty()
                ? rendered
                : TrendHtml.render(header, rows, charts, true, PageRun.since(clock, started));
        mail.sendHtml(text, page, charts);
      } else {
        mail.sendText(text);
      }
    }
    if (req.verbose()) {
      job.printTimes();
      ReportJob.RollupUse use = job.rollupUse();
      err.println(
          use.bypassed()
              ? "rollups: not used"
              : "rollups: " + use.reused() + " day parts reused, " + use.computed() + " computed");
    }
  }
}
