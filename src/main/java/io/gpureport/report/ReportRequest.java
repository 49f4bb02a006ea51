package io.gpureport.report;

import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionMap;
import io.gpureport.deliver.EmailSettings;
import java.nio.file.Path;

/**
 * The validated options of {@code gpureport report} (README, "report options"; checked as
 * docs/metrics.md, "Checks, messages and exit status" says): the value object the command line
 * hands to {@link ReportJob}. Times are naive epoch microseconds; null means "not given". {@code
 * charts} is false with {@code --no-charts} (no charts in the HTML report and the e-mail).
 */
public record ReportRequest(
    AnalysisType analysis,
    int hoursBack,
    Long endTime,
    Path dbPath,
    Path dataDir,
    String host,
    int bucketMinutes,
    boolean groupByDevice,
    boolean allDevices,
    String gpuModel,
    Long snapshotTime,
    String snapshotTimeText,
    int windowMinutes,
    ExclusionMap exclusions,
    ChtcOwnedHosts chtcOwned,
    OutputFormat format,
    Path outputFile,
    EmailSettings email,
    boolean verbose,
    boolean charts) {

  /** The analyses of {@code --analysis-type}. */
  public enum AnalysisType {
    ALLOCATION,
    TIMESERIES,
    MONTHLY,
    GPU_MODEL_SNAPSHOT
  }

  /** The formats of {@code --output-format}. */
  public enum OutputFormat {
    TEXT,
    HTML,
    JSON
  }
}
