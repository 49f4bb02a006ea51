package io.gpureport.report;

import io.gpureport.aggregate.Analyses;
import io.gpureport.aggregate.ClassStat;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.TimeSeries;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.Classifier;
import io.gpureport.classify.ClassifyRules;
import io.gpureport.deliver.Mailer;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.deliver.Subject;
import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.NoDataException;
import io.gpureport.load.DataSource;
import io.gpureport.load.LoadProgress;
import io.gpureport.load.Projection;
import io.gpureport.load.SlotLoader;
import io.gpureport.load.SlotTable;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import io.gpureport.render.ChartImage;
import io.gpureport.render.HtmlReport;
import io.gpureport.render.JsonReport;
import io.gpureport.render.TextReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The report pipeline: load → classify → aggregate → render → deliver (docs/metrics.md, "Checks,
 * messages and exit status").
 */
public final class ReportJob {
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;
  private final Mailer mailer;
  private final int loadThreads;
  private final boolean interactive;
  private final StageTimer timer = new StageTimer();

  /** With {@code interactive}, loads longer than two seconds show progress on stderr. */
  public ReportJob(
      Clock clock,
      PrintStream out,
      PrintStream err,
      Mailer mailer,
      int loadThreads,
      boolean interactive) {
    this.interactive = interactive;
    this.clock = clock;
    this.out = out;
    this.err = err;
    this.mailer = mailer;
    this.loadThreads = loadThreads;
  }

  /** Runs a validated request; failures are thrown as {@link GpuReportException}. */
  public void run(ReportRequest req) {
    if (req.analysis() == ReportRequest.AnalysisType.GPU_MODEL_SNAPSHOT) {
      new SnapshotJob(out).run(req);
      return;
    }
    long started = clock.millis();
    DataSource source = DataSource.resolve(req.dbPath(), req.dataDir());
    Report report =
        req.analysis() == ReportRequest.AnalysisType.MONTHLY
            ? monthly(req, source, started)
            : windowed(req, source, started);
    timer.time(
        "render+deliver",
        () -> {
          deliver(req, report);
          return null;
        });
    if (req.verbose()) {
      timer.print(err);
    }
  }

  private Report windowed(ReportRequest req, DataSource source, long started) {
    Projection projection =
        req.host().isEmpty() ? Projection.ALLOCATION : Projection.ALLOCATION_WITH_NAMES;
    SlotTable newest = req.endTime() == null ? loadToNewest(req, source, projection) : null;
    long end =
        newest != null
            ? newest.timestamps().getLong(newest.rowCount() - 1)
            : req.endTime() != null
                ? req.endTime()
                : timer.time("end-time", () -> defaultEnd(source));
    ClassifiedRows rows =
        classified(
            newest != null
                ? newest
                : load(source, TimeRange.closed(minusHours(end, req.hoursBack()), end), projection),
            rules(req, req.host()),
            "No data found in the specified time range.");
    newest = null; // the loaded table is garbage now: only the classified rows are used
    long start = minusHours(end, req.hoursBack());
    Report.Window window = new Report.Window(start, end, req.hoursBack());
    if (req.analysis() == ReportRequest.AnalysisType.TIMESERIES) {
      return report(
          req,
          Report.Analysis.TIMESERIES,
          window,
          null,
          rows,
          started,
          null,
          null,
          timer.time("aggregate", () -> Analyses.timeSeries(rows, req.bucketMinutes())));
    }
    if (!req.groupByDevice()) {
      return report(
          req,
          Report.Analysis.ALLOCATION,
          window,
          null,
          rows,
          started,
          null,
          timer.time("aggregate", () -> Analyses.allocationSummary(rows)),
          null);
    }
    return report(
        req,
        Report.Analysis.ALLOCATION,
        window,
        null,
        rows,
        started,
        timer.time(
            "aggregate", () -> Analyses.deviceAllocation(rows, req.allDevices(), req.hoursBack())),
        null,
        null);
  }

  private SlotTable loader(Function<SlotLoader, SlotTable> load) {
    try (LoadProgress progress = LoadProgress.start(err, interactive)) {
      return load.apply(new SlotLoader(loadThreads, progress));
    }
  }

  private ClassifiedRows classified(SlotTable table, ClassifyRules rules, String noData) {
    if (table.rowCount() == 0) {
      throw new NoDataException(noData);
    }
    return timer.time("classify", () -> Classifier.classify(table, rules));
  }

  private static long minusHours(long t, int hours) {
    return Timestamps.of(Timestamps.toLocal(t).minusHours(hours));
  }

  /**
   * The default-end-time window in one scan (no separate MAX(timestamp) pass): loads from the last
   * inserted row's time minus the window, with no upper bound in the newest file. When that row is
   * the newest (rows stored in time order: always, for collector files), the load is exactly the
   * window; otherwise returns null and the caller takes the exact two-pass way.
   */
  private SlotTable loadToNewest(ReportRequest req, DataSource source, Projection projection) {
    var last = timer.time("end-time", source::lastInserted);
    if (last.isEmpty()) {
      return null;
    }
    long candidate = last.get().timestamp();
    TimeRange range = TimeRange.closed(minusHours(candidate, req.hoursBack()), candidate);
    List<Path> files = source.filesFor(range);
    if (!files.contains(last.get().file())) {
      return null;
    }
    SlotTable table =
        timer.time(
            "load",
            () -> loader(loader -> loader.load(files, range, projection, last.get().file())));
    boolean exact =
        table.rowCount() > 0 && table.timestamps().getLong(table.rowCount() - 1) == candidate;
    return exact ? table : null;
  }

  private Report monthly(ReportRequest req, DataSource source, long started) {
    long reference =
        req.endTime() != null ? req.endTime() : timer.time("end-time", () -> defaultEnd(source));
    YearMonth month = YearMonth.from(Timestamps.toLocal(reference)).minusMonths(1);
    String label = monthLabel(month);
    long first = Timestamps.of(month.atDay(1).atStartOfDay());
    long next = Timestamps.of(month.plusMonths(1).atDay(1).atStartOfDay());
    long last = next - Timestamps.MICROS_PER_SECOND;
    int hours = month.lengthOfMonth() * 24;
    err.println("Calculating monthly summary for " + label);
    err.println(
        "Period: " + Timestamps.formatSeconds(first) + " to " + Timestamps.formatSeconds(last));
    err.println("Total hours in month: " + hours);
    ClassifiedRows rows =
        classified(
            load(source, TimeRange.closed(first, next), Projection.ALLOCATION),
            rules(req, ""),
            "No data found for " + label);
    err.println(
        "Coverage: "
            + Analyses.bucketCount(rows.timestamps(), 15)
            + " of "
            + hours * 4
            + " 15-minute buckets have data");
    Report.Month m = new Report.Month(label, first, last, hours);
    return report(
        req,
        Report.Analysis.MONTHLY,
        null,
        m,
        rows,
        started,
        timer.time("aggregate", () -> Analyses.monthly(rows, hours)),
        null,
        null);
  }

  /** {@code November 2025}. */
  public static String monthLabel(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
  }

  private Report report(
      ReportRequest req,
      Report.Analysis analysis,
      Report.Window window,
      Report.Month month,
      ClassifiedRows rows,
      long started,
      DeviceAllocation device,
      List<ClassStat> summary,
      TimeSeries timeSeries) {
    long[] ts = rows.timestamps();
    long finished = clock.millis();
    return new Report(
        analysis,
        window,
        month,
        ts[0],
        ts[ts.length - 1],
        device,
        summary,
        timeSeries,
        req.exclusions().entries(),
        new Report.Filtering(rows.rowsExcluded(), rows.size() - rows.rowsExcluded()),
        req.chtcOwned().hosts(),
        (finished - started) / 1000.0,
        LocalDateTime.now(clock).withNano(0));
  }

  private static ClassifyRules rules(ReportRequest req, String host) {
    return new ClassifyRules(req.exclusions(), req.chtcOwned(), host);
  }

  private long defaultEnd(DataSource source) {
    OptionalLong end = source.defaultEndTime();
    if (end.isEmpty()) {
      throw new NoDataException("No data found in the specified time range.");
    }
    return end.getAsLong();
  }

  private SlotTable load(DataSource source, TimeRange range, Projection projection) {
    return timer.time(
        "load", () -> loader(loader -> loader.load(source.filesFor(range), range, projection)));
  }

  private void deliver(ReportRequest req, Report report) {
    // Charts are drawn once, only for the HTML file or the e-mail, and used by both.
    boolean html = req.format() == ReportRequest.OutputFormat.HTML;
    List<ChartImage> charts =
        req.charts() && (html || req.email() != null)
            ? timer.time("charts", () -> HtmlReport.charts(report, err))
            : List.of();
    String rendered =
        switch (req.format()) {
          case TEXT -> TextReport.render(report);
          case JSON -> JsonReport.render(report);
          case HTML -> HtmlReport.render(report, charts);
        };
    OutputTarget.write(rendered, req.outputFile(), out);
    if (req.email() != null) {
      String subject =
          Subject.of(
              req.email().subjectPrefix(),
              LocalDate.now(clock),
              req.hoursBack(),
              report.month() == null ? null : report.month().label(),
              report.subjectPercents());
      if (req.email().debug()) {
        err.println("DEBUG: Email subject would be: " + subject);
      }
      String text =
          req.format() == ReportRequest.OutputFormat.TEXT ? rendered : TextReport.render(report);
      // The e-mail's HTML references its charts as cid: image parts, not data: URIs.
      String mailHtml =
          html && charts.isEmpty() ? rendered : HtmlReport.renderForEmail(report, charts);
      List<Mailer.InlineImage> images = new ArrayList<>();
      for (ChartImage c : charts) {
        images.add(new Mailer.InlineImage(c.contentId(), c.fileName(), c.png()));
      }
      mailer.send(req.email(), subject, text, mailHtml, images);
    }
  }
}
