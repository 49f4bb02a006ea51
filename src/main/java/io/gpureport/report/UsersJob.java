package io.gpureport.report;

import io.gpureport.aggregate.UsersFold;
import io.gpureport.aggregate.UsersTable;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.load.Projection;
import io.gpureport.render.UsersCsv;
import io.gpureport.render.UsersJson;
import io.gpureport.render.UsersText;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code gpureport users}: the report's window folded ({@link ReportJob}) into a {@link UsersFold}
 * with the reference rules, then selected, rendered and written.
 */
public final class UsersJob {
  private final ReportJob job;
  private final PrintStream out;

  /** With {@code interactive}, long loads show progress on stderr (as the report's). */
  public UsersJob(
      Clock clock, PrintStream out, PrintStream err, int loadThreads, boolean interactive) {
    this.job = new ReportJob(clock, out, err, null, loadThreads, interactive);
    this.out = out;
  }

  /** The underlying job, for its chunk settings. */
  public ReportJob reportJob() {
    return job;
  }

  /** Runs a validated request; failures are thrown as GpuReportException. */
  public void run(UsersRequest req) {
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
          case JSON -> UsersJson.render(header, table, req.series());
          case CSV -> req.series() ? UsersCsv.series(table) : UsersCsv.users(table);
        };
    OutputTarget.write(rendered, req.file(), out);
    if (req.verbose()) {
      job.printTimes();
    }
  }
}
