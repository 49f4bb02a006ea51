package io.gpureport.render;

import io.gpureport.aggregate.CorrectedReport;
import io.gpureport.aggregate.CorrectedReport.ClassHours;
import io.gpureport.aggregate.CorrectedReport.HostGroup;
import io.gpureport.aggregate.CorrectedReport.Stat;
import io.gpureport.aggregate.Report;
import io.gpureport.render.CorrectedHtmlModel.DeviceClass;
import io.gpureport.render.CorrectedHtmlModel.DrainRow;
import io.gpureport.render.CorrectedHtmlModel.Draining;
import io.gpureport.render.CorrectedHtmlModel.FilteredModel;
import io.gpureport.render.CorrectedHtmlModel.HostRow;
import io.gpureport.render.CorrectedHtmlModel.Metric;
import io.gpureport.render.CorrectedHtmlModel.Page;
import io.gpureport.render.CorrectedHtmlModel.PreventRow;
import io.gpureport.render.CorrectedHtmlModel.Prevented;
import io.gpureport.render.CorrectedHtmlModel.StatRow;
import io.gpureport.render.CorrectedHtmlModel.StatTable;
import io.gpureport.render.CorrectedHtmlModel.ZeroActive;
import io.gpureport.render.CorrectedHtmlModel.ZeroRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the view model of the HTML report v2 (docs/metrics.md, "Rule set corrected", HTML v2): the
 * text's sections and numbers as preformatted strings, in the text's order.
 */
final class CorrectedHtml {
  static final String TEMPLATE = "corrected.html.ftlh";

  private CorrectedHtml() {}

  /** The page v2 with its device chart, if drawn, as a data URI or a {@code cid:} URL. */
  static Page model(Report.Corrected report, List<ChartImage> charts, boolean contentIds) {
    CorrectedReport r = report.result();
    StatTable realSlots = null;
    StatTable memory = null;
    List<HtmlModel.UserRow> h200 = null;
    List<HtmlModel.UserRow> backfill = null;
    StatTable summary = null;
    List<DeviceClass> devices = null;
    if (r.tables() instanceof CorrectedReport.ByDevice d) {
      List<StatRow> rows = new ArrayList<>();
      for (CorrectedReport.SlotRow s : d.realSlots()) {
        rows.add(row(s.label(), s.stat(), s.level(), s.level() <= 1));
      }
      realSlots = new StatTable("Class", rows);
      memory = memory(d.memory());
      h200 = users(d.h200Users());
      backfill = users(d.backfillUsers());
      devices = new ArrayList<>();
      for (CorrectedReport.DeviceClass c : d.deviceTypes()) {
        List<StatRow> deviceRows = new ArrayList<>();
        deviceRows.add(row("TOTAL", c.total(), 0, true));
        for (CorrectedReport.DeviceRow e : c.devices()) {
          deviceRows.add(row(e.displayName(), e.stat(), 0, false));
        }
        devices.add(new DeviceClass(c.label(), new StatTable("Device Type", deviceRows)));
      }
    } else if (r.tables() instanceof CorrectedReport.Summary s) {
      summary = summary(s);
    }
    List<String> flagship = r.flagshipModels();
    return new Page(
        HtmlReport.frame(report),
        report.context().rules(),
        r.modelFilter() ? " (filtered)" : "",
        realSlots,
        memory,
        h200,
        backfill,
        summary,
        zeroActive(r.zeroActive()),
        devices,
        HtmlReport.chart(charts, Charts.DEVICES, null, contentIds),
        r.hostTable().map(CorrectedHtml::hostTable).orElse(null),
        draining(r.draining()),
        prevented(r.prevented(), r.coverage(), r.intervals()),
        r.filteredModels().isEmpty() ? null : filteredModels(r.filteredModels()),
        Methodology.corrected(),
        "Flagship models: " + (flagship.isEmpty() ? "(none)" : String.join(", ", flagship)));
  }

  /** The label cell's left padding of a row at {@code level}: 10 px and 20 px per level. */
  private static String indent(int level) {
    return (10 + 20 * level) + "px";
  }

  private static StatRow row(String label, Stat s, int level, boolean emphasised) {
    return new StatRow(
        label,
        Numbers.f1(s.allocatedPercent()) + "%",
        Numbers.f1(s.allocatedAvg()),
        Numbers.f1(s.drainedAvg()),
        Numbers.f1(s.availableAvg()),
        s.preventedAvg().isPresent() ? Numbers.f1(s.preventedAvg().getAsDouble()) : "n/a",
        emphasised,
        false,
        indent(level));
  }

  private static StatRow group(String label) {
    return new StatRow(label, "", "", "", "", "", true, true, indent(0));
  }

  private static StatTable memory(CorrectedReport.MemoryRows m) {
    List<StatRow> rows = new ArrayList<>();
    rows.add(row("TOTAL", m.total(), 0, true));
    for (CorrectedReport.CategoryRow c : m.categories()) {
      rows.add(row(c.category(), c.stat(), 0, false));
    }
    return new StatTable("Memory Category", rows);
  }

  /** C13: the group rows Primary and Secondary (Backfill), each over its three classes. */
  private static StatTable summary(CorrectedReport.Summary s) {
    List<StatRow> rows = new ArrayList<>();
    for (int i = 0; i < s.classes().size(); i++) {
      if (i == 0) {
        rows.add(group("Primary"));
      } else if (i == 3) {
        rows.add(group("Secondary (Backfill)"));
      }
      CorrectedReport.ClassRow c = s.classes().get(i);
      rows.add(row(c.label(), c.stat(), 1, false));
    }
    return new StatTable("Class", rows);
  }

