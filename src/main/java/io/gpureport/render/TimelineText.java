package io.gpureport.render;

import io.gpureport.aggregate.HostCategory;
import io.gpureport.aggregate.Timeline;
import io.gpureport.aggregate.TimelineGpu;
import io.gpureport.aggregate.TimelineHost;
import io.gpureport.aggregate.TimelineRun;
import io.gpureport.aggregate.TimelineState;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code gpureport timeline} as text (README, "timeline options"): one line per GPU with one
 * character per bucket ({@link TimelinePalette#symbol()}), under its host, grouped by category and
 * device, below a legend and a time axis marking every tick (3 hours or more apart) with {@code |}.
 */
public final class TimelineText {
  private TimelineText() {}

  /** The text output. */
  public static String render(TimelineHeader h, Timeline t) {
    int width = 4;
    for (TimelineHost host : t.hosts()) {
      for (TimelineGpu g : host.gpus()) {
        width = Math.max(width, g.label().length());
      }
    }
    String indent = " ".repeat(4 + width + 2);
    StringBuilder b = new StringBuilder();
    b.append("GPU TIMELINE\n");
    b.append("Window: ").append(h.window()).append('\n');
    b.append("Buckets: ")
        .append(t.buckets())
        .append(" of ")
        .append(t.bucketMinutes())
        .append(" min from ")
        .append(Timestamps.formatSeconds(t.start()), 0, 16)
        .append(", one character each; GPUs: ")
        .append(t.gpuCount())
        .append('\n');
    legend(b);
    if (t.hosts().isEmpty()) {
      return b.append("\nNo GPUs.\n").toString();
    }
    axis(b, indent, t);
    HostCategory category = null;
    String device = null;
    for (TimelineHost host : t.hosts()) {
      String d = DeviceModels.displayName(host.device());
      if (host.category() != category) {
        category = host.category();
        device = null;
        b.append('\n').append(category.label().toUpperCase(Locale.ROOT)).append('\n');
      }
      if (!Objects.equals(d, device)) {
        device = d;
        b.append("  ").append(d.isEmpty() ? "(no device name)" : d).append('\n');
      }
      b.append("  ").append(host.host()).append('\n');
      for (TimelineGpu g : host.gpus()) {
        b.append("    ").append(g.label()).append(" ".repeat(width - g.label().length() + 2));
        for (TimelineRun r : g.runs()) {
          b.append(String.valueOf(TimelinePalette.of(r.state()).symbol()).repeat(r.length()));
        }
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** The symbols, three lines. */
  private static void legend(StringBuilder b) {
    b.append("Legend: busy ");
    symbols(b, TimelineState.BUSY_RESEARCHER, TimelineState.BUSY_UNCLASSIFIED);
    b.append("  ").append(symbol(TimelineState.BACKFILL)).append(" backfill job\n");
    b.append("        idle ");
    symbols(b, TimelineState.IDLE_RESEARCHER, TimelineState.IDLE_UNCLASSIFIED);
    b.append("\n        ")
        .append(symbol(TimelineState.UNAVAILABLE))
        .append(" unavailable (neither Claimed nor Unclaimed)  ")
        .append(symbol(TimelineState.NO_DATA))
        .append(" no data\n");
  }

  /** The symbols of the states {@code from} to {@code to} with their classes. */
  private static void symbols(StringBuilder b, TimelineState from, TimelineState to) {
    for (int s = from.ordinal(); s <= to.ordinal(); s++) {
      TimelineState state = TimelineState.values()[s];
      String label = state.label();
      b.append(s == from.ordinal() ? "" : "  ")
          .append(symbol(state))
          .append(' ')
          .append(label.substring(label.indexOf(", ") + 2));
    }
  }

  private static char symbol(TimelineState s) {
    return TimelinePalette.of(s).symbol();
  }

  /** Two lines: the tick labels, then {@code |} at each tick. */
  private static void axis(StringBuilder b, String indent, Timeline t) {
    List<TimelineAxis.Tick> ticks = TimelineAxis.ticks(t, 12);
    if (ticks.isEmpty()) {
      return;
    }
    char[] labels = " ".repeat(t.buckets() + 16).toCharArray();
    char[] marks = " ".repeat(t.buckets()).toCharArray();
    int free = 0;
    for (TimelineAxis.Tick tick : ticks) {
      marks[tick.bucket()] = '|';
      if (tick.bucket() >= free) {
        tick.label().getChars(0, tick.label().length(), labels, tick.bucket());
        free = tick.bucket() + tick.label().length() + 1;
      }
    }
    b.append('\n').append((indent + new String(labels)).stripTrailing()).append('\n');
    b.append((indent + new String(marks)).stripTrailing()).append('\n');
  }
}
