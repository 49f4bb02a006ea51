package io.gpureport.report;

import io.gpureport.aggregate.CorrectedReport;
import io.gpureport.classify.RuleSet;
import io.gpureport.classify.RuleSets;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionMap;
import io.gpureport.deliver.EmailSettings;
import io.gpureport.load.InputFormat;
import io.gpureport.load.SlotSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The validated options of {@code gpureport report} (README, "report options"; checked as
 * docs/metrics.md, "Checks, messages and exit status" says): the value object the command line
 * hands to {@link ReportJob}, grouped by concern. The command line reports bad input as usage
 * errors first; the preconditions of these records are a second line (IllegalArgumentException).
 */
public record ReportRequest(
    Source source,
    Window window,
    Analysis analysis,
    Filters filters,
    Output output,
    Delivery delivery,
    boolean verbose) {

  public ReportRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(delivery, "delivery");
    boolean snapshot = analysis instanceof GpuModelSnapshot;
    checkArgument(!snapshot || output.format() != OutputFormat.HTML, "snapshot as html");
    checkArgument(!snapshot || delivery instanceof NoEmail, "snapshot by e-mail");
    if (filters.v2().explainRules()) {
      checkArgument(filters.rules().name().equals(RuleSets.CORRECTED), "rule effects of reference");
      checkArgument(output.format() == OutputFormat.TEXT, "rule effects not as text");
      checkArgument(delivery instanceof NoEmail, "rule effects by e-mail");
      checkArgument(
          analysis instanceof Monthly || analysis instanceof Allocation a && a.groupByDevice(),
          "rule effects of %s",
          analysis);
    }
  }

  /**
   * Where the monthly files are: exactly one of {@code dbPath} ({@code --db-path}) and {@code
   * dataDir} ({@code --data-dir}, the current directory by default) is set; {@code format} ({@code
   * --input-format}) reads only months of that format, null both.
   */
  public record Source(Path dbPath, Path dataDir, InputFormat format) {
    public Source {
      checkArgument((dbPath == null) != (dataDir == null), "not one of %s, %s", dbPath, dataDir);
    }

    /** The database file {@code --db-path}. */
    public static Source dbPath(Path file) {
      return new Source(Objects.requireNonNull(file, "file"), null, null);
    }

    /** The directory of monthly files {@code --data-dir}. */
    public static Source dataDir(Path dir) {
      return new Source(null, Objects.requireNonNull(dir, "dir"), null);
    }

    /** This source read in {@code format} only (null: both formats). */
    public Source in(InputFormat format) {
      return new Source(dbPath, dataDir, format);
    }

    /** The monthly files as a {@link SlotSource} read with up to {@code threads} threads. */
    public SlotSource open(int threads) {
      return SlotSource.open(dbPath, dataDir, format, threads);
    }
  }

  /**
   * The window: {@code hoursBack} hours (0: the last snapshot only) back from {@code endTime}, in
   * naive epoch microseconds, or from the newest data when {@code endTime} is null. The monthly
   * summary reports the month before {@code endTime}'s.
   */
  public record Window(int hoursBack, Long endTime) {
    public Window {
      checkArgument(hoursBack >= 0, "hoursBack < 0: %s", hoursBack);
    }
  }

  /** The analysis of {@code --analysis-type} with the options that belong to it. */
  public sealed interface Analysis permits Windowed, Monthly, GpuModelSnapshot {}

  /** An analysis of the window: allocation or time series. */
  public sealed interface Windowed extends Analysis permits Allocation, Timeseries {
    /** The regular expression the slot names must match ({@code --host}); empty: all slots. */
    String host();
  }

  /**
   * {@code allocation}: by device ({@code groupByDevice}; {@code allDevices} keeps the old models)
   * or the non-device summary, of the slots whose name matches {@code host} (empty: all).
   */
  public record Allocation(boolean groupByDevice, boolean allDevices, String host)
      implements Windowed {
    public Allocation {
      Objects.requireNonNull(host, "host");
    }
  }

  /**
   * {@code timeseries}: buckets of {@code bucketMinutes}, slots matching {@code host}; {@code
   * allDevices} turns off the rule set corrected's model filter (C10; reference has none here).
   */
  public record Timeseries(int bucketMinutes, String host, boolean allDevices) implements Windowed {
    public Timeseries {
      checkArgument(bucketMinutes >= 1, "bucketMinutes < 1: %s", bucketMinutes);
      Objects.requireNonNull(host, "host");
    }

    /** Without {@code --all-devices}. */
    public Timeseries(int bucketMinutes, String host) {
      this(bucketMinutes, host, false);
    }
  }

  /**
   * {@code monthly}: the month before the window's end, by device; the rule set corrected honours
   * {@code allDevices} and {@code host} (C15), reference ignores them (L20).
   */
  public record Monthly(boolean allDevices, String host) implements Analysis {
    public Monthly {
      Objects.requireNonNull(host, "host");
    }
  }

  /**
   * {@code gpu-model-snapshot}: the GPU models around {@code snapshotTime} (epoch microseconds; as
   * given: {@code snapshotTimeText}) within {@code windowMinutes}, of {@code gpuModel} or, when it
   * is null, of every model.
   */
  public record GpuModelSnapshot(
      String gpuModel, long snapshotTime, String snapshotTimeText, int windowMinutes)
      implements Analysis {
    public GpuModelSnapshot {
      Objects.requireNonNull(snapshotTimeText, "snapshotTimeText");
      checkArgument(windowMinutes >= 0, "windowMinutes < 0: %s", windowMinutes);
    }
  }

  /**
   * How rows are classified: the rule set ({@code --rules}), the hosts left out ({@code
   * --exclude-hosts…}) and the CHTC-owned hosts.
   */
  public record Filters(
      RuleSet rules, ExclusionMap exclusions, ChtcOwnedHosts chtcOwned, ReportV2 v2) {
    public Filters {
      Objects.requireNonNull(rules, "rules");
      Objects.requireNonNull(exclusions, "exclusions");
      Objects.requireNonNull(chtcOwned, "chtcOwned");
      Objects.requireNonNull(v2, "v2");
    }

    /** The rule set with the report v2's defaults. */
    public Filters(RuleSet rules, ExclusionMap exclusions, ChtcOwnedHosts chtcOwned) {
      this(rules, exclusions, chtcOwned, ReportV2.DEFAULT);
    }
  }

  /**
   * The options of the report v2 of the rule set corrected (docs/metrics.md, "Rule set corrected"):
   * the host table ({@code --host-table}), the Flagship tier's models ({@code --flagship-models}),
   * and {@code explainRules}: the rule-effects report instead of the report ({@code
   * --explain-rules}, CORRECTED.md §10); unused by reference.
   */
  public record ReportV2(
      CorrectedReport.HostTableMode hostTable, List<String> flagshipModels, boolean explainRules) {
    /** {@code --flagship-models}' default. */
    public static final List<String> DEFAULT_FLAGSHIP =
        List.of("H100", "H200", "A100-SXM4-80GB", "A100 80GB");

    public static final ReportV2 DEFAULT =
        new ReportV2(CorrectedReport.HostTableMode.SUMMARY, DEFAULT_FLAGSHIP);

    public ReportV2 {
      Objects.requireNonNull(hostTable, "hostTable");
      flagshipModels = List.copyOf(flagshipModels);
    }

    /** The report v2 itself, not the rule effects. */
    public ReportV2(CorrectedReport.HostTableMode hostTable, List<String> flagshipModels) {
      this(hostTable, flagshipModels, false);
    }
  }

  /**
   * The rendered report: its {@code format}, written to {@code file} or, when that is null, to
   * standard output; {@code charts} is false with {@code --no-charts} (no charts in the HTML report
   * and the e-mail).
   */
  public record Output(OutputFormat format, Path file, boolean charts) {
    public Output {
      Objects.requireNonNull(format, "format");
      checkArgument(file == null || !file.toString().isEmpty(), "file is empty");
    }
  }

  /** Whether the report is also sent by e-mail. */
  public sealed interface Delivery permits NoEmail, Email {}

  /** Written only, not sent. */
  public record NoEmail() implements Delivery {}

  /** Also sent by e-mail with these settings. */
  public record Email(EmailSettings settings) implements Delivery {
    public Email {
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** The formats of {@code --output-format}. */
  public enum OutputFormat {
    TEXT,
    HTML,
    JSON
  }

  /** Throws IllegalArgumentException with the formatted message unless {@code condition}. */
  private static void checkArgument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
