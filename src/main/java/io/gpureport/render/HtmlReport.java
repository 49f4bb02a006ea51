package io.gpureport.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
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
import io.gpureport.errors.GpuReportException;
import io.gpureport.load.Timestamps;
import io.gpureport.render.HtmlModel.DeviceClass;
import io.gpureport.render.HtmlModel.Exclusion;
import io.gpureport.render.HtmlModel.Page;
import io.gpureport.render.HtmlModel.StatRow;
import io.gpureport.render.HtmlModel.StatTable;
import io.gpureport.render.HtmlModel.TimeSeriesView;
import io.gpureport.render.HtmlModel.TrendRow;
import io.gpureport.render.HtmlModel.UserRow;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTML report (docs/metrics.md, "HTML"): a view model of preformatted strings ({@link
 * HtmlModel}) laid out by the auto-escaping FreeMarker template {@code templates/report.html.ftlh}.
 */
public final class HtmlReport {
  static final String TEMPLATE = "report.html.ftlh";
  private static final DateTimeFormatter GENERATED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private HtmlReport() {}

  /** Renders a report as a complete HTML5 page without charts. */
  public static String render(Report r) {
    return page(r, List.of(), false);
  }

  /** Renders a report as a complete HTML5 page, its charts embedded as {@code data:} URIs. */
  public static String render(Report r, List<ChartImage> charts) {
    return page(r, charts, false);
  }

  /**
   * Renders the HTML part of the e-mail: the charts are referenced as {@code cid:} URLs of the
   * image parts ({@link ChartImage#contentId()}) that the message carries beside it.
   */
  public static String renderForEmail(Report r, List<ChartImage> charts) {
    return page(r, charts, true);
  }

  /** The page of a report: the report v2 of the rule set corrected has a template of its own. */
  private static String page(Report r, List<ChartImage> charts, boolean contentIds) {
    if (r instanceof Report.Corrected corrected) {
      return process(CorrectedHtml.TEMPLATE, CorrectedHtml.model(corrected, charts, contentIds));
    }
    return process(TEMPLATE, model(r, charts, contentIds));
  }

  /**
   * Draws the charts of a report. Charts are optional: when they cannot be drawn (no fonts, no AWT,
   * any failure of the chart library) this prints one {@code Warning: charts disabled: <reason>} on
   * {@code err} and returns no chart, and the report goes on without them.
   */
  public static List<ChartImage> charts(Report r, PrintStream err) {
    return optional(() -> Charts.of(r), err);
  }

  /**
   * The charts {@code draw} draws, or none with one {@code Warning: charts disabled: <reason>} on
   * {@code err} when they cannot be drawn (as {@link #charts(Report, PrintStream)}).
   */
  static List<ChartImage> optional(Supplier<List<ChartImage>> draw, PrintStream err) {
    try {
      return List.copyOf(draw.get());
    } catch (Throwable e) {
      // Java2D reports "no fonts" as a plain java.lang.Error and a broken AWT as a LinkageError or
      // AWTError; only a VM out of memory or stack is not the charts' business.
      if (e instanceof VirtualMachineError && !(e instanceof InternalError)) {
        throw (VirtualMachineError) e;
      }
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      err.println("Warning: charts disabled: " + firstLine(root));
      err.flush();
      return List.of();
    }
  }

  /** Builds the view model of a report without charts. */
  static Page model(Report r) {
    return model(r, List.of(), false);
  }

  /** Builds the view model of a report with its charts as data URIs or {@code cid:} URLs. */
  static Page model(Report r, List<ChartImage> charts, boolean contentIds) {
    HtmlModel.Frame f = frame(r);
    // The page's nullable sections: the template prints the ones that are set.
    StatTable real = null;
    StatTable memory = null;
    StatTable backfill = null;
    List<UserRow> h200 = null;
    List<UserRow> backfillUsers = null;
    List<DeviceClass> devices = null;
    StatTable summary = null;
    TimeSeriesView timeSeries = null;
    if (r instanceof Report.DeviceTables withDevices) {
      DeviceAllocation d = withDevices.device();
      if (d.classes() instanceof DeviceAllocation.Included tables) {
        real = slots("Class", tables.real());
        memory = tables.memory().map(HtmlReport::memory).orElse(null);
        backfill = slots("Class", tables.backfill());
        h200 = users(tables.h200Users());
        backfillUsers = users(tables.backfillUsers());
      }
      devices = new ArrayList<>();
      for (DeviceTable t : d.devices()) {
        devices.add(new DeviceClass(t.slotClass().displayName(), deviceTable(t)));
      }
    } else if (r instanceof Report.AllocationSummary s) {
      List<StatRow> rows = new ArrayList<>();
      for (ClassStat cs : s.classes()) {
        rows.add(row(cs.slotClass().displayName(), cs.stat(), false));
      }
      summary = new StatTable("Class", rows);
    } else if (r instanceof Report.Series s) {
      timeSeries = timeSeries(s.timeSeries());
    }

    return new Page(
        f.title(),
        f.heading(),
        f.period(),
        real,
        memory,
        backfill,
        h200,
        backfillUsers,
        devices,
        summary,
        timeSeries,
        f.exclusions(),
        Methodology.bundled(),
        f.chtcOwnedHosts(),
        f.dataPeriod(),
        f.runtime(),
        f.generated(),
        chart(charts, Charts.OVER_TIME, overTimeHeading(r), contentIds),
        chart(charts, Charts.DEVICES, null, contentIds));
  }

