package io.gpureport.render;

import io.gpureport.aggregate.Trend;
import io.gpureport.aggregate.TrendRow;
import io.gpureport.load.Timestamps;
import java.util.List;
import java.util.Locale;

/**
 * {@code gpureport trend} as text (README, "trend"): one line per period and class, partial periods
 * marked {@code *}, and the definitions as a footnote.
 */
public final class TrendText {
  private TrendText() {}

  /** What the output says about its range: rule set, period, {@code [from, to)}. */
  public record Header(String rules, Trend.Period period, long from, long to) {}

  static final String DEFINITIONS =
      """
      Per 15-minute bucket of the report's time series: claimed and available (claimed +
      unclaimed, a GPU busy with a backfill job counting as idle capacity of its real class)
      GPUs per class; real = prioritized + open. Alloc and Avail = sums over the period's buckets
      with data / those buckets; Alloc % = ratio of the sums; GPU-hours = claimed sum x 0.25 h;
      Coverage = buckets with data / the period's buckets in the range. * = partial period.
      """;

  /** The footnote as one line (the JSON's and the HTML page's). */
  static final String DEFINITIONS_LINE = DEFINITIONS.replace('\n', ' ').strip();

  /** The text output. */
  public static String render(Header h, List<TrendRow> rows) {
    StringBuilder b = new StringBuilder();
    b.append("GPU TREND: ALLOCATION PER ")
        .append(h.period().name())
        .append('\n')
        .append("Range: ")
        .append(Timestamps.formatSeconds(h.from()))
        .append(" to ")
        .append(Timestamps.formatSeconds(h.to()))
        .append(" (end excluded), rules ")
        .append(h.rules())
        .append("\n\n");
    if (rows.isEmpty()) {
      b.append("No periods.\n");
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "%-11s %-11s %9s %9s %8s %11s %9s%n",
              "Period",
              "Class",
              "Alloc",
              "Avail",
              "Alloc %",
              "GPU-hours",
              "Coverage"));
      for (TrendRow r : rows) {
        b.append(
            String.format(Locale.ROOT, "%-11s %-11s %9s %9s %8s %11s %9s%n", (Object[]) cells(r)));
      }
    }
    b.append('\n').append(DEFINITIONS);
    return b.toString();
  }

  /**
   * A row's columns as shown (the HTML page's too): period ({@code *}: partial), class, Alloc,
   * Avail, Alloc %, GPU-hours, Coverage.
   */
  static String[] cells(TrendRow r) {
    return new String[] {
      r.start() + (r.partial() ? "*" : ""),
      r.poolClass(),
      Numbers.f1(r.avgAllocated()),
      Numbers.f1(r.avgAvailable()),
      Numbers.f1(r.allocatedPercent()) + "%",
      Numbers.f1(r.claimedGpuHours()),
      Numbers.f1(r.coveragePercent()) + "%"
    };
  }
}
