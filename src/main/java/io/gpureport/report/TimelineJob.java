package io.gpureport.report;

import io.gpureport.aggregate.Timeline;
import io.gpureport.aggregate.TimelineFold;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.load.Projection;
import io.gpureport.render.TimelineHeader;
import io.gpureport.render.TimelineHtml;
import io.gpureport.render.TimelinePng;
import io.gpureport.render.TimelineText;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code gpureport timeline}: the report's window folded ({@link ReportJob}) into a {@link
 * TimelineFold} with the request's rule set, then selected, rendered and written.
 */
public final class TimelineJob {
  private final ReportJob job;
  private final PrintStream out;

  /** With {@code interactive}, long loads show progress on stderr (as the report's). */
  public TimelineJob(
      Clock clock, PrintStream out, PrintStream err, int loadThreads, boolean interactive) {
    this.job = new ReportJob(clock, out, err, null, loadThreads, interactive);
    this.out = out;
  }

  /** The underlying job, for its chunk settings. */
  public ReportJob reportJob() {
    return job;
  }

  /** The timeline of a validated request and its header; failures are GpuReportException. */
  public Result timeline(TimelineRequest req) {
    ReportJob.Folded folded =
        job.foldRows(
            req.source(),
            req.window(),
            req.filters(),
            req.host(),
            // only the HTML titles show job ids: reading them costs a third more time
            req.format() == TimelineRequest.Format.HTML
                ? Projection.TIMELINE
                : Projection.CORRECTED,
            new TimelineFold(req.filters().rules().classes(), req.bucketMinutes()));
    Timeline timeline =
        ((TimelineFold) folded.fold()).finish(folded.start(), folded.end()).select(req.selection());
    TimelineHeader header =
        new TimelineHeader(
            req.filters().rules().name(), folded.start(), folded.end(), folded.hoursBack());
    return new Result(header, timeline);
  }

  /** A timeline and what its renderings say about the window. */
  public record Result(TimelineHeader header, Timeline timeline) {}

  /** Runs a validated request: renders and writes it; failures are thrown as GpuReportException. */
  public void run(TimelineRequest req) {
    Result r = timeline(req);
    switch (req.format()) {
      case TEXT ->
          OutputTarget.write(TimelineText.render(r.header(), r.timeline()), req.file(), out);
      case HTML ->
          OutputTarget.write(TimelineHtml.render(r.header(), r.timeline()), req.file(), out);
      case PNG -> OutputTarget.write(TimelinePng.render(r.header(), r.timeline()), req.file(), out);
    }
    if (req.verbose()) {
      job.printTimes();
    }
  }
}