  /**
   * The page around the sections: title, heading and period (monthly: the month's), the excluded
   * hosts, the CHTC-owned machines, the data period (monthly: the whole month) and the footer.
   */
  static HtmlModel.Frame frame(Report r) {
    Report.Context c = r.context();
    String title;
    String heading;
    String period;
    String dataPeriod;
    Report.Month month = r.reportedMonth().orElse(null);
    if (month != null) {
      title = "CHTC Monthly GPU Report - " + month.label();
      heading = "CHTC MONTHLY GPU REPORT - " + month.label().toUpperCase(Locale.ROOT);
      period = month.hours() + " hours";
      dataPeriod =
          Timestamps.formatSeconds(month.start()) + " to " + Timestamps.formatSeconds(month.end());
    } else {
      title = "CHTC GPU Allocation Report";
      heading = "CHTC GPU ALLOCATION REPORT";
      period = TextReport.period(((Report.Windowed) r).window().hoursBack());
      dataPeriod =
          Timestamps.formatSeconds(c.dataStart()) + " to " + Timestamps.formatSeconds(c.dataEnd());
    }
    List<Exclusion> exclusions = new ArrayList<>();
    for (ExclusionMap.Entry e : c.exclusions()) {
      exclusions.add(new Exclusion(e.pattern(), e.reason()));
    }
    return new HtmlModel.Frame(
        title,
        heading,
        period,
        exclusions,
        c.chtcOwnedHosts(),
        dataPeriod,
        runtime(c.runtimeSeconds()),
        generated(c.generatedAt()));
  }

  /** The heading of the over-time chart: none for the time series, whose chart comes first. */
  private static String overTimeHeading(Report r) {
    if (r instanceof Report.Monthly) {
      return "Daily Allocation";
    }
    return r instanceof Report.Series ? null : "Allocation over Time";
  }

  /** The chart {@code id} of {@code charts} as the page shows it, or null when it is not drawn. */
  static HtmlModel.Chart chart(
      List<ChartImage> charts, String id, String heading, boolean contentIds) {
    for (ChartImage c : charts) {
      if (c.id().equals(id)) {
        String src =
            contentIds
                ? "cid:" + c.contentId()
                : "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png());
        return new HtmlModel.Chart(heading, src, c.alt(), c.width(), c.height());
      }
    }
    return null;
  }

  /**
   * The footer runtime: {@code 12.34 seconds}, or {@code <m>m <s>s} from 60 s (docs/metrics.md,
   * "HTML").
   */
  static String runtime(double seconds) {
    if (!(seconds >= 60)) {
      return Numbers.f2(Math.max(0, seconds)) + " seconds";
    }
    BigDecimal tenths = new BigDecimal(seconds).setScale(1, RoundingMode.HALF_EVEN);
    BigDecimal minutes = tenths.divideToIntegralValue(BigDecimal.valueOf(60));
    BigDecimal rest = tenths.subtract(minutes.multiply(BigDecimal.valueOf(60)));
    return minutes.toBigInteger()
        + "m "
        + rest.setScale(1, RoundingMode.UNNECESSARY).toPlainString()
        + "s";
  }

  static String generated(LocalDateTime t) {
    return GENERATED.format(t);
  }

  private static StatTable slots(String header, SlotsTable t) {
    List<StatRow> rows = new ArrayList<>();
    rows.add(row("TOTAL", t.total(), true));
    for (ClassStat c : t.classes()) {
      rows.add(row(c.slotClass().displayName(), c.stat(), false));
    }
    return new StatTable(header, rows);
  }

