package io.gpureport.cli;

import io.gpureport.aggregate.HostCategory;
import io.gpureport.aggregate.HostsTable;
import io.gpureport.errors.UsageException;
import io.gpureport.report.HostsJob;
import io.gpureport.report.HostsRequest;
import io.gpureport.report.ReportRequest;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code gpureport hosts}: where the idle capacity is, host by host and GPU by GPU (README, "hosts
 * options"), with the report's source, window and filters.
 */
@Command(
    name = "hosts",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    abbreviateSynopsis = true,
    description =
        "Where the idle capacity is: one row per host (GPU-snapshots busy, backfill, idle,"
            + " unavailable, absent, no data; Allocated %%; GPUs never Claimed; the longest idle"
            + " stretch), with the report's loader, exclusions, --host, CHTC-owned list and rule"
            + " set.")
public final class HostsCommand implements Callable<Integer> {
  @ParentCommand GpuReportCommand parent;

  @Mixin WindowOptions window;

  @Mixin ExclusionOptions exclusion;

  @Mixin RulesOption rules;

  @Mixin HostFilterOptions hostFilter;

  @Option(
      names = "--only-idle",
      description = "Only hosts with at least one GPU never Claimed in the window.")
  boolean onlyIdle;

  @Option(
      names = "--sort",
      paramLabel = "KEY",
      converter = SortConverter.class,
      description =
          "idle (largest idle share first), alloc (lowest Allocated %% first) or host; default:"
              + " grouped by category, then device, then host name.")
  HostsTable.Sort sort;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "0",
      description = "Only the first N hosts, >= 0; 0 is all (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--gaps",
      description =
          "Also list every GPU's idle stretches longer than --min-idle-hours, longest first"
              + " (with csv: instead of the hosts).")
  boolean gaps;

  @Option(
      names = "--min-idle-hours",
      paramLabel = "HOURS",
      defaultValue = "1",
      description =
          "Idle stretches strictly longer than this are listed, >= 0"
              + " (default: ${DEFAULT-VALUE}).")
  double minIdleHours;

  @Option(
      names = "--output-format",
      paramLabel = "FMT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text, html, json or csv (default: ${DEFAULT-VALUE}).")
  HostsRequest.Format outputFormat;

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
    HostsRequest request = toRequest(ctx);
    boolean interactive = ctx.interactive();
    HostsJob job =
        new HostsJob(
            ctx.clock(), ctx.out(), ctx.err(), ctx.mailer(), engine.threads(), interactive);
    engine.applyTo(job.reportJob());
    EngineOptions.withHeapHint(() -> job.run(request));
    return ExitCodes.OK;
  }

  HostsRequest toRequest(CliContext ctx) {
    window.checkHoursBack();
    if (top < 0) {
      throw new UsageException("--top must be >= 0, was " + top);
    }
    if (!(minIdleHours >= 0) || Double.isInfinite(minIdleHours)) {
      throw new UsageException("--min-idle-hours must be a number >= 0, was " + minIdleHours);
    }
    engine.validate();
    email.validate();
    if (outputFile != null && outputFile.toString().isEmpty()) {
      throw new UsageException("--output-file must not be empty");
    }
    Long end = window.end();
    window.checkHost();
    Pattern devicePattern = hostFilter.device().orElse(null);
    exclusion.checkOneForm();
    window.checkOneSource();
    ReportRequest.Delivery delivery = email.delivery(ctx);
    Set<HostCategory> categories = hostFilter.categories();
    return new HostsRequest(
        window.source(),
        window.window(end),
        exclusion.filters(rules.ruleSet(), ctx.err()),
        window.host(),
        new HostsTable.Selection(
            categories,
            devicePattern,
            onlyIdle,
            sort == null ? HostsTable.Sort.GROUP : sort,
            top,
            minIdleHours),
        gaps,
        outputFormat,
        outputFile,
        delivery,
        verbose);
  }

  /** Accepts text, html, json and csv. */
  static final class FormatConverter implements ITypeConverter<HostsRequest.Format> {
    @Override
    public HostsRequest.Format convert(String v) {
      return switch (v) {
        case "text" -> HostsRequest.Format.TEXT;
        case "html" -> HostsRequest.Format.HTML;
        case "json" -> HostsRequest.Format.JSON;
        case "csv" -> HostsRequest.Format.CSV;
        default ->
            throw new TypeConversionException(
                "expected one of text, html, json, csv but was '" + v + "'");
      };
    }
  }

  /** Accepts idle, alloc and host. */
  static final class SortConverter implements ITypeConverter<HostsTable.Sort> {
    @Override
    public HostsTable.Sort convert(String v) {
      return switch (v) {
        case "idle" -> HostsTable.Sort.IDLE;
        case "alloc" -> HostsTable.Sort.ALLOC;
        case "host" -> HostsTable.Sort.HOST;
        default ->
            throw new TypeConversionException(
                "expected one of idle, alloc, host but was '" + v + "'");
      };
    }
  }
}
