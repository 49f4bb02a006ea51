package io.gpureport.render;

import io.gpureport.aggregate.HostCategory;
import io.gpureport.aggregate.HostRow;
import io.gpureport.aggregate.HostsTable;
import io.gpureport.aggregate.IdleStretch;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.Objects;

/**
 * {@code gpureport hosts} as text, at most 100 columns wide (README, "hosts"): one line per host,
 * grouped by category and device unless {@code --sort} says otherwise, with the longest idle
 * stretch below it, then with {@code --gaps} the idle stretches, longest first.
 */
public final class HostsText {
  private static final int HOST_WIDTH = 28;
  private static final int GPU_WIDTH = 20;

  private HostsText() {}

  /** What the output says about its window: rule set, window, {@code --min-idle-hours}. */
  public record Header(
      String rules, long start, long end, int hoursBack, double minIdleHours, boolean gaps) {}

  /** The text output. */
  public static String render(Header h, HostsTable t) {
    StringBuilder b = new StringBuilder();
    b.append("GPU HOSTS: WHERE THE IDLE CAPACITY IS\n");
    b.append("Window: ")
        .append(Timestamps.formatSeconds(h.start()))
        .append(" to ")
        .append(Timestamps.formatSeconds(h.end()))
        .append(" (")
        .append(h.hoursBack())
        .append(h.hoursBack() == 1 ? " hour" : " hours")
        .append("), rules ")
        .append(h.rules())
        .append('\n');
    b.append("Snapshots: ")
        .append(t.snapshots())
        .append(", median spacing ")
        .append(Numbers.f1(t.medianSpacing() / (double) Timestamps.MICROS_PER_MINUTE))
        .append(" min\n");
    b.append("Shares are of GPU-snapshots; Absent = on the host elsewhere in the window;")
        .append(" Never = never Claimed.\n");
    if (t.hosts().isEmpty()) {
      b.append("\nNo hosts.\n");
    }
    HostCategory category = null;
    String device = null;
    boolean grouped = isGrouped(t);
    for (HostRow r : t.hosts()) {
      String d = DeviceModels.displayName(r.device());
      if (grouped && r.category() != category) {
        category = r.category();
        device = null;
        b.append('\n').append(category.label().toUpperCase(java.util.Locale.ROOT)).append('\n');
      }
      if (grouped && !Objects.equals(d, device)) {
        device = d;
        b.append("  ").append(d.isEmpty() ? "(no device name)" : d).append('\n');
        header(b);
      } else if (!grouped && r == t.hosts().get(0)) {
        b.append('\n');
        header(b);
      }
      line(b, r, grouped);
    }
    if (h.gaps()) {
      b.append("\nIDLE STRETCHES longer than ")
          .append(Numbers.f1(h.minIdleHours()))
          .append(" h, longest first\n");
      if (t.stretches().isEmpty()) {
        b.append("  none\n");
      } else {
        b.append(
            String.format(
                "  %7s  %-20s  %-28s  %-16s  %s%n", "Hours", "GPU", "Host", "From", "To"));
        for (IdleStretch x : t.stretches()) {
          b.append(
              String.format(
                  "  %7s  %-20s  %-28s  %-16s  %s%n",
                  Numbers.f1(x.hours()),
                  cut(x.gpu(), GPU_WIDTH),
                  cut(x.host(), HOST_WIDTH),
                  minutes(x.start()),
                  x.open() ? "open" : minutes(x.end())));
        }
      }
    }
    return b.toString();
  }

  /** Whether the rows are in the grouped order (categories then devices, hosts by name). */
  static boolean isGrouped(HostsTable t) {
    for (int i = 1; i < t.hosts().size(); i++) {
      HostRow a = t.hosts().get(i - 1);
      HostRow c = t.hosts().get(i);
      int cat = a.category().compareTo(c.category());
      int dev =
          DeviceModels.displayName(a.device()).compareTo(DeviceModels.displayName(c.device()));
      if (cat > 0 || cat == 0 && (dev > 0 || dev == 0 && a.host().compareTo(c.host()) > 0)) {
        return false;
      }
    }
    return true;
  }

  private static void header(StringBuilder b) {
    b.append(
        String.format(
            "    %-24s %4s %6s %6s %6s %6s %6s %6s %6s %5s %11s%n",
            "Host",
            "GPUs",
            "Alloc",
            "Busy",
            "Bkfill",
            "Idle",
            "Unav",
            "Absent",
            "NoData",
            "Never",
            "Last seen"));
  }

  private static void line(StringBuilder b, HostRow r, boolean grouped) {
    String name = r.host();
    if (name.length() > 24) {
      b.append("    ").append(oneLine(name)).append('\n');
      name = "";
    }
    b.append(
        String.format(
            "    %-24s %4d %6s %6s %6s %6s %6s %6s %6s %5d %11s%n",
            oneLine(name),
            r.gpus(),
            pct(r.allocatedPercent()),
            pct(r.percent(r.busy())),
            pct(r.percent(r.backfill())),
            pct(r.percent(r.idle())),
            pct(r.percent(r.unavailable())),
            pct(r.percent(r.absent())),
            pct(r.percent(r.noData())),
            r.neverClaimed(),
            Timestamps.formatSeconds(r.lastSeen()).substring(5, 16)));
    StringBuilder extra = new StringBuilder();
    if (!grouped) {
      extra.append(r.category().label()).append(", ").append(DeviceModels.displayName(r.device()));
    }
    IdleStretch x = r.longestIdle();
    if (x != null) {
      if (extra.length() > 0) {
        extra.append("; ");
      }
      extra
          .append("longest idle ")
          .append(Numbers.f1(x.hours()))
          .append(" h, ")
          .append(cut(x.gpu(), GPU_WIDTH))
          .append(" from ")
          .append(minutes(x.start()))
          .append(x.open() ? " (open)" : "");
    }
    if (extra.length() > 0) {
      b.append("      ").append(cut(extra.toString(), 94)).append('\n');
    }
  }

  static String pct(double p) {
    return Numbers.f1(p) + "%";
  }

  /** {@code YYYY-MM-DD HH:MM}. */
  static String minutes(long t) {
    return Timestamps.formatSeconds(t).substring(0, 16);
  }

  /** {@code s} on one line, cut to {@code width} with a trailing {@code ~}. */
  private static String cut(String s, int width) {
    String one = s.isEmpty() ? "\"\"" : oneLine(s);
    return one.length() <= width ? one : one.substring(0, width - 1) + "~";
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}]", "?");
  }
}
