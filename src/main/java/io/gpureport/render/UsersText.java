package io.gpureport.render;

import io.gpureport.aggregate.UserRow;
import io.gpureport.aggregate.UsersTable;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.Locale;

/**
 * {@code gpureport users} as text (README, "users"): the classes' claimed GPU-hours, one line per
 * user and class (and device), the user last so that long names do not shift the columns, and the
 * definitions as a footnote.
 */
public final class UsersText {
  private UsersText() {}

  /** What the output says about its window: rule set, window, whether split by device. */
  public record Header(String rules, long start, long end, int hoursBack, boolean byDevice) {}

  /** The footnote: how the numbers are defined (docs/metrics.md, "Per-user concurrent GPUs"). */
  static final String DEFINITIONS =
      """
      Per snapshot each GPU keeps its highest-rank row (the rule set's dedup rank); a user's GPUs
      are the distinct GPU ids of their kept Claimed rows (RemoteOwner kept whole, empty owners
      left out). A bucket's value is the MAXIMUM over its snapshots, not a union of ids.
      Peak = the highest bucket value (at the first bucket reaching it). Mean = the sum of the
      bucket values / all buckets of the window with data, zeros included. GPU-hours = the sum of
      the bucket values x the bucket length. Share = of the class's claimed GPU-hours (every
      claimed GPU, with or without an owner). Jobs = distinct GlobalJobId in the window.
      """;

  /** The footnote as one line (the JSON's and the HTML page's). */
  static final String DEFINITIONS_LINE = DEFINITIONS.replace('\n', ' ').strip();

  /** The text output. */
  public static String render(Header h, UsersTable t) {
    StringBuilder b = new StringBuilder();
    b.append("GPU USERS: CONCURRENT GPUS PER USER\n");
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
    b.append("Buckets: ")
        .append(t.buckets().size())
        .append(" of ")
        .append(t.bucketMinutes())
        .append(" minutes with data\n\n");
    for (UsersTable.ClassTotal c : t.totals()) {
      b.append(String.format(Locale.ROOT, "%-12s", c.poolClass().key()))
          .append(Numbers.f1(c.gpuHours()))
          .append(" claimed GPU-hours, peak ")
          .append(c.peakGpus())
          .append(" GPUs at ")
          .append(Timestamps.formatSeconds(c.peakAt()))
          .append('\n');
    }
    b.append('\n');
    if (t.rows().isEmpty()) {
      b.append("No users.\n");
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "%-11s %5s  %-16s %7s %10s %7s %6s  %s%n",
              "Class",
              "Peak",
              "Peak at",
              "Mean",
              "GPU-hours",
              "Share",
              "Jobs",
              h.byDevice() ? "Device  User" : "User"));
      for (UserRow r : t.rows()) {
        b.append(
            String.format(
                Locale.ROOT,
                "%-11s %5d  %-16s %7s %10s %7s %6d  %s%n",
                r.poolClass().key(),
                r.peakGpus(),
                Timestamps.formatSeconds(r.peakAt()).substring(0, 16),
                Numbers.f1(r.meanGpus()),
                Numbers.f1(r.gpuHours()),
                Numbers.f1(r.sharePercent()) + "%",
                r.jobs(),
                h.byDevice() ? DeviceModels.displayName(r.device()) + "  " + r.user() : r.user()));
      }
    }
    b.append('\n').append(DEFINITIONS);
    return b.toString();
  }
}
