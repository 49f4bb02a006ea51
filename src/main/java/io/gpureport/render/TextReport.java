package io.gpureport.render;

import io.gpureport.aggregate.ClassStat;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.DeviceTable;
import io.gpureport.aggregate.MemoryTable;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.SlotsTable;
import io.gpureport.aggregate.Stat;
import io.gpureport.aggregate.TimeSeries;
import io.gpureport.aggregate.UserTable;
import io.gpureport.config.ExclusionMap;
import io.gpureport.load.Timestamps;
import java.util.List;
import java.util.Locale;

/** The text report (docs/metrics.md, "Text"), byte for byte. */
public final class TextReport {
  static final String TITLE = "CHTC GPU UTILIZATION REPORT";

  private final StringBuilder out = new StringBuilder(8192);

  TextReport() {}

  /** The text so far. */
  String text() {
    return out.toString();
  }

  /** Renders a report as text. */
  public static String render(Report r) {
    if (r instanceof Report.Corrected c) {
      return CorrectedText.render(c);
    }
    if (r instanceof Report.Explained e) {
      return RuleEffectsText.render(e);
    }
    TextReport t = new TextReport();
    t.write(r);
    return t.out.toString();
  }

  private void write(Report r) {
    if (r instanceof Report.Monthly m) {
      header(monthlyTitle(m.month().label()), m.month().label());
      deviceBlocks(m.device());
    } else if (r instanceof Report.Windowed w) {
      header(TITLE, period(w.window().hoursBack()));
      if (w instanceof Report.Allocation a) {
        deviceBlocks(a.device());
      } else if (w instanceof Report.AllocationSummary s) {
        line("").line("Allocation Summary:").line(rule('-', 70));
        for (ClassStat c : s.classes()) {
          line("  " + c.slotClass().displayName() + ": " + stat(c.stat()));
        }
      } else if (w instanceof Report.Series s) {
        timeSeries(s.timeSeries());
      }
    }
    trailer(r);
  }

  /** The period phrase (docs/metrics.md, "Rounding and evaluation order"). */
  static String period(int hoursBack) {
    return hoursBack == 1 ? "1 hour" : hoursBack + " hours";
  }

  private void header(String title, String period) {
    header(title, period, "");
  }

  /** The header; {@code rulesLine} (the report v2's {@code Rules: …}) after the period if set. */
  void header(String title, String period, String rulesLine) {
    int pad = 70 - title.length();
    String centred =
        " ".repeat(Math.max(0, pad / 2)) + title + " ".repeat(Math.max(0, pad - pad / 2));
    line("").line(rule('=', 70)).line(centred).line(rule('=', 70));
    line("Period: " + period);
    if (!rulesLine.isEmpty()) {
      line(rulesLine);
    }
    line(rule('=', 70));
  }

  /**
   * The header of a report v2 or rule-effects report: the month's title and label, or the window's
   * period, then {@code rulesLine}.
   */
  void header(Report r, String rulesLine) {
    if (r.reportedMonth().isPresent()) {
      String label = r.reportedMonth().get().label();
      header(monthlyTitle(label), label, rulesLine);
    } else {
      header(TITLE, period(((Report.Windowed) r).window().hoursBack()), rulesLine);
    }
  }

  /** The monthly report's title. */
  static String monthlyTitle(String label) {
    return "CHTC MONTHLY GPU REPORT - " + label.toUpperCase(Locale.ROOT);
  }

  private void deviceBlocks(DeviceAllocation d) {
    if (d.classes() instanceof DeviceAllocation.Included c) {
      slots("REAL SLOTS:", c.real());
      c.memory().ifPresent(this::memory);
      slots("BACKFILL SLOTS:", c.backfill());
      users("H200 USAGE BY SLOT TYPE:", c.h200Users());
      users("BACKFILL USAGE BY SLOT TYPE (filtered):", c.backfillUsers());
    }
    line("").line("Usage by Device Type (filtered):").line(rule('-', 70));
    for (DeviceTable t : d.devices()) {
      String name = t.slotClass().displayName();
      line("").line(name + ":").line(rule('-', 50));
      for (DeviceTable.Entry e : t.devices()) {
        line("    " + e.displayName() + ": " + avgStat(e.stat()));
      }
      if (t.total() != null) {
        line("    " + rule('-', 30));
        line("    TOTAL " + name + ": " + avgStat(t.total()));
      }
    }
  }

