package io.gpureport.render;

import io.gpureport.aggregate.HostCategory;
import io.gpureport.aggregate.Timeline;
import io.gpureport.aggregate.TimelineGpu;
import io.gpureport.aggregate.TimelineHost;
import io.gpureport.aggregate.TimelineRun;
import io.gpureport.aggregate.TimelineState;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code gpureport timeline} as one self-contained HTML page (README, "timeline options"): no
 * script, font or image, the cells of a GPU as runs of equal cells (CSS flex items) with a title
 * each (GPU, host, time span, state, user and job), unavailable hatched by CSS. The page is made of
 * the macros of {@code timeline-components.ftlh}, which a site page embeds with {@link #model}.
 */
public final class TimelineHtml {
  static final String TEMPLATE = "timeline.html.ftlh";

  private TimelineHtml() {}

  /** The page. */
  public static String render(TimelineHeader h, Timeline t) {
    return HtmlReport.process(TEMPLATE, model(h, t));
  }

  /** What the templates show; every text is escaped there. */
  public record Page(
      String title,
      String window,
      String buckets,
      List<Legend> legend,
      List<Integer> lengths,
      List<Tick> ticks,
      List<Group> groups) {}

  /** A legend entry: CSS class, words, colour, hatched. */
  public record Legend(String css, String label, String colour, boolean hatched) {}

  /** An axis label at {@code left} percent of the cells' width. */
  public record Tick(String left, String label) {}

  /** The hosts of one category and device. */
  public record Group(String heading, List<Host> hosts) {}

  /** A host and its GPUs. */
  public record Host(String name, List<Gpu> gpus) {}

  /** A GPU and its runs of equal cells. */
  public record Gpu(String id, List<Run> runs) {}

  /** A run: CSS classes (state and length {@code wN}), tooltip. */
  public record Run(String css, String title) {}

  /** The model of {@code t} for the templates (a site page embeds it as it is). */
  public static Page model(TimelineHeader h, Timeline t) {
    List<Legend> legend = new ArrayList<>();
    for (TimelinePalette p : TimelinePalette.legend()) {
      legend.add(new Legend(css(p.state()), p.state().label(), p.css(), p.hatched()));
    }
    List<Tick> ticks = new ArrayList<>();
    for (TimelineAxis.Tick k : TimelineAxis.ticks(t, t.buckets() / 12.0)) {
      ticks.add(
          new Tick(
              String.format(Locale.ROOT, "%.3f", 100.0 * k.bucket() / t.buckets()), k.label()));
    }
    List<Group> groups = new ArrayList<>();
    SortedSet<Integer> lengths = new TreeSet<>();
    HostCategory category = null;
    String device = null;
    List<Host> hosts = null;
    for (TimelineHost host : t.hosts()) {
      String d = DeviceModels.displayName(host.device());
      if (host.category() != category || !Objects.equals(d, device)) {
        category = host.category();
        device = d;
        hosts = new ArrayList<>();
        groups.add(
            new Group(category.label() + " · " + (d.isEmpty() ? "(no device name)" : d), hosts));
      }
      List<Gpu> gpus = new ArrayList<>();
      for (TimelineGpu g : host.gpus()) {
        List<Run> runs = new ArrayList<>();
        for (TimelineRun r : g.runs()) {
          lengths.add(r.length());
          runs.add(new Run(css(r.state()) + " w" + r.length(), title(t, host, g, r)));
        }
        gpus.add(new Gpu(g.label(), runs));
      }
      hosts.add(new Host(host.host(), gpus));
    }
    return new Page(
        "GPU timeline",
        h.window(),
        t.buckets() + " buckets of " + t.bucketMinutes() + " min, " + t.gpuCount() + " GPUs",
        legend,
        List.copyOf(lengths),
        ticks,
        groups);
  }

  private static String css(TimelineState s) {
    return "s" + s.ordinal();
  }

  /**
   * E.g. {@code GPU-1 on h1, 11-03 10:00 to 11:15 (1.25 h): busy, ...; user alice; job ap#1.0#1}.
   */
  static String title(Timeline t, TimelineHost h, TimelineGpu g, TimelineRun r) {
    String from = Timestamps.formatSeconds(t.bucketStart(r.from())).substring(5, 16);
    String to = Timestamps.formatSeconds(t.bucketStart(r.to())).substring(5, 16);
    if (from.regionMatches(0, to, 0, 5)) {
      to = to.substring(6);
    }
    StringBuilder b = new StringBuilder();
    b.append(g.label())
        .append(" on ")
        .append(h.host())
        .append(", ")
        .append(from)
        .append(" to ")
        .append(to)
        .append(" (")
        .append(Numbers.f2(r.length() * t.bucketMinutes() / 60.0))
        .append(" h): ")
        .append(r.state().label());
    if (r.state() == TimelineState.UNAVAILABLE && !r.slotState().isEmpty()) {
      b.append(" (").append(r.slotState()).append(')');
    }
    if (!r.user().isEmpty()) {
      b.append("; user ").append(r.user());
    }
    if (!r.job().isEmpty()) {
      b.append("; job ").append(r.job());
    }
    return b.toString();
  }
}
