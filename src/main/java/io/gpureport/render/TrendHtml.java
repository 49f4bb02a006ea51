package io.gpureport.render;

import io.gpureport.aggregate.TrendRow;
import io.gpureport.load.Timestamps;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code gpureport trend} as an HTML page (README, "trend"): the chart of Allocated % per class
 * ({@link TrendChart}), the text output's table and its definitions in the report's page frame
 * ({@code templates/page.ftlh}), laid out by the auto-escaping template {@code trend.html.ftlh}.
 */
public final class TrendHtml {
  static final String TEMPLATE = "trend.html.ftlh";

  private TrendHtml() {}

  /**
   * The page: title band, range, the chart ({@code chart} null: none), the rows and the footnote.
   */
  public record Page(
      String title,
      String heading,
      String period,
      String rules,
      String range,
      HtmlModel.Chart chart,
      List<Row> rows,
      String definitions,
      String dataPeriod,
      String runtime,
      String generated) {
    public Page {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One period and class, formatted as the text output; {@code total} for the real row (prioritized
   * + open).
   */
  public record Row(
      String period,
      String poolClass,
      String allocated,
      String available,
      String allocatedPercent,
      String gpuHours,
      String coverage,
      boolean total) {}

  /**
   * The chart of the rows, or none (and one warning on {@code err}) when charts cannot be drawn, as
   * the report's ({@link HtmlReport#charts}).
   */
  public static List<ChartImage> charts(TrendText.Header h, List<TrendRow> rows, PrintStream err) {
    return HtmlReport.optional(() -> TrendChart.of(h.period(), rows), err);
  }

  /**
   * The page; {@code charts} (of {@link #charts}) as {@code data:} URIs, or with {@code contentIds}
   * as the e-mail's {@code cid:} URLs.
   */
  public static String render(
      TrendText.Header h,
      List<TrendRow> rows,
      List<ChartImage> charts,
      boolean contentIds,
      PageRun run) {
    return HtmlReport.process(TEMPLATE, model(h, rows, charts, contentIds, run));
  }

  static Page model(
      TrendText.Header h,
      List<TrendRow> rows,
      List<ChartImage> charts,
      boolean contentIds,
      PageRun run) {
    List<Row> lines = new ArrayList<>();
    for (TrendRow r : rows) {
      String[] c = TrendText.cells(r);
      lines.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], r.poolClass().equals("real")));
    }
    String range = Timestamps.formatSeconds(h.from()) + " to " + Timestamps.formatSeconds(h.to());
    String unit = h.period().name().toLowerCase(Locale.ROOT);
    return new Page(
        "CHTC GPU Trend Report",
        "GPU TREND: ALLOCATION PER " + h.period().name(),
        "per " + unit + ", " + range + " (end excluded)",
        h.rules(),
        range,
        HtmlReport.chart(charts, TrendChart.ID, "Allocated % per " + unit, contentIds),
        lines,
        TrendText.DEFINITIONS_LINE,
        range,
        run.runtime(),
        run.generatedText());
  }
}
