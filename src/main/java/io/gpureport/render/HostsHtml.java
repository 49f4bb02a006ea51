package io.gpureport.render;

import io.gpureport.aggregate.HostCategory;
import io.gpureport.aggregate.HostRow;
import io.gpureport.aggregate.HostsTable;
import io.gpureport.aggregate.IdleStretch;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import io.gpureport.render.HostsHtmlModel.DeviceGroup;
import io.gpureport.render.HostsHtmlModel.HostLine;
import io.gpureport.render.HostsHtmlModel.Page;
import io.gpureport.render.HostsHtmlModel.Section;
import io.gpureport.render.HostsHtmlModel.StretchRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code gpureport hosts} as an HTML page (README, "hosts"): the text output's rows and sections in
 * the report's page frame ({@code templates/page.ftlh}), from a view model of preformatted strings
 * ({@link HostsHtmlModel}) laid out by the auto-escaping template {@code hosts.html.ftlh}.
 */
public final class HostsHtml {
  static final String TEMPLATE = "hosts.html.ftlh";

  private HostsHtml() {}

  /** The HTML page. */
  public static String render(HostsText.Header h, HostsTable t, PageRun run) {
    return HtmlReport.process(TEMPLATE, model(h, t, run));
  }

  /** The view model of the page. */
  static Page model(HostsText.Header h, HostsTable t, PageRun run) {
    boolean grouped = HostsText.isGrouped(t);
    List<StretchRow> stretches = new ArrayList<>();
    for (IdleStretch x : t.stretches()) {
      stretches.add(
          new StretchRow(
              Numbers.f1(x.hours()),
              gpu(x.gpu()),
              x.host(),
              HostsText.minutes(x.start()),
              x.open() ? "open" : HostsText.minutes(x.end())));
    }
    String window =
        Timestamps.formatSeconds(h.start()) + " to " + Timestamps.formatSeconds(h.end());
    return new Page(
        "CHTC GPU Hosts Report",
        "GPU HOSTS: WHERE THE IDLE CAPACITY IS",
        TextReport.period(h.hoursBack()),
        h.rules(),
        t.snapshots()
            + " snapshots, median spacing "
            + Numbers.f1(t.medianSpacing() / (double) Timestamps.MICROS_PER_MINUTE)
            + " min",
        "Shares are of GPU-snapshots; Absent = on the host elsewhere in the window;"
            + " Never = GPUs never Claimed.",
        grouped,
        grouped ? sections(t.hosts()) : List.of(new Section("", List.of(group("", t.hosts())))),
        h.gaps(),
        "Idle Stretches longer than " + Numbers.f1(h.minIdleHours()) + " h, longest first",
        stretches,
        window,
        run.runtime(),
        run.generatedText());
  }

  /** The rows in category then device runs (they arrive in that order). */
  private static List<Section> sections(List<HostRow> rows) {
    List<Section> sections = new ArrayList<>();
    List<DeviceGroup> devices = new ArrayList<>();
    List<HostRow> hosts = new ArrayList<>();
    HostCategory category = null;
    String device = null;
    for (HostRow r : rows) {
      String d = DeviceModels.displayName(r.device());
      if (r.category() != category || !Objects.equals(d, device)) {
        if (!hosts.isEmpty()) {
          devices.add(group(heading(device), hosts));
          hosts.clear();
        }
        if (r.category() != category && !devices.isEmpty()) {
          sections.add(new Section(category.label(), devices));
          devices.clear();
        }
        category = r.category();
        device = d;
      }
      hosts.add(r);
    }
    if (!hosts.isEmpty()) {
      devices.add(group(heading(device), hosts));
      sections.add(new Section(category.label(), devices));
    }
    return sections;
  }

  private static String heading(String device) {
    return device.isEmpty() ? "(no device name)" : device;
  }

  private static DeviceGroup group(String heading, List<HostRow> rows) {
    List<HostLine> lines = new ArrayList<>();
    for (HostRow r : rows) {
      lines.add(line(r));
    }
    return new DeviceGroup(heading, lines);
  }

  /** A GPU id as shown: the empty id as {@code ""} (as in the text output). */
  private static String gpu(String id) {
    return id.isEmpty() ? "\"\"" : id;
  }

  private static HostLine line(HostRow r) {
    IdleStretch x = r.longestIdle();
    String longest =
        x == null
            ? "-"
            : Numbers.f1(x.hours())
                + " h, "
                + gpu(x.gpu())
                + " from "
                + HostsText.minutes(x.start())
                + (x.open() ? " (open)" : "");
    return new HostLine(
        r.host(),
        r.category().label(),
        DeviceModels.displayName(r.device()),
        Integer.toString(r.gpus()),
        HostsText.pct(r.allocatedPercent()),
        HostsText.pct(r.percent(r.busy())),
        HostsText.pct(r.percent(r.backfill())),
        HostsText.pct(r.percent(r.idle())),
        HostsText.pct(r.percent(r.unavailable())),
        HostsText.pct(r.percent(r.absent())),
        HostsText.pct(r.percent(r.noData())),
        Integer.toString(r.neverClaimed()),
        longest,
        Timestamps.formatSeconds(r.lastSeen()).substring(0, 16));
  }
}
