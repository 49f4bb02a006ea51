package io.gpureport.report;

import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.ReportFold;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.ClassifyRules;
import io.gpureport.classify.RuleSet;
import io.gpureport.classify.RuleSets;
import io.gpureport.deliver.EmailSettings;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * The most rows a default chunk may hold: chunks grow from three days to {@link #chunkRows} rows
   * at the densest file's rate, so that files without a timestamp index, which every chunk scans
   * whole, are scanned as few times as memory allows (docs/decisions/0002-engine.md).
   */
  public static final long DEFAULT_CHUNK_ROWS = 2_000_000;

  /** Heap a chunk's row takes at most while loaded and classified: twice the ~200 B measured. */
  static final long HEAP_BYTES_PER_ROW = 400;

  /**
   * The rows of a default chunk under this JVM's heap limit, at most {@link #DEFAULT_CHUNK_ROWS}.
   */
  private final long chunkRows = chunkRows(Runtime.getRuntime().maxMemory());

  /** The shortest default chunk: three days, about 450,000 rows of a 750-GPU pool. */
  private static final long MIN_CHUNK_MICROS = 3L * 24 * 3600 * Timestamps.MICROS_PER_SECOND;

  /** Set by {@link #chunkMinutes}; null: the default, sized by rows. */
  private Long fixedChunkMicros;

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

  /**
   * A fixed length of the time chunks a window is folded in, instead of the default (three days,
   * grown to {@link #chunkRows} rows): the rows of one chunk are what is in memory at a time; the
   * output does not depend on it.
   */
  public ReportJob chunkMinutes(long minutes) {
    if (minutes <= 0) {
      throw new IllegalArgumentException("chunk minutes must be positive: " + minutes);
    }
    this.fixedChunkMicros = minutes * 60 * Timestamps.MICROS_PER_SECOND;
    return this;
  }

  /** Runs a validated request; failures are thrown as {@link GpuReportException}. */
  public void run(ReportRequest req) {
    if (req.analysis() instanceof ReportRequest.GpuModelSnapshot snapshot) {
      new SnapshotJob(out).run(req.source(), snapshot, req.output());
      return;
    }
    long started = clock.millis();
    DataSource source = DataSource.resolve(req.source().dbPath(), req.source().dataDir());
    Report report =
        req.analysis() instanceof ReportRequest.Windowed analysis
            ? windowed(req, analysis, source, started)
            : monthly(req, source, started);
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

  private Report windowed(
      ReportRequest req, ReportRequest.Windowed analysis, DataSource source, long started) {
    Projection projection =
        analysis.host().isEmpty() ? Projection.ALLOCATION : Projection.ALLOCATION_WITH_NAMES;
    ClassifyRules rules = rules(req, analysis.host());
    ReportFold fold = toNewest(req, source, projection, rules);
    int hoursBack = req.window().hoursBack();
    long end;
    if (fold != null) {
      end = fold.lastTimestamp();
    } else {
      Long endTime = req.window().endTime();
      end = endTime != null ? endTime : timer.time("end-time", () -> defaultEnd(source));
      TimeRange range = TimeRange.closed(minusHours(end, hoursBack), end);
      fold = fold(source, range, source.filesFor(range), null, projection, rules, newFold(req));
    }
    if (fold.rows() == 0) {
      throw new NoDataException("No data found in the specified time range.");
    }
    long start = minusHours(end, hoursBack);
    Report.Window window = new Report.Window(start, end, hoursBack);
    ReportFold f = fold;
    if (analysis instanceof ReportRequest.Allocation allocation) {
      return allocation.groupByDevice()
          ? new Report.Allocation(
              window, timer.time("aggregate", f::deviceAllocation), context(req, f, started))
          : new Report.AllocationSummary(
              window, timer.time("aggregate", f::allocationSummary), context(req, f, started));
    }
    return new Report.Series(
        window, timer.time("aggregate", f::timeSeries), context(req, f, started));
  }

  /** The rule set (docs/metrics.md, "The rule set"); {@code --rules} is not wired yet. */
  private static final RuleSet RULES = RuleSets.named("reference");

  /** The fold of a windowed analysis. */
  private static ReportFold newFold(ReportRequest req) {
    if (req.analysis() instanceof ReportRequest.Allocation allocation) {
      return allocation.groupByDevice()
          ? ReportFold.forDeviceAllocation(
              RULES.classes(), allocation.allDevices(), req.window().hoursBack())
          : ReportFold.forAllocationSummary(RULES.classes());
    }
    return ReportFold.forTimeSeries(
        RULES.classes(), ((ReportRequest.Timeseries) req.analysis()).bucketMinutes());
  }

  /**
   * Folds the window's rows into {@code fold}, one chunk at a time (three days, grown to {@link
   * #chunkRows} rows; or the length {@link #chunkMinutes} set) in time order: load, classify, add.
   * Only one chunk's rows are in memory at a time. The chunks are half-open, the last one keeps the
   * window's end; each reads the window's {@code files} that may hold rows of it, and {@code
   * openEndFile} (if any) without upper bound in the last chunk.
   */
  private ReportFold fold(
      DataSource source,
      TimeRange window,
      List<Path> files,
      Path openEndFile,
      Projection projection,
      ClassifyRules rules,
      ReportFold fold) {
    long from = window.start();
    long chunkMicros =
        fixedChunkMicros != null
            ? fixedChunkMicros
            : window.end() - from <= MIN_CHUNK_MICROS ? MIN_CHUNK_MICROS : defaultChunk(files);
    boolean single = window.end() - from <= chunkMicros;
    // each file's time span, once: a chunk reads only the files that may hold its rows
    Map<Path, DataSource.Span> spans = new HashMap<>();
    if (!single) {
      timer.time(
          "load",
          () -> {
            files.forEach(f -> spans.put(f, DataSource.span(f)));
            return null;
          });
    }
    while (true) {
      boolean last = window.end() - from <= chunkMicros;
      TimeRange range =
          last
              ? new TimeRange(from, window.end(), window.endInclusive())
              : TimeRange.halfOpen(from, from + chunkMicros);
      List<Path> chunkFiles = new ArrayList<>();
      for (Path f : files) {
        DataSource.Span span = spans.get(f);
        if (single || (span != null && span.mayHold(range, last && f.equals(openEndFile)))) {
          chunkFiles.add(f);
        }
      }
      Path open = last && chunkFiles.contains(openEndFile) ? openEndFile : null;
      if (!chunkFiles.isEmpty()) {
        SlotTable table =
            timer.time(
                "load", () -> loader(loader -> loader.load(chunkFiles, range, projection, open)));
        if (table.rowCount() > 0) {
          ClassifiedRows rows = timer.time("classify", () -> RULES.classify(table, rules));
          timer.time(
              "aggregate",
              () -> {
                fold.add(rows);
                return null;
              });
        }
      }
      if (last) {
        return fold;
      }
      from += chunkMicros;
    }
  }

  /**
   * The default chunk for a window of more than three days: the whole window when its files hold at
   * most {@link #chunkRows} rowids in all, else three days grown to that many rows at the densest
   * file's rate, from its {@link DataSource.Insertions} (an upper bound of the true rate, so a
   * chunk never holds more rows than that; no scan of files without an index).
   */
  private long defaultChunk(List<Path> files) {
    return timer.time(
        "load",
        () -> {
          long rows = 0;
          double densest = 0;
          boolean unknown = false;
          for (Path f : files) {
            DataSource.Insertions in = DataSource.insertions(f);
            rows += in.rows();
            if (in.micros() > 0) {
              densest = Math.max(densest, in.rows() / (double) in.micros());
            } else {
              unknown |= in.rows() > 1;
            }
          }
          if (rows <= chunkRows) {
            return Long.MAX_VALUE;
          }
          long grown = unknown || densest == 0 ? 0 : (long) (chunkRows / densest);
          return Math.max(MIN_CHUNK_MICROS, grown);
        });
  }

  /**
   * The rows of a default chunk for a heap of {@code maxHeapBytes}: {@link #DEFAULT_CHUNK_ROWS}
   * under the launcher's 896 MiB, fewer under a smaller heap.
   */
  static long chunkRows(long maxHeapBytes) {
    return Math.max(1, Math.min(DEFAULT_CHUNK_ROWS, maxHeapBytes / HEAP_BYTES_PER_ROW));
  }

  private SlotTable loader(Function<SlotLoader, SlotTable> load) {
    try (LoadProgress progress = LoadProgress.start(err, interactive)) {
      return load.apply(new SlotLoader(loadThreads, progress));
    }
  }

  private static long minusHours(long t, int hours) {
    return Timestamps.of(Timestamps.toLocal(t).minusHours(hours));
  }

  /**
   * The default-end-time window in one scan (no separate MAX(timestamp) pass): folds from the last
   * inserted row's time minus the window, with no upper bound in the newest file. When that row is
   * the newest (rows stored in time order: always, for collector files), the fold is exactly the
   * window; otherwise returns null and the caller takes the exact two-pass way.
   */
  private ReportFold toNewest(
      ReportRequest req, DataSource source, Projection projection, ClassifyRules rules) {
    if (req.window().endTime() != null) {
      return null;
    }
    var last = timer.time("end-time", source::lastInserted);
    if (last.isEmpty()) {
      return null;
    }
    long candidate = last.get().timestamp();
    TimeRange range = TimeRange.closed(minusHours(candidate, req.window().hoursBack()), candidate);
    List<Path> files = source.filesFor(range);
    if (!files.contains(last.get().file())) {
      return null;
    }
    ReportFold fold =
        fold(source, range, files, last.get().file(), projection, rules, newFold(req));
    boolean exact = fold.rows() > 0 && fold.lastTimestamp() == candidate;
    return exact ? fold : null;
  }

  private Report monthly(ReportRequest req, DataSource source, long started) {
    Long endTime = req.window().endTime();
    long reference = endTime != null ? endTime : timer.time("end-time", () -> defaultEnd(source));
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
    TimeRange range = TimeRange.closed(first, next);
    ReportFold fold =
        fold(
            source,
            range,
            source.filesFor(range),
            null,
            Projection.ALLOCATION,
            rules(req, ""),
            ReportFold.forMonthly(RULES.classes(), hours));
    if (fold.rows() == 0) {
      throw new NoDataException("No data found for " + label);
    }
    err.println(
        "Coverage: " + fold.bucketCount() + " of " + hours * 4 + " 15-minute buckets have data");
    Report.Month m = new Report.Month(label, first, last, hours);
    return new Report.Monthly(
        m, timer.time("aggregate", fold::deviceAllocation), context(req, fold, started));
  }

  /** {@code November 2025}. */
  public static String monthLabel(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
  }

  /** The shared parts of the report, its run time measured now. */
  private Report.Context context(ReportRequest req, ReportFold rows, long started) {
    long finished = clock.millis();
    return new Report.Context(
        rows.firstTimestamp(),
        rows.lastTimestamp(),
        req.filters().exclusions().entries(),
        new Report.Filtering(rows.rowsExcluded(), rows.rows() - rows.rowsExcluded()),
        req.filters().chtcOwned().hosts(),
        (finished - started) / 1000.0,
        LocalDateTime.now(clock).withNano(0));
  }

  private static ClassifyRules rules(ReportRequest req, String host) {
    return new ClassifyRules(req.filters().exclusions(), req.filters().chtcOwned(), host);
  }

  private long defaultEnd(DataSource source) {
    OptionalLong end = source.defaultEndTime();
    if (end.isEmpty()) {
      throw new NoDataException("No data found in the specified time range.");
    }
    return end.getAsLong();
  }

  private void deliver(ReportRequest req, Report report) {
    ReportRequest.Output output = req.output();
    // Charts are drawn once, only for the HTML file or the e-mail, and used by both.
    boolean html = output.format() == ReportRequest.OutputFormat.HTML;
    boolean emailed = req.delivery() instanceof ReportRequest.Email;
    List<ChartImage> charts =
        output.charts() && (html || emailed)
            ? timer.time("charts", () -> HtmlReport.charts(report, err))
            : List.of();
    String rendered =
        switch (output.format()) {
          case TEXT -> TextReport.render(report);
          case JSON -> JsonReport.render(report);
          case HTML -> HtmlReport.render(report, charts);
        };
    OutputTarget.write(rendered, output.file(), out);
    if (req.delivery() instanceof ReportRequest.Email email) {
      EmailSettings settings = email.settings();
      String subject =
          Subject.of(
              settings.subjectPrefix(),
              LocalDate.now(clock),
              req.window().hoursBack(),
              report instanceof Report.Monthly monthly ? monthly.month().label() : null,
              report.subjectPercents());
      if (settings.debug()) {
        err.println("DEBUG: Email subject would be: " + subject);
      }
      String text =
          output.format() == ReportRequest.OutputFormat.TEXT ? rendered : TextReport.render(report);
      // The e-mail's HTML references its charts as cid: image parts, not data: URIs.
      String mailHtml =
          html && charts.isEmpty() ? rendered : HtmlReport.renderForEmail(report, charts);
      List<Mailer.InlineImage> images = new ArrayList<>();
      for (ChartImage c : charts) {
        images.add(new Mailer.InlineImage(c.contentId(), c.fileName(), c.png()));
      }
      mailer.send(settings, subject, text, mailHtml, images);
    }
  }
}
