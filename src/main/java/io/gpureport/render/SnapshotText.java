package io.gpureport.render;

import io.gpureport.aggregate.ModelSnapshot;
import io.gpureport.load.Timestamps;
import java.util.Locale;

/** The text form of the GPU-model snapshot (docs/metrics.md, "GPU-model snapshot"), byte-exact. */
public final class SnapshotText {
  private static final String EQ60 = "=".repeat(60);
  private static final String EQ80 = "=".repeat(80);
  private static final String DASH40 = "-".repeat(40);
  private static final String DASH60 = "-".repeat(60);

  private SnapshotText() {}

  /**
   * Renders a non-empty result. {@code snapshotTimeText} is {@code --snapshot-time} exactly as
   * typed, repeated in the hint line of the model list.
   */
  public static String render(ModelSnapshot.Result r, String snapshotTimeText) {
    StringBuilder b = new StringBuilder(2048);
    String target = Timestamps.formatSeconds(r.targetTime());
    if (r.gpuModel() == null) {
      models(b, r, target, snapshotTimeText);
    } else {
      snapshot(b, r.gpuModel(), target, r.snapshot());
    }
    return b.toString();
  }

  private static void models(StringBuilder b, ModelSnapshot.Result r, String target, String typed) {
    line(b, "");
    line(b, "Available GPU models at " + target + ":");
    line(b, EQ60);
    int i = 1;
    for (String model : r.models()) {
      line(b, "  " + i++ + ". " + model);
    }
    line(b, "");
    line(b, "To analyze a specific model, use:");
    line(
        b,
        "  --analysis-type gpu-model-snapshot --gpu-model \"<model_name>\" --snapshot-time \""
            + typed
            + "\"");
  }

  private static void snapshot(
      StringBuilder b, String model, String target, ModelSnapshot.Snapshot s) {
    line(b, "");
    line(b, EQ80);
    line(b, "GPU MODEL ACTIVITY REPORT: " + model);
    line(b, EQ80);
    line(b, "Target Time: " + target);
    line(b, "Snapshot Time: " + Timestamps.formatSeconds(s.snapshotTime()));
    line(b, "Time Difference: " + seconds(s.timeDifferenceMicros()) + " seconds");
    line(b, "");
    line(b, "SUMMARY:");
    line(b, DASH40);
    line(b, "Total GPUs: " + s.totalGpus());
    line(b, "Active (with jobs): " + s.activeGpus() + " (" + Numbers.f1(s.activePercent()) + "%)");
    line(b, "Idle (no jobs): " + s.idleGpus());
    line(b, "Avg GPU Usage: " + Numbers.f1(s.avgGpuUsagePercent()) + "%");
    line(b, "Machines: " + s.machines().size());
    line(b, "");
    line(b, "REAL SLOTS:");
    line(b, DASH40);
    count(b, "TOTAL", s.realTotal());
    line(b, DASH40);
    for (ModelSnapshot.ClassCount c : s.realClasses()) {
      count(b, c.cls().printedName(), c);
    }
    line(b, "");
    line(b, "BACKFILL SLOTS:");
    line(b, DASH40);
    count(b, "TOTAL", s.backfillTotal());
    line(b, DASH40);
    for (ModelSnapshot.ClassCount c : s.backfillClasses()) {
      count(b, c.cls().printedName(), c);
    }
    line(b, "");
    line(b, "MACHINES (" + s.machines().size() + "):");
    line(b, DASH40);
    for (String m : s.machines()) {
      line(b, "  " + m);
    }
    if (s.activeJobs().isEmpty()) {
      line(b, "");
      line(b, "No active jobs found.");
    } else {
      line(b, "");
      line(b, "ACTIVE JOBS (" + s.activeJobs().size() + "):");
      line(b, DASH60);
      line(b, "  User                | Job ID          | GPU ID      | Machine");
      line(b, DASH60);
      for (ModelSnapshot.ActiveJob j : s.activeJobs()) {
        line(b, activeJobRow(j));
      }
    }
    if (s.inactiveGpus().isEmpty()) {
      line(b, "");
      line(b, "No inactive GPUs found.");
    } else {
      line(b, "");
      line(b, "INACTIVE GPUs (" + s.inactiveGpus().size() + "):");
      line(b, DASH60);
      line(b, "  GPU ID      | Machine             | Priority Projects");
      line(b, DASH60);
      for (ModelSnapshot.InactiveGpu g : s.inactiveGpus()) {
        line(b, inactiveGpuRow(g));
      }
    }
  }

  /** {@code " " + pad(trunc(user,19),18) + " | " + pad(trunc(job,14),15) + …}. */
  public static String activeJobRow(ModelSnapshot.ActiveJob j) {
    return "  "
        + pad(trunc(na(j.user()), 19), 18)
        + " | "
        + pad(trunc(na(j.jobId()), 14), 15)
        + " | "
        + pad(trunc(na(j.gpuId()), 11), 11)
        + " | "
        + trunc(na(j.machine()), 19);
  }

  /**
   * {@code " " + pad(trunc(gpu,11),11) + " | " + pad(trunc(machine,19),19) + " | " + trunc(pp,29)}.
   */
  public static String inactiveGpuRow(ModelSnapshot.InactiveGpu g) {
    String pp = g.prioritizedProjects();
    return "  "
        + pad(trunc(na(g.gpuId()), 11), 11)
        + " | "
        + pad(trunc(na(g.machine()), 19), 19)
        + " | "
        + trunc(pp == null || pp.isEmpty() ? "None" : pp, 29);
  }

  private static void count(StringBuilder b, String label, ModelSnapshot.ClassCount c) {
    line(
        b,
        "  "
            + label
            + ": "
            + c.claimed()
            + "/"
            + c.total()
            + " ("
            + Numbers.f1(c.percent())
            + "%)");
  }

  /**
   * {@code |s − t|} in seconds from integer microseconds: up to six fractional digits, trailing
   * zeros removed, at least one kept: {@code 184.654321}, {@code 300.0}, {@code 12.5}.
   */
  public static String seconds(long micros) {
    long whole = micros / Timestamps.MICROS_PER_SECOND;
    String frac = String.format(Locale.ROOT, "%06d", micros % Timestamps.MICROS_PER_SECOND);
    int end = frac.length();
    while (end > 1 && frac.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + frac.substring(0, end);
  }

  private static String na(String v) {
    return v == null || v.isEmpty() ? "N/A" : v;
  }

  /** The first {@code n} characters (code points, as the legacy slicing) of {@code s}. */
  public static String trunc(String s, int n) {
    return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
  }

  /** Right-pads with spaces to {@code n} characters (code points), never truncating. */
  public static String pad(String s, int n) {
    int len = s.codePointCount(0, s.length());
    return len >= n ? s : s + " ".repeat(n - len);
  }

  private static void line(StringBuilder b, String s) {
    b.append(s).append('\n');
  }
}