  private static StatTable memory(MemoryTable m) {
    List<StatRow> rows = new ArrayList<>();
    rows.add(row("TOTAL", m.total(), true));
    for (MemoryTable.Row c : m.categories()) {
      rows.add(row(c.category(), c.stat(), false));
    }
    return new StatTable("Memory Category", rows);
  }

  private static StatTable deviceTable(DeviceTable t) {
    List<StatRow> rows = new ArrayList<>();
    Stat total = t.htmlTotal();
    if (total != null && total.availableAvg() > 0) {
      rows.add(row("TOTAL", total, true));
    }
    for (DeviceTable.Entry e : t.devices()) {
      rows.add(row(e.displayName(), e.stat(), false));
    }
    return new StatTable("Device Type", rows);
  }

  private static List<UserRow> users(UserTable t) {
    if (t == null || t.isEmpty()) {
      return null;
    }
    double grand = t.grandTotal();
    List<UserRow> rows = new ArrayList<>();
    for (UserTable.ClassHours c : t.classes()) {
      rows.add(
          new UserRow(
              c.slotClass().displayName() + " (" + c.users().size() + " users)",
              Numbers.f1(c.gpuHours()),
              Numbers.f1(c.percentOfTotal(grand)) + "%",
              true));
      for (UserTable.UserHours u : c.users()) {
        rows.add(
            new UserRow(
                u.user(),
                Numbers.f1(u.gpuHours()),
                Numbers.f1(u.percentOfTotal(grand)) + "%",
                false));
      }
    }
    return rows;
  }

  private static TimeSeriesView timeSeries(TimeSeries ts) {
    List<StatRow> rows = new ArrayList<>();
    for (TimeSeries.Summary s : ts.summary()) {
      rows.add(row(s.legacyClass().printedName(), s.stat(), false));
    }
    List<String> classes = new ArrayList<>();
    for (TimeSeries.Summary s : ts.summary()) {
      classes.add(s.legacyClass().printedName());
    }
    List<TimeSeries.Bucket> b = ts.buckets();
    List<TrendRow> trend = new ArrayList<>();
    for (TimeSeries.Bucket bucket : b.subList(Math.max(0, b.size() - 5), b.size())) {
      List<String> cells = new ArrayList<>();
      for (TimeSeries.Cell c : bucket.cells()) {
        cells.add(Numbers.f1(c.percent()) + "% (" + c.claimed() + "/" + c.total() + ")");
      }
      trend.add(new TrendRow(Timestamps.formatBucketLabel(bucket.start()), cells));
    }
    return new TimeSeriesView(new StatTable("Class", rows), classes, trend);
  }

  private static StatRow row(String label, Stat s, boolean emphasised) {
    return new StatRow(
        label,
        Numbers.f1(s.allocatedPercent()) + "%",
        Numbers.f1(s.allocatedAvg()),
        Numbers.f1(s.availableAvg()),
        emphasised);
  }

  // ---------------------------------------------------------------------------------- FreeMarker

  /** Processes a template under {@code /templates} with {@code page} as the variable {@code r}. */
  static String process(String templateName, Object page) {
    try {
      Template t = Templates.CONFIG.getTemplate(templateName);
      StringWriter out = new StringWriter(32 * 1024);
      t.process(Map.of("r", page), out);
      return out.toString();
    } catch (TemplateException | IOException | RuntimeException e) {
      throw new GpuReportException("cannot render the HTML report: " + firstLine(e), e);
    }
  }

  private static String firstLine(Throwable e) {
    String m = e instanceof TemplateException te ? te.getMessageWithoutStackTop() : e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String line = m.strip().lines().findFirst().orElse("").strip();
    return line.isEmpty() ? e.getClass().getSimpleName() : line;
  }

  /** The shared FreeMarker configuration (thread-safe once built). */
  private static final class Templates {
    static final Configuration CONFIG = build();

    private static Configuration build() {
      Configuration c = new Configuration(Configuration.VERSION_2_3_35);
      c.setClassForTemplateLoading(HtmlReport.class, "/templates");
      c.setDefaultEncoding("UTF-8");
      c.setOutputEncoding("UTF-8");
      c.setLocale(Locale.US);
      c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
      c.setLogTemplateExceptions(false);
      c.setWrapUncheckedExceptions(true);
      c.setFallbackOnNullLoopVariable(false);
      // .ftlh gets HTML auto-escaping by its extension; the HTML default covers any other name,
      // so no template of this renderer can ever print a value unescaped.
      c.setRecognizeStandardFileExtensions(true);
      c.setOutputFormat(HTMLOutputFormat.INSTANCE);
      c.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
      c.setNumberFormat("computer");
      c.setAPIBuiltinEnabled(false);
      return c;
    }
  }
}
