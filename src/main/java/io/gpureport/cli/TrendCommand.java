package io.gpureport.cli;

import io.gpureport.aggregate.Trend;
import io.gpureport.classify.RuleSets;
import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.UsageException;
import io.gpureport.load.Timestamps;
import io.gpureport.report.ReportRequest;
import io.gpureport.report.TableFormat;
import io.gpureport.report.TrendJob;
import io.gpureport.report.TrendRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gpureport trend}: allocation per day or week and class (README, "trend options"), from the
 * report's 15-minute time series, with the report's source, exclusions, --host, CHTC-owned list and
 * rollup cache.
 */
@Command(
    name = "trend",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    abbreviateSynopsis = true,
    description =
        "How the pool's allocation changes: per day or week (from Monday) and class, average"
            + " allocated and available GPUs, Allocated %%, claimed GPU-hours and coverage, from"
            + " the report's 15-minute time series (reference rules).")
public final class TrendCommand implements Callable<Integer> {
  private static final int DEFAULT_HOURS = 168;

  @ParentCommand GpuReportCommand parent;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      defaultValue = "week",
      description = "day or week (weeks start on Monday) (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day of the range, YYYY-MM-DD, with --to (instead of --hours-back).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last day of the range (included), YYYY-MM-DD, with --from.")
  String to;

  @Option(
      names = "--hours-back",
      paramLabel = "INT",
      description = "Range length in hours back from --end-time, >= 1 (default: 168).")
  Integer hoursBack;

  @Option(
      names = "--end-time",
      paramLabel = "TEXT",
      description = "End of the range, \"YYYY-MM-DD HH:MM:SS\" (default: the newest data).")
  String endTime;

  @Mixin SourceOptions sourceOptions;

  @Mixin ExclusionOptions exclusion;

  @Option(
      names = "--complete-only",
      description = "Leave out the partial periods at the range's edges (else marked partial).")
  boolean completeOnly;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Directory of the rollup cache, as in report (default: $XDG_CACHE_HOME/gpureport,"
              + " else ~/.cache/gpureport).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Compute every day from rows, as in report.")
  boolean noCache;

  @Option(
      names = "--output-format",
      paramLabel = "FMT",
      defaultValue = "text",
      converter = UsersCommand.FormatConverter.class,
      description = "text, html, json or csv (default: ${DEFAULT-VALUE}).")
  TableFormat outputFormat;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description = "Write the output to FILE, replaced atomically (default: standard output).")
  Path outputFile;

  @Option(
      names = "--no-charts",
      description = "No chart in the HTML page and the e-mail (the other formats have none).")
  boolean noCharts;

  @Mixin EmailOptions email;

  @Option(names = "--verbose", description = "Stack traces for errors and stage times on stderr.")
  boolean verbose;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    TrendRequest request = toRequest(ctx);
    boolean interactive = ctx.interactive();
    try {
      TrendJob job =
          new TrendJob(
              ctx.clock(), ctx.out(), ctx.err(), ctx.mailer(), engine.threads(), interactive);
      engine.applyTo(job.reportJob());
      job.run(request);
    } catch (OutOfMemoryError e) {
      throw new GpuReportException(
          "out of memory (Java heap) for this range; give the JVM more, e.g."
              + " GPUREPORT_JAVA_OPTS=-Xmx2g bin/gpureport ...",
          e);
    }
    return ExitCodes.OK;
  }

  TrendRequest toRequest(CliContext ctx) {
    Trend.Period p =
        switch (period) {
          case "day" -> Trend.Period.DAY;
          case "week" -> Trend.Period.WEEK;
          default -> throw new UsageException("invalid --period '" + period + "': day or week");
        };
    if ((from == null) != (to == null)) {
      throw new UsageException("--from and --to go together");
    }
    if (from != null && (hoursBack != null || endTime != null)) {
      throw new UsageException("--from/--to cannot be used with --hours-back or --end-time");
    }
    if (hoursBack != null && hoursBack < 1) {
      throw new UsageException("--hours-back must be >= 1, was " + hoursBack);
    }
    engine.validate();
    email.validate();
    if (outputFile != null && outputFile.toString().isEmpty()) {
      throw new UsageException("--output-file must not be empty");
    }
    Long first = null;
    Long end = null;
    ReportRequest.Window window;
    if (from != null) {
      LocalDate a = date(from, "--from");
      LocalDate b = date(to, "--to").plusDays(1);
      if (!a.isBefore(b)) {
        throw new UsageException("--to must not be before --from");
      }
      first = Timestamps.of(a.atStartOfDay());
      end = Timestamps.of(b.atStartOfDay());
      window = new ReportRequest.Window((int) ChronoUnit.DAYS.between(a, b) * 24, end);
    } else {
      window =
          new ReportRequest.Window(
              hoursBack != null ? hoursBack : DEFAULT_HOURS, SourceOptions.endTime(endTime));
    }
    String host = sourceOptions.host();
    ReportRequest.Delivery delivery = email.delivery(ctx);
    Path rollups =
        noCache ? null : cacheDir != null ? cacheDir : CacheCommand.defaultDir(ctx.env());
    return new TrendRequest(
        sourceOptions.source(),
        window,
        exclusion.filters(RuleSets.named("reference"), ctx.err()),
        host,
        p,
        first,
        end,
        completeOnly,
        rollups,
        outputFormat,
        outputFile,
        !noCharts,
        delivery,
        verbose);
  }

  private static LocalDate date(String text, String option) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException("invalid " + option + " '" + text + "': expected YYYY-MM-DD");
    }
  }
}
