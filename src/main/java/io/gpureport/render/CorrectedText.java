package io.gpureport.render;

import io.gpureport.aggregate.CorrectedReport;
import io.gpureport.aggregate.CorrectedReport.ClassHours;
import io.gpureport.aggregate.CorrectedReport.HostGroup;
import io.gpureport.aggregate.CorrectedReport.HostRow;
import io.gpureport.aggregate.CorrectedReport.Stat;
import io.gpureport.aggregate.Report;
import io.gpureport.load.Timestamps;
import java.util.List;

/**
 * The text report v2 of the rule set corrected (docs/metrics.md, "Text report v2"), byte for byte.
 */
final class CorrectedText {
  private static final String FILTERED = " (filtered)";

  private final TextReport out = new TextReport();
  private final String filtered;

  private CorrectedText(CorrectedReport r) {
    this.filtered = r.modelFilter() ? FILTERED : "";
  }

  static String render(Report.Corrected report) {
    CorrectedReport r = report.result();
    CorrectedText t = new CorrectedText(r);
    String rules = "Rules: " + report.context().rules();
    t.out.header(report, rules);
    t.body(r);
    t.out.trailer(report);
    return t.out.text();
  }

  private void body(CorrectedReport r) {
    if (r.tables() instanceof CorrectedReport.ByDevice d) {
      realSlots(d.realSlots());
      memory(d.memory());
      users("H200 USAGE BY SLOT TYPE", d.h200Users());
      users("BACKFILL USAGE BY SLOT TYPE" + filtered, d.backfillUsers());
    } else if (r.tables() instanceof CorrectedReport.Summary s) {
      summary(s);
    }
    zeroActive(r.zeroActive());
    if (r.tables() instanceof CorrectedReport.ByDevice d) {
      deviceTypes(d.deviceTypes());
    }
    r.hostTable().ifPresent(this::hostTable);
    draining(r.draining());
    prevented(r.prevented(), r.coverage(), r.intervals());
    filteredModels(r.filteredModels());
  }

  /** {@code L(s, w)}: s and at least one space, to width w. */
  static String left(String s, int w) {
    return s + " ".repeat(Math.max(w - s.length(), 1));
  }

  /** {@code R(s, w)}: at least one space and s, to width w. */
  static String right(String s, int w) {
    return " ".repeat(Math.max(w - s.length(), 1)) + s;
  }

  static String indent(int level) {
    return "  ".repeat(level);
  }

  /** A table line: two spaces, the cells, right-trimmed. */
  private void row(String cells) {
    out.line(("  " + cells).stripTrailing());
  }

  private void title(String title) {
    out.line("").line(title + ":").line(TextReport.rule('-', 98));
  }

  private void rule() {
    out.line(TextReport.rule('-', 98));
  }

  private static String statCells(Stat s) {
    return right(Numbers.f1(s.allocatedPercent()) + "%", 12)
        + right(Numbers.f1(s.allocatedAvg()), 12)
        + right(Numbers.f1(s.drainedAvg()), 12)
        + right(Numbers.f1(s.availableAvg()), 12)
        + right(
            s.preventedAvg().isPresent() ? Numbers.f1(s.preventedAvg().getAsDouble()) : "n/a", 12);
  }

  private void statHeader(String label) {
    row(
        left(label, 36)
            + right("Allocated %", 12)
            + right("Allocated", 12)
            + right("Drained", 12)
            + right("Available", 12)
            + right("Prevented", 12));
    rule();
  }

  private void statLine(int level, String label, Stat s) {
    row(left(indent(level) + label, 36) + statCells(s));
  }

  private void realSlots(List<CorrectedReport.SlotRow> rows) {
    title("REAL SLOTS" + filtered);
    statHeader("Class");
    for (CorrectedReport.SlotRow r : rows) {
      statLine(r.level(), r.label(), r.stat());
    }
  }

