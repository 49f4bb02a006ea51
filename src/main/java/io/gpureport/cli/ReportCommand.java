package io.gpureport.cli;

import io.gpureport.aggregate.CorrectedReport;
import io.gpureport.classify.RuleSets;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionMap;
import io.gpureport.errors.UsageException;
import io.gpureport.load.Timestamps;
import io.gpureport.report.ReportJob;
import io.gpureport.report.ReportRequest;
import io.gpureport.report.ReportRequest.OutputFormat;
import io.gpureport.rollup.RollupStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code gpureport report}: its options (README, "report options"), validated as docs/metrics.md,
 * "Checks, messages and exit status" says, handed to the job.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    abbreviateSynopsis = true,
    description = "Report GPU allocation from the monthly gpu_state_YYYY-MM.db files.")
public final class ReportCommand implements Callable<Integer> {
  @ParentCommand GpuReportCommand parent;

  @Spec CommandSpec spec;

  @Mixin WindowOptions window;

  @Option(
      names = "--analysis-type",
      paramLabel = "TYPE",
      defaultValue = "allocation",
      converter = AnalysisConverter.class,
      description =
          "allocation, timeseries, monthly or gpu-model-snapshot" + " (default: ${DEFAULT-VALUE}).")
  AnalysisType analysisType;

  @Option(
      names = "--bucket-minutes",
      paramLabel = "INT",
      defaultValue = "15",
      description = "Bucket width of the timeseries analysis, >= 1 (default: ${DEFAULT-VALUE}).")
  int bucketMinutes;

  @Option(
      names = "--group-by-device",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Allocation per GPU device; --no-group-by-device gives the non-device summary"
              + " (default: on).")
  boolean groupByDevice;

  @Option(
      names = "--all-devices",
      negatable = true,
      defaultValue = "false",
      fallbackValue = "true",
      description = "Include the old GPU models that are filtered out by default (default: off).")
  boolean allDevices;

  @Option(
      names = "--gpu-model",
      paramLabel = "TEXT",
      description = "GPU model (GPUs_DeviceName) for gpu-model-snapshot (default: all models).")
  String gpuModel;

  @Option(
      names = "--snapshot-time",
      paramLabel = "TEXT",
      description = "Target time for gpu-model-snapshot (required there), \"YYYY-MM-DD HH:MM:SS\".")
  String snapshotTime;

  @Option(
      names = "--window-minutes",
      paramLabel = "INT",
      defaultValue = "5",
      description =
          "Half-width of the gpu-model-snapshot search window, >= 0"
              + " (default: ${DEFAULT-VALUE}).")
  int windowMinutes;

  @Mixin ExclusionOptions exclusion;