  private void slots(String heading, SlotsTable t) {
    line("").line(heading).line(rule('-', 70));
    line("  TOTAL: " + stat(t.total())).line(rule('-', 70));
    for (ClassStat c : t.classes()) {
      line("  " + c.slotClass().displayName() + ": " + stat(c.stat()));
    }
  }

  private void memory(MemoryTable m) {
    line("").line("REAL SLOTS BY MEMORY CATEGORY (filtered):").line(rule('-', 80));
    line("  TOTAL: " + stat(m.total())).line(rule('-', 80));
    for (MemoryTable.Row row : m.categories()) {
      line("  " + row.category() + ": " + stat(row.stat()));
    }
  }

  private void users(String heading, UserTable t) {
    if (t.isEmpty()) {
      return;
    }
    line("").line(heading).line(rule('-', 80));
    double grand = t.grandTotal();
    for (UserTable.ClassHours c : t.classes()) {
      line("");
      line(
          "  "
              + c.slotClass().displayName()
              + " ("
              + c.users().size()
              + " users): "
              + Numbers.f1(c.gpuHours())
              + " GPU-hours ("
              + Numbers.f1(c.percentOfTotal(grand))
              + "%)");
      line("  " + rule('-', 60));
      for (UserTable.UserHours u : c.users()) {
        line(
            "    "
                + u.user()
                + ": "
                + Numbers.f1(u.gpuHours())
                + " hrs ("
                + Numbers.f1(u.percentOfTotal(grand))
                + "%)");
      }
    }
  }

  private void timeSeries(TimeSeries ts) {
    line("").line("Time Series Analysis:").line(rule('-', 70));
    for (TimeSeries.Summary s : ts.summary()) {
      line("  " + s.legacyClass().printedName() + ": " + stat(s.stat()));
    }
    line("").line("Recent Trend:").line(rule('-', 70));
    List<TimeSeries.Bucket> b = ts.buckets();
    for (TimeSeries.Bucket bucket : b.subList(Math.max(0, b.size() - 5), b.size())) {
      StringBuilder s =
          new StringBuilder("  ").append(Timestamps.formatBucketLabel(bucket.start()));
      String sep = ": ";
      for (TimeSeries.Cell c : bucket.cells()) {
        s.append(sep)
            .append(c.legacyClass().printedName())
            .append(' ')
            .append(Numbers.f1(c.percent()))
            .append("% (")
            .append(c.claimed())
            .append('/')
            .append(c.total())
            .append(')');
        sep = ", ";
      }
      line(s.toString());
    }
  }

  void trailer(Report r) {
    Report.Context c = r.context();
    boolean excludedPrinted = !c.exclusions().isEmpty();
    if (excludedPrinted) {
      line("").line(rule('=', 70)).line("EXCLUDED HOSTS:");
      for (ExclusionMap.Entry e : c.exclusions()) {
        line("  " + e.pattern() + ": " + e.reason());
      }
    }
    if (c.filtering().rowsExcluded() > 0) {
      if (!excludedPrinted) {
        line("").line(rule('=', 70));
      }
      line("FILTERING IMPACT:");
      line("  Records excluded: " + Numbers.thousands(c.filtering().rowsExcluded()));
      line("  Records analyzed: " + Numbers.thousands(c.filtering().rowsAnalyzed()));
    }
    line("").line(rule('=', 70));
    if (r.reportedMonth().isPresent()) {
      line("Data Period: " + r.reportedMonth().get().label());
    } else {
      line(
          "Data Period: "
              + Timestamps.formatSeconds(c.dataStart())
              + " to "
              + Timestamps.formatSeconds(c.dataEnd()));
    }
    line(rule('=', 70));
  }

  static String stat(Stat s) {
    return Numbers.f1(s.allocatedPercent())
        + "% ("
        + Numbers.f1(s.allocatedAvg())
        + "/"
        + Numbers.f1(s.availableAvg())
        + " GPUs)";
  }

  private static String avgStat(Stat s) {
    return Numbers.f1(s.allocatedPercent())
        + "% (avg "
        + Numbers.f1(s.allocatedAvg())
        + "/"
        + Numbers.f1(s.availableAvg())
        + " GPUs)";
  }

  static String rule(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  TextReport line(String s) {
    out.append(s).append('\n');
    return this;
  }
}