  private void memory(CorrectedReport.MemoryRows m) {
    title("REAL SLOTS BY MEMORY CATEGORY" + filtered);
    statHeader("Memory category");
    statLine(0, "TOTAL", m.total());
    for (CorrectedReport.CategoryRow c : m.categories()) {
      statLine(1, c.category(), c.stat());
    }
  }

  private void summary(CorrectedReport.Summary s) {
    title("ALLOCATION SUMMARY" + filtered);
    statHeader("Class");
    for (int i = 0; i < s.classes().size(); i++) {
      if (i == 0) {
        row("Primary");
      } else if (i == 3) {
        row("Secondary (Backfill)");
      }
      statLine(1, s.classes().get(i).label(), s.classes().get(i).stat());
    }
  }

  private void users(String title, List<ClassHours> classes) {
    if (classes.isEmpty()) {
      return;
    }
    out.line("").line(title + ":").line(TextReport.rule('-', 80));
    double grand = classes.stream().mapToDouble(ClassHours::gpuHours).sum();
    for (ClassHours c : classes) {
      int n = c.users().size();
      out.line("")
          .line(
              "  "
                  + c.label()
                  + " ("
                  + n
                  + (n == 1 ? " user" : " users")
                  + "): "
                  + Numbers.f2(c.gpuHours())
                  + " GPU-hours ("
                  + Numbers.f1(c.gpuHours() / grand * 100)
                  + "%)");
      out.line("  " + TextReport.rule('-', 60));
      for (CorrectedReport.UserHours u : c.users()) {
        out.line(
            "    "
                + u.user()
                + ": "
                + Numbers.f2(u.gpuHours())
                + " hrs ("
                + Numbers.f1(u.gpuHours() / grand * 100)
                + "%)");
      }
    }
  }

  private void zeroActive(CorrectedReport.ZeroActive z) {
    title("MACHINES WITH ZERO ACTIVE PRIMARY GPUs" + filtered);
    if (z.machines().isEmpty()) {
      out.line("  No machine had zero active primary GPUs.");
      return;
    }
    out.line("  Machines: " + z.machines().size() + ", idle GPUs: " + z.idleGpus());
    rule();
    row(
        left("Machine", 42)
            + left("GPU type", 16)
            + right("GPUs", 6)
            + right("Backfill (avg.)", 17)
            + "  Prioritized projects");
    rule();
    for (CorrectedReport.ZeroMachine m : z.machines()) {
      row(
          left(m.machine().orElse("N/A"), 42)
              + left(m.displayName(), 16)
              + right(Integer.toString(m.gpus()), 6)
              + right(Numbers.f1(m.backfillAvg()), 17)
              + "  "
              + projects(m.projects()));
    }
  }

  /** The projects joined with {@code , }, cut to 25 characters and {@code ...} past 28 (F6). */
  static String projects(List<String> projects) {
    if (projects.isEmpty()) {
      return "Open Capacity";
    }
    String joined = String.join(", ", projects);
    return joined.length() > 28 ? joined.substring(0, 25) + "..." : joined;
  }

  private void deviceTypes(List<CorrectedReport.DeviceClass> classes) {
    title("USAGE BY DEVICE TYPE" + filtered);
    statHeader("Class / Device");
    for (CorrectedReport.DeviceClass c : classes) {
      row(c.label());
      for (CorrectedReport.DeviceRow d : c.devices()) {
        statLine(1, d.displayName(), d.stat());
      }
      statLine(1, "TOTAL", c.total());
    }
  }

  private void hostTable(CorrectedReport.HostTable h) {
    title("HOSTS BY GPU TYPE" + filtered);
    row(
        left("GPU type / Host", 42)
            + right("GPUs", 8)
            + right("Allocated %", 12)
            + right("Allocated", 12)
            + right("Drained", 12)
            + right("Available", 12));
    rule();
    HostGroup t = h.total();
    hostLine(0, "TOTAL (" + hosts(t.hostCount()) + ")", t.gpus(), t.stat(), false);
    for (HostGroup g : h.deviceTypes()) {
      hostLine(1, g.displayName() + " (" + hosts(g.hostCount()) + ")", g.gpus(), g.stat(), false);
      for (HostRow r : g.hosts()) {
        hostLine(2, r.host().orElse("N/A"), r.gpus(), r.stat(), r.excluded());
      }
    }
  }

