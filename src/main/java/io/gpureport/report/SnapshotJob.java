package io.gpureport.report;

import io.gpureport.aggregate.ModelSnapshot;
import io.gpureport.classify.RuleSet;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.errors.NoDataException;
import io.gpureport.load.Projection;
import io.gpureport.load.SlotSource;
import io.gpureport.load.SlotTable;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import io.gpureport.render.SnapshotJson;
import io.gpureport.render.SnapshotText;
import java.io.PrintStream;

/**
 * The GPU-model snapshot analysis (docs/metrics.md, "GPU-model snapshot"): resolve the data source,
 * load the half-open window {@code [t − w, t + w)} (no exclusions, no {@code --host}), compute,
 * render text or JSON and write it to stdout or atomically to {@code --output-file}. "No data" ends
 * with {@link NoDataException} (docs/metrics.md, "Checks, messages and exit status").
 */
final class SnapshotJob {
  /** Snapshot windows are short; parallelism only helps when the window spans two monthly files. */
  private static final int LOAD_THREADS = 2;

  private final PrintStream out;

  SnapshotJob(PrintStream out) {
    this.out = out;
  }

  void run(
      ReportRequest.Source from,
      RuleSet rules,
      ReportRequest.GpuModelSnapshot req,
      ReportRequest.Output output) {
    // html and e-mail cannot be asked for: the command line rejects them (docs/metrics.md,
    // "Checks, messages and exit status"), and so does ReportRequest
    long target = req.snapshotTime();
    SlotSource source = from.open(LOAD_THREADS);
    TimeRange range = ModelSnapshot.window(target, req.windowMinutes());
    SlotTable table = source.load(source.segmentsFor(range), range, Projection.FULL);
    ModelSnapshot.Result result =
        ModelSnapshot.compute(rules, table, target, req.windowMinutes(), req.gpuModel());
    if (result.isEmpty()) {
      String around = " around " + Timestamps.formatSeconds(target);
      throw new NoDataException(
          req.gpuModel() == null
              ? "No GPU models found" + around
              : "No data found for " + req.gpuModel() + around);
    }
    String rendered =
        output.format() == ReportRequest.OutputFormat.JSON
            ? SnapshotJson.render(result, rules.name())
            : SnapshotText.render(result, req.snapshotTimeText());
    OutputTarget.write(rendered, output.file(), out);
  }
}
