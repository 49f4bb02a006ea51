package io.gpureport.cli;

import io.gpureport.aggregate.Timeline;
import io.gpureport.errors.UsageException;
import io.gpureport.report.ReportRequest;
import io.gpureport.report.TimelineJob;
import io.gpureport.report.TimelineRequest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code gpureport timeline}: one row per GPU, one cell per bucket, coloured by what the GPU was
 * doing (README, "timeline options"), with the report's source, window and filters.
 */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    abbreviateSynopsis = true,
    description =
        "What every GPU did, bucket by bucket: one row per GPU (grouped by host, category and"
            + " device), one cell per bucket of the window (busy by class, backfill, idle by"
            + " class, unavailable, no data), as text, HTML or PNG, with the report's loader,"
            + " exclusions, --host, CHTC-owned list and rule set.")
public final class TimelineCommand implements Callable<Integer> {
  @ParentCommand GpuReportCommand parent;

  @Mixin WindowOptions window;

  @Mixin ExclusionOptions exclusion;

  @Mixin RulesOption rules;

  @Option(
      names = "--bucket-minutes",
      paramLabel = "INT",
      defaultValue = "15",
      description = "Width of a cell in minutes, >= 1 (default: ${DEFAULT-VALUE}).")
  int bucketMinutes;

  @Mixin HostFilterOptions hostFilter;

  @Option(
      names = "--output-format",
      paramLabel = "FMT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text, html or png (default: ${DEFAULT-VALUE}).")
  TimelineRequest.Format outputFormat;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description = "Write the output to FILE, replaced atomically (default: standard output).")
  Path outputFile;

  @Option(names = "--verbose", description = "Stack traces for errors and stage times on stderr.")
  boolean verbose;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    TimelineRequest request = toRequest(ctx);
    boolean interactive = ctx.interactive();
    TimelineJob job =
        new TimelineJob(ctx.clock(), ctx.out(), ctx.err(), engine.threads(), interactive);
    engine.applyTo(job.reportJob());
    EngineOptions.withHeapHint(() -> job.run(request));
    return ExitCodes.OK;
  }

  TimelineRequest toRequest(CliContext ctx) {
    if (bucketMinutes < 1) {
      throw new UsageException("--bucket-minutes must be >= 1, was " + bucketMinutes);
    }
    engine.validate();
    if (outputFile != null && outputFile.toString().isEmpty()) {
      throw new UsageException("--output-file must not be empty");
    }
    window.checkHoursBack();
    ReportRequest.Window w = window.window(window.end());
    window.checkHost();
    String host = window.host();
    Optional<Pattern> devicePattern = hostFilter.device();
    Timeline.Selection selection = new Timeline.Selection(hostFilter.categories(), devicePattern);
    exclusion.checkOneForm();
    window.checkOneSource();
    return new TimelineRequest(
        window.source(),
        w,
        exclusion.filters(rules.ruleSet(), ctx.err()),
        host,
        bucketMinutes,
        selection,
        outputFormat,
        outputFile,
        verbose);
  }

  /** Accepts text, html and png. */
  static final class FormatConverter implements ITypeConverter<TimelineRequest.Format> {
    @Override
    public TimelineRequest.Format convert(String v) {
      return switch (v) {
        case "text" -> TimelineRequest.Format.TEXT;
        case "html" -> TimelineRequest.Format.HTML;
        case "png" -> TimelineRequest.Format.PNG;
        default ->
            throw new TypeConversionException(
                "expected one of text, html, png but was '" + v + "'");
      };
    }
  }
}