  private static String hosts(int n) {
    return n + (n == 1 ? " host" : " hosts");
  }

  private void hostLine(int level, String label, int gpus, Stat s, boolean excluded) {
    String line =
        ("  "
                + left(indent(level) + label, 42)
                + right(Integer.toString(gpus), 8)
                + right(Numbers.f1(s.allocatedPercent()) + "%", 12)
                + right(Numbers.f1(s.allocatedAvg()), 12)
                + right(Numbers.f1(s.drainedAvg()), 12)
                + right(Numbers.f1(s.availableAvg()), 12))
            .stripTrailing();
    out.line(excluded ? line + "  [excluded]" : line);
  }

  private void draining(CorrectedReport.Draining d) {
    title("GPU DRAINING STATUS" + filtered);
    if (d.hosts().isEmpty()) {
      out.line("  No GPUs were drained during this period.");
      return;
    }
    out.line("  Hosts with drained GPUs: " + d.hosts().size());
    out.line("  Unique GPUs drained: " + d.gpuCount());
    out.line("  Draining intervals: " + d.intervalCount());
    out.line("  Total draining time: " + Numbers.f2(d.hours()) + " hours");
    rule();
    row(
        left("Host", 42)
            + right("Drained GPUs", 14)
            + right("Intervals", 12)
            + right("Total hours", 14));
    rule();
    for (CorrectedReport.DrainHost h : d.hosts()) {
      row(
          left(h.host().orElse("N/A"), 42)
              + right(Integer.toString(h.gpus()), 14)
              + right(Integer.toString(h.intervals()), 12)
              + right(Numbers.f2(h.hours()), 14));
    }
  }

  private void prevented(
      CorrectedReport.Prevented p, CorrectedReport.Coverage coverage, int intervals) {
    title("GPUs WITH PreventJobsReason SET" + filtered);
    if (!(p instanceof CorrectedReport.Recorded r)) {
      out.line("  PreventJobsReason was not recorded for this period.");
      return;
    }
    String note =
        coverage.intervalsRecorded() < intervals
            ? "  Note: PreventJobsReason was recorded in "
                + coverage.intervalsRecorded()
                + " of "
                + intervals
                + " intervals."
            : "";
    if (r.hosts().isEmpty()) {
      out.line("  No GPUs had PreventJobsReason set during this period.");
      if (!note.isEmpty()) {
        out.line(note);
      }
      return;
    }
    out.line("  Hosts affected: " + r.hosts().size());
    out.line("  GPUs affected: " + r.gpuCount());
    if (!note.isEmpty()) {
      out.line(note);
    }
    rule();
    row(
        left("Host", 42)
            + right("GPUs", 6)
            + "  "
            + left("Status", 8)
            + left("Last seen", 18)
            + "Reason(s)");
    rule();
    for (CorrectedReport.PreventHost h : r.hosts()) {
      row(
          left(h.host().orElse("N/A"), 42)
              + right(Integer.toString(h.gpus()), 6)
              + "  "
              + left(h.active() ? "Active" : "Lifted", 8)
              + left(lastSeen(h.lastSeen()), 18)
              + String.join("; ", h.reasons()));
    }
  }

  /** {@code YYYY-MM-DD HH:MM}, truncated. */
  static String lastSeen(long micros) {
    return Timestamps.formatSeconds(micros).substring(0, 16);
  }

  private void filteredModels(List<CorrectedReport.FilteredModel> models) {
    if (models.isEmpty()) {
      return;
    }
    title("FILTERED GPU MODELS");
    row(left("GPU model", 36) + right("Available", 12));
    rule();
    for (CorrectedReport.FilteredModel m : models) {
      row(left(m.displayName(), 36) + right(Numbers.f1(m.availableAvg()), 12));
    }
  }
}
