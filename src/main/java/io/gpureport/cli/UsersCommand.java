package io.gpureport.cli;

import io.gpureport.aggregate.PoolClass;
import io.gpureport.aggregate.UsersTable;
import io.gpureport.classify.RuleSets;
import io.gpureport.errors.UsageException;
import io.gpureport.report.ReportRequest;
import io.gpureport.report.TableFormat;
import io.gpureport.report.UsersJob;
import io.gpureport.report.UsersRequest;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code gpureport users}: who uses the pool, as concurrent GPUs per user (README, "users
 * options"), with the report's source, window, exclusions, --host and CHTC-owned list.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    abbreviateSynopsis = true,
    description =
        "Who uses the pool: per user and class, peak and mean concurrent GPUs, GPU-hours, jobs"
            + " and share of the class's claimed GPU-hours, from 15-minute buckets (a bucket's"
            + " value is the maximum over its snapshots), with the reference rules.")
public final class UsersCommand implements Callable<Integer> {
  @ParentCommand GpuReportCommand parent;

  @Option(
      names = "--hours-back",
      paramLabel = "INT",
      defaultValue = "24",
      description = "Window length in hours, >= 0 (default: ${DEFAULT-VALUE}).")
  int hoursBack;

  @Option(
      names = "--end-time",
      paramLabel = "TEXT",
      description = "End of the window, \"YYYY-MM-DD HH:MM:SS\" (default: the newest data).")
  String endTime;

  @Mixin SourceOptions sourceOptions;

  @Mixin ExclusionOptions exclusion;

  @Option(
      names = "--class",
      paramLabel = "CLASS",
      defaultValue = "all",
      description =
          "open, prioritized, backfill or all, each class with its rows (default:"
              + " ${DEFAULT-VALUE}).")
  String poolClass;

  @Option(names = "--by-device", description = "One row per user, class and device.")
  boolean byDevice;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "The first N rows of each class, >= 0; 0 is all (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--anonymize",
      description = "Users shown as user-01, user-02, ... by GPU-hours, for sharing.")
  boolean anonymize;

  @Option(
      names = "--series",
      description = "Also every bucket's value per row (json), or instead of the table (csv).")
  boolean series;

  @Option(
      names = "--output-format",
      paramLabel = "FMT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text, html, json or csv (default: ${DEFAULT-VALUE}).")
  TableFormat outputFormat;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description = "Write the output to FILE, replaced atomically (default: standard output).")
  Path outputFile;

  @Mixin EmailOptions email;

  @Option(names = "--verbose", description = "Stack traces for errors and stage times on stderr.")
  boolean verbose;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    UsersRequest request = toRequest(ctx);
    boolean interactive = ctx.interactive();
    UsersJob job =
        new UsersJob(
            ctx.clock(), ctx.out(), ctx.err(), ctx.mailer(), engine.threads(), interactive);
    engine.applyTo(job.reportJob());
    EngineOptions.withHeapHint(() -> job.run(request));
    return ExitCodes.OK;
  }

  UsersRequest toRequest(CliContext ctx) {
    if (hoursBack < 0) {
      throw new UsageException("--hours-back must be >= 0, was " + hoursBack);
    }
    if (top < 0) {
      throw new UsageException("--top must be >= 0, was " + top);
    }
    if (series && (outputFormat == TableFormat.TEXT || outputFormat == TableFormat.HTML)) {
      throw new UsageException("--series needs --output-format json or csv");
    }
    engine.validate();
    email.validate();
    if (outputFile != null && outputFile.toString().isEmpty()) {
      throw new UsageException("--output-file must not be empty");
    }
    Long end = SourceOptions.endTime(endTime);
    String host = sourceOptions.host();
    ReportRequest.Source source = sourceOptions.source();
    ReportRequest.Delivery delivery = email.delivery(ctx);
    return new UsersRequest(
        source,
        new ReportRequest.Window(hoursBack, end),
        exclusion.filters(RuleSets.named("reference"), ctx.err()),
        host,
        new UsersTable.Selection(classes(poolClass), top, anonymize),
        byDevice,
        series,
        outputFormat,
        outputFile,
        delivery,
        verbose);
  }

  /** {@code --class}: one class, or every class (the empty set) for {@code all}. */
  static Set<PoolClass> classes(String key) {
    if (key.equals("all")) {
      return Set.of();
    }
    PoolClass c = PoolClass.ofKey(key);
    if (c == null) {
      throw new UsageException(
          "invalid --class '" + key + "': expected open, prioritized, backfill or all");
    }
    return Set.of(c);
  }

  /** Accepts text, html, json and csv. */
  static final class FormatConverter implements ITypeConverter<TableFormat> {
    @Override
    public TableFormat convert(String v) {
      return switch (v) {
        case "text" -> TableFormat.TEXT;
        case "html" -> TableFormat.HTML;
        case "json" -> TableFormat.JSON;
        case "csv" -> TableFormat.CSV;
        default ->
            throw new TypeConversionException(
                "expected one of text, html, json, csv but was '" + v + "'");
      };
    }
  }
}