  /** C14: class rows with their users; hours with two decimals; null when there is no class. */
  private static List<HtmlModel.UserRow> users(List<ClassHours> classes) {
    if (classes.isEmpty()) {
      return null;
    }
    double grand = classes.stream().mapToDouble(ClassHours::gpuHours).sum();
    List<HtmlModel.UserRow> rows = new ArrayList<>();
    for (ClassHours c : classes) {
      int n = c.users().size();
      rows.add(
          new HtmlModel.UserRow(
              c.label() + " (" + n + (n == 1 ? " user)" : " users)"),
              Numbers.f2(c.gpuHours()),
              Numbers.f1(c.gpuHours() / grand * 100) + "%",
              true));
      for (CorrectedReport.UserHours u : c.users()) {
        rows.add(
            new HtmlModel.UserRow(
                u.user(),
                Numbers.f2(u.gpuHours()),
                Numbers.f1(u.gpuHours() / grand * 100) + "%",
                false));
      }
    }
    return rows;
  }

  private static ZeroActive zeroActive(CorrectedReport.ZeroActive z) {
    if (z.machines().isEmpty()) {
      return new ZeroActive("No machine had zero active primary GPUs.", List.of());
    }
    List<ZeroRow> rows = new ArrayList<>();
    for (CorrectedReport.ZeroMachine m : z.machines()) {
      rows.add(
          new ZeroRow(
              m.machine().orElse("N/A"),
              m.displayName(),
              Integer.toString(m.gpus()),
              Numbers.f1(m.backfillAvg()),
              m.projects().isEmpty() ? "Open Capacity" : String.join(", ", m.projects())));
    }
    return new ZeroActive(
        "Machines: " + z.machines().size() + ", idle GPUs: " + z.idleGpus(), rows);
  }

  private static List<HostRow> hostTable(CorrectedReport.HostTable h) {
    List<HostRow> rows = new ArrayList<>();
    HostGroup t = h.total();
    rows.add(hostRow("TOTAL (" + hosts(t.hostCount()) + ")", t.gpus(), t.stat(), 0, false));
    for (HostGroup g : h.deviceTypes()) {
      rows.add(
          hostRow(
              g.displayName() + " (" + hosts(g.hostCount()) + ")", g.gpus(), g.stat(), 1, false));
      for (CorrectedReport.HostRow host : g.hosts()) {
        String name = host.host().orElse("N/A");
        rows.add(
            hostRow(
                host.excluded() ? name + " (excluded)" : name,
                host.gpus(),
                host.stat(),
                2,
                host.excluded()));
      }
    }
    return rows;
  }

  private static String hosts(int n) {
    return n + (n == 1 ? " host" : " hosts");
  }

  private static HostRow hostRow(String label, int gpus, Stat s, int level, boolean excluded) {
    return new HostRow(
        label,
        Integer.toString(gpus),
        Numbers.f1(s.allocatedPercent()) + "%",
        Numbers.f1(s.allocatedAvg()),
        Numbers.f1(s.drainedAvg()),
        Numbers.f1(s.availableAvg()),
        level <= 1,
        indent(level),
        excluded);
  }

  private static Draining draining(CorrectedReport.Draining d) {
    if (d.hosts().isEmpty()) {
      return new Draining(List.of(), List.of(), "No GPUs were drained during this period.");
    }
    List<Metric> summary =
        List.of(
            new Metric("Hosts with drained GPUs", Integer.toString(d.hosts().size())),
            new Metric("Unique GPUs drained", Integer.toString(d.gpuCount())),
            new Metric("Draining intervals", Integer.toString(d.intervalCount())),
            new Metric("Total draining time", Numbers.f2(d.hours()) + " hours"));
    List<DrainRow> rows = new ArrayList<>();
    for (CorrectedReport.DrainHost h : d.hosts()) {
      rows.add(
          new DrainRow(
              h.host().orElse("N/A"),
              Integer.toString(h.gpus()),
              Integer.toString(h.intervals()),
              Numbers.f2(h.hours())));
    }
    return new Draining(summary, rows, null);
  }

  private static Prevented prevented(
      CorrectedReport.Prevented p, CorrectedReport.Coverage coverage, int intervals) {
    if (!(p instanceof CorrectedReport.Recorded r)) {
      return new Prevented(
          List.of("PreventJobsReason was not recorded for this period."), List.of());
    }
    List<String> summary = new ArrayList<>();
    if (r.hosts().isEmpty()) {
      summary.add("No GPUs had PreventJobsReason set during this period.");
    } else {
      summary.add("Hosts affected: " + r.hosts().size());
      summary.add("GPUs affected: " + r.gpuCount());
    }
    if (coverage.intervalsRecorded() < intervals) {
      summary.add(
          "Note: PreventJobsReason was recorded in "
              + coverage.intervalsRecorded()
              + " of "
              + intervals
              + " intervals.");
    }
    List<PreventRow> rows = new ArrayList<>();
    for (CorrectedReport.PreventHost h : r.hosts()) {
      rows.add(
          new PreventRow(
              h.host().orElse("N/A"),
              Integer.toString(h.gpus()),
              h.active() ? "Active" : "Lifted",
              CorrectedText.lastSeen(h.lastSeen()),
              String.join("; ", h.reasons())));
    }
    return new Prevented(summary, rows);
  }

  private static List<FilteredModel> filteredModels(List<CorrectedReport.FilteredModel> models) {
    List<FilteredModel> rows = new ArrayList<>();
    for (CorrectedReport.FilteredModel m : models) {
      rows.add(new FilteredModel(m.displayName(), Numbers.f1(m.availableAvg())));
    }
    return rows;
  }
}