  @Option(
      names = "--output-format",
      paramLabel = "FMT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text, html or json (default: ${DEFAULT-VALUE}).")
  OutputFormat outputFormat;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description = "Write the report to FILE, replaced atomically (default: standard output).")
  Path outputFile;

  @Mixin EmailOptions email;

  @Option(
      names = "--rules",
      paramLabel = "NAME",
      defaultValue = "reference",
      converter = RulesConverter.class,
      description =
          "Rule set: reference (the legacy reporter's numbers) or corrected (report v2)"
              + " (default: ${DEFAULT-VALUE}).")
  String rules;

  @Option(
      names = "--host-table",
      paramLabel = "MODE",
      description =
          "Hosts by GPU type with --rules corrected: off, summary or full (default: summary).")
  String hostTable;

  @Option(
      names = "--flagship-models",
      paramLabel = "LIST",
      description =
          "Comma-separated substrings of the Flagship devices, with --rules corrected"
              + " (default: H100,H200,A100-SXM4-80GB,A100 80GB).")
  String flagshipModels;

  @Option(
      names = "--explain-rules",
      description =
          "With --rules corrected: instead of the report, how each corrected rule alone moves"
              + " the Real and Backfill Slots rows of the reference (text, allocation or"
              + " monthly).")
  boolean explainRules;

  @Option(
      names = "--verbose",
      description = "Stack traces for errors and extra status lines on stderr.")
  boolean verbose;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Directory of the rollup cache, never inside the data directory (default:"
              + " $XDG_CACHE_HOME/gpureport, else ~/.cache/gpureport).")
  Path cacheDir;

  @Option(
      names = "--no-cache",
      description = "Compute every day from rows: no rollup cache is read or written.")
  boolean noCache;

  @Option(
      names = "--no-charts",
      description = "No charts in the HTML report and the e-mail (the text report has none).")
  boolean noCharts;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    ReportRequest request = toRequest(ctx);
    IgnoredOptions.warnings(
            spec.commandLine().getParseResult(), analysisType, RuleSets.CORRECTED.equals(rules))
        .forEach(ctx.err()::println);
    boolean interactive = ctx.interactive();
    ReportJob job =
        new ReportJob(
            ctx.clock(), ctx.out(), ctx.err(), ctx.mailer(), engine.threads(), interactive);
    engine.applyTo(job);
    Path rollupDir = cacheDir != null ? cacheDir : CacheCommand.defaultDir(ctx.env());
    if (!noCache && rollupDir != null) {
      job.rollups(rollupDir, RollupStore.DEFAULT_MAX_BYTES);
    }
    EngineOptions.withHeapHint(() -> job.run(request));
    return ExitCodes.OK;
  }

  ReportRequest toRequest(CliContext ctx) {
    checkRanges();
    checkOutputFile();
    Long end = window.end();
    Long snapshot = null;
    if (snapshotTime != null) {
      long t = Timestamps.parseUser(snapshotTime);
      if (t == Long.MIN_VALUE) {
        throw new UsageException("Invalid snapshot_time format. Use YYYY-MM-DD HH:MM:SS");
      }
      snapshot = t;
    }
    boolean isSnapshot = analysisType == AnalysisType.GPU_MODEL_SNAPSHOT;
    if (isSnapshot && snapshot == null) {
      throw new UsageException("--snapshot-time is required for gpu-model-snapshot analysis");
    }
    window.checkHost();
    exclusion.checkOneForm();
    window.checkOneSource();
    if (isSnapshot && (outputFormat == OutputFormat.HTML || email.requested())) {
      throw new UsageException(
          "gpu-model-snapshot has text and JSON output only (no html, no --email-to)");
    }
    ReportRequest.Delivery delivery = email.delivery(ctx);
    ChtcOwnedHosts chtc = exclusion.chtcOwned(ctx.err());
    ExclusionMap exclusions = isSnapshot ? ExclusionMap.empty() : exclusion.exclusions();
    return new ReportRequest(
        window.source(),
        window.window(end),
        analysis(snapshot),
        new ReportRequest.Filters(RuleSets.named(rules), exclusions, chtc, reportV2()),
        new ReportRequest.Output(outputFormat, outputFile, !noCharts),
        delivery,
        verbose);
  }

  /**
   * The report v2's options; they need {@code --rules corrected} (docs/metrics.md, "Rule set
   * corrected").
   */
  private ReportRequest.ReportV2 reportV2() {
    boolean corrected = RuleSets.CORRECTED.equals(rules);
    if (!corrected && hostTable != null) {
      throw new UsageException("--host-table requires --rules corrected");
    }
    if (!corrected && flagshipModels != null) {
      throw new UsageException("--flagship-models requires --rules corrected");
    }
    if (!corrected && explainRules) {
      throw new UsageException("--explain-rules requires --rules corrected");
    }
    boolean deviceAllocation = analysisType == AnalysisType.ALLOCATION && groupByDevice;
    if (explainRules
        && (outputFormat != OutputFormat.TEXT
            || email.requested()
            || !(deviceAllocation || analysisType == AnalysisType.MONTHLY))) {
      throw new UsageException(
          "--explain-rules prints a text report for the allocation or monthly analysis only");
    }
    CorrectedReport.HostTableMode mode = CorrectedReport.HostTableMode.SUMMARY;
    if (hostTable != null) {
      mode =
          switch (hostTable) {
            case "off" -> CorrectedReport.HostTableMode.OFF;
            case "summary" -> CorrectedReport.HostTableMode.SUMMARY;
            case "full" -> CorrectedReport.HostTableMode.FULL;
            default ->
                throw new UsageException(
                    "invalid --host-table '" + hostTable + "': expected off, summary or full");
          };
    }
    List<String> flagship = ReportRequest.ReportV2.DEFAULT_FLAGSHIP;
    if (flagshipModels != null) {
      flagship =
          Arrays.stream(flagshipModels.split(",", -1))
              .map(String::trim)
              .filter(m -> !m.isEmpty())
              .toList();
    }
    return new ReportRequest.ReportV2(mode, flagship, explainRules);
  }

  /** The analysis with its options; {@code snapshot} is the parsed {@code --snapshot-time}. */
  private ReportRequest.Analysis analysis(Long snapshot) {
    return switch (analysisType) {
      case ALLOCATION -> new ReportRequest.Allocation(groupByDevice, allDevices, window.host());
      case TIMESERIES -> new ReportRequest.Timeseries(bucketMinutes, window.host(), allDevices);
      case MONTHLY -> new ReportRequest.Monthly(allDevices, window.host());
      case GPU_MODEL_SNAPSHOT ->
          new ReportRequest.GpuModelSnapshot(gpuModel, snapshot, snapshotTime, windowMinutes);
    };
  }

  /** The numeric range checks (docs/metrics.md, "Checks, messages and exit status"). */
  private void checkRanges() {
    engine.validate();
    window.checkHoursBack();
    if (bucketMinutes < 1) {
      throw new UsageException("--bucket-minutes must be >= 1, was " + bucketMinutes);
    }
    if (windowMinutes < 0) {
      throw new UsageException("--window-minutes must be >= 0, was " + windowMinutes);
    }
    email.validate();
  }

  /** An empty {@code --output-file} would resolve to the current directory. */
  private void checkOutputFile() {
    if (outputFile != null && outputFile.toString().isEmpty()) {
      throw new UsageException("--output-file must not be empty");
    }
  }

  /** Accepts the kebab-case analysis names and the legacy alias. */
  static final class AnalysisConverter implements ITypeConverter<AnalysisType> {
    @Override
    public AnalysisType convert(String v) {
      return switch (v) {
        case "allocation" -> AnalysisType.ALLOCATION;
        case "timeseries" -> AnalysisType.TIMESERIES;
        case "monthly" -> AnalysisType.MONTHLY;
        case "gpu-model-snapshot", "gpu_model_snapshot" -> AnalysisType.GPU_MODEL_SNAPSHOT;
        default ->
            throw new TypeConversionException(
                "expected one of allocation, timeseries, monthly, gpu-model-snapshot but was '"
                    + v
                    + "'");
      };
    }
  }

  /** Accepts text, html and json. */
  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String v) {
      return switch (v) {
        case "text" -> OutputFormat.TEXT;
        case "html" -> OutputFormat.HTML;
        case "json" -> OutputFormat.JSON;
        default ->
            throw new TypeConversionException(
                "expected one of text, html, json but was '" + v + "'");
      };
    }
  }

  /** Accepts the names of the rule sets. */
  static final class RulesConverter implements ITypeConverter<String> {
    @Override
    public String convert(String v) {
      if (!RuleSets.names().contains(v)) {
        throw new TypeConversionException(
            "expected " + String.join(" or ", RuleSets.names()) + " but was '" + v + "'");
      }
      return v;
    }
  }
}
