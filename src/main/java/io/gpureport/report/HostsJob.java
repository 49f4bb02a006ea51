package io.gpureport.report;

import io.gpureport.aggregate.HostsFold;
import io.gpureport.aggregate.HostsTable;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.render.HostsCsv;
import io.gpureport.render.HostsHtml;
import io.gpureport.render.HostsJson;
import io.gpureport.render.HostsText;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * {@code gpureport hosts}: the report's window folded ({@link ReportJob}) into a {@link HostsFold}
 * with the request's rule set, then selected, rendered and written.
 */
public final class HostsJob {
  private final ReportJob job;
  private final Clock clock;
  private final PrintStream out;

  /** With {@code interactive}, long loads show progress on stderr (as the report's). */
  public HostsJob(
      Clock clock, PrintStream out, PrintStream err, int loadThreads, boolean interactive) {
    this.job = new ReportJob(clock, out, err, null, loadThreads, interactive);
    this.clock = clock;
    this.out = out;
  }

  /** The underlying job, for its chunk settings. */
  public ReportJob reportJob() {
    return job;
  }

  /** Runs a validated request; failures are thrown as GpuReportException. */
  public void run(HostsRequest req) {
    long started = clock.millis();
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
    String rendered =
        switch (req.format()) {
          case TEXT -> HostsText.render(header, table);
          case HTML ->
              HostsHtml.render(
                  header,
                  table,
                  new HostsHtml.Run(
                      (clock.millis() - started) / 1000.0, LocalDateTime.now(clock).withNano(0)));
          case JSON -> HostsJson.render(header, table);
          case CSV -> req.gaps() ? HostsCsv.stretches(table) : HostsCsv.hosts(table);
        };
    OutputTarget.write(rendered, req.file(), out);
    if (req.verbose()) {
      job.printTimes();
    }
  }
}
