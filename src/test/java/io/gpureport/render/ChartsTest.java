package io.gpureport.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.aggregate.Analyses;
import io.gpureport.aggregate.BucketSeries;
import io.gpureport.aggregate.ClassStat;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.DeviceTable;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.Stat;
import io.gpureport.aggregate.TimeSeries;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.ClassifyRules;
import io.gpureport.classify.RuleSets;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.config.ExclusionMap;
import io.gpureport.load.DataSource;
import io.gpureport.load.Projection;
import io.gpureport.load.SlotLoader;
import io.gpureport.load.SlotSource;
import io.gpureport.load.SlotTable;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts of the HTML report: their data is the computed report's (the bucket series of the
 * device pass agrees with the tables), the PNGs decode at their size, and the page embeds them.
 */
class ChartsTest {
  private static final double EPS = 1e-9;
  private static final long MINUTE = Timestamps.MICROS_PER_MINUTE;

  @TempDir static Path example;
  @TempDir static Path generated;

  @BeforeAll
  static void data() throws Exception {
    ExampleData.build(example);
    CliResult r =
        Cli.run(
            "sample",
            "--out",
            generated.toString(),
            "--days",
            "2",
            "--hosts",
            "40",
            "--start",
            "2025-11-03",
            "--seed",
            "11");
    assertEquals(0, r.exitCode(), r.err());
  }

  // ------------------------------------------------------------------------------ helpers

  /** Loads and classifies the whole window ending at the newest row, as the report job does. */
  private static ClassifiedRows rows(Path dir, int hoursBack, boolean exclusions) {
    DataSource source = DataSource.resolve(null, dir);
    long end = SlotSource.open(null, dir, 1).defaultEndTime().getAsLong();
    long start = Timestamps.of(Timestamps.toLocal(end).minusHours(hoursBack));
    TimeRange range = TimeRange.closed(start, end);
    SlotTable table = new SlotLoader(1).load(source.filesFor(range), range, Projection.ALLOCATION);
    ExclusionMap ex =
        exclusions
            ? ExclusionLoader.fromFile(dir.resolve("masked_hosts.yaml"), true)
            : ExclusionLoader.parse("{}", "test");
    // The sample's CHTC-owned machines are those of the worked example's list.
    ChtcOwnedHosts chtc =
        ChtcOwnedHosts.fromFile(example.resolve("chtc_owned_hosts.txt"), true, System.err);
    return RuleSets.named("reference").classify(table, new ClassifyRules(ex, chtc, ""));
  }

  private static Report.Context context(ClassifiedRows rows) {
    long[] t = rows.timestamps();
    return new Report.Context(
        "reference",
        t[0],
        t[t.length - 1],
        List.of(),
        new Report.Filtering(0, rows.size()),
        List.of(),
        0,
        LocalDateTime.of(2025, 12, 3, 8, 0));
  }

  private static Report.Window window(ClassifiedRows rows, int hoursBack) {
    long[] t = rows.timestamps();
    return new Report.Window(t[0], t[t.length - 1], hoursBack);
  }

  private static Report.Allocation exampleAllocation() {
    ClassifiedRows rows = rows(example, 24, true);
    return new Report.Allocation(
        window(rows, 24), Analyses.deviceAllocation(rows, false, 24), context(rows));
  }

  private static Report.Allocation generatedAllocation() {
    ClassifiedRows rows = rows(generated, 48, false);
    return new Report.Allocation(
        window(rows, 48), Analyses.deviceAllocation(rows, false, 48), context(rows));
  }

  private static DeviceAllocation.Included included(DeviceAllocation d) {
    return (DeviceAllocation.Included) d.classes();
  }

  private static Stat tableStat(DeviceAllocation d, BucketSeries.Line line) {
    if (line.slotClass() == null) {
      return included(d).backfill().total();
    }
    for (ClassStat c : included(d).real().classes()) {
      if (c.slotClass().equals(line.slotClass())) {
        return c.stat();
      }
    }
    throw new AssertionError("no Real Slots line for " + line.name());
  }

  /**
   * The series against the tables: per line, Σ_b claimed / N_all is the class total's allocatedAvg
   * and Σ_b total / N_all its availableAvg; each point is claimed / total * 100, or NaN (no point)
   * when the total is 0; the lines are the Real Slots classes, then Backfill TOTAL.
   */
  private static void assertConsistentWithTables(DeviceAllocation d) {
    BucketSeries s = d.buckets();
    int n = s.size();
    assertTrue(n > 0);
    for (int b = 1; b < n; b++) {
      assertTrue(s.starts()[b] > s.starts()[b - 1], "ascending buckets");
      assertEquals(0, Math.floorMod(s.starts()[b], 15 * MINUTE), "15-minute bucket starts");
    }
    List<String> expectedNames = new ArrayList<>();
    included(d).real().classes().forEach(c -> expectedNames.add(c.slotClass().displayName()));
    if (!included(d).backfill().classes().isEmpty()) {
      expectedNames.add(BucketSeries.BACKFILL_TOTAL);
    }
    assertEquals(expectedNames, s.lines().stream().map(BucketSeries.Line::name).toList());
    for (BucketSeries.Line l : s.lines()) {
      long claimed = 0;
      long total = 0;
      for (int b = 0; b < n; b++) {
        claimed += l.claimed()[b];
        total += l.total()[b];
        assertTrue(l.claimed()[b] <= l.total()[b], l.name());
        if (l.total()[b] == 0) {
          assertTrue(Double.isNaN(l.percent()[b]), l.name() + " bucket " + b);
        } else {
          assertEquals((double) l.claimed()[b] / l.total()[b] * 100, l.percent()[b], EPS);
        }
      }
      Stat table = tableStat(d, l);
      assertEquals(table.allocatedAvg(), (double) claimed / n, EPS, l.name() + " allocatedAvg");
      assertEquals(table.availableAvg(), (double) total / n, EPS, l.name() + " availableAvg");
    }
  }

  /** The y values of a series. */
  private static double[] ys(XYDataset ds, int series) {
    double[] out = new double[ds.getItemCount(series)];
    for (int i = 0; i < out.length; i++) {
      out[i] = ds.getYValue(series, i);
    }
    return out;
  }

  private static BufferedImage decode(byte[] png) throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(img, "a PNG that ImageIO decodes");
    return img;
  }

  private static CliResult cli(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                example.toString(),
                "--exclude-hosts-yaml",
                example.resolve("masked_hosts.yaml").toString(),
                "--chtc-owned",
                example.resolve("chtc_owned_hosts.txt").toString(),
                "--hours-back",
                "24"));
    args.addAll(Arrays.asList(extra));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  private static List<String> all(String regex, String s) {
    Matcher m = Pattern.compile(regex).matcher(s);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  // ------------------------------------------------------------------- the series vs. tables

  @Test
  void workedExampleSeriesAgreesWithTheTables() {
    DeviceAllocation d = exampleAllocation().device();
    assertConsistentWithTables(d);
    BucketSeries s = d.buckets();
    // Two snapshots: 10:00:05 and 10:15:04 fall in the buckets 10:00 and 10:15.
    assertArrayEquals(
        new long[] {
          Timestamps.parseUser("2025-11-03 10:00:00"), Timestamps.parseUser("2025-11-03 10:15:00")
        },
        s.starts());
    // The tables: Researcher 1.0/1.5, CHTC 1.5/2.0, Open Capacity 0.5/1.5, Backfill 1.0/3.0 over
    // N_all = 2, so the bucket sums add up to twice those.
    long[][] expectedSums = {{2, 3}, {3, 4}, {1, 3}, {2, 6}};
    for (int i = 0; i < 4; i++) {
      BucketSeries.Line l = s.lines().get(i);
      assertEquals(expectedSums[i][0], Arrays.stream(l.claimed()).sum(), l.name());
      assertEquals(expectedSums[i][1], Arrays.stream(l.total()).sum(), l.name());
    }
  }

  @Test
  void generatedDataSeriesAgreesWithTheTables() {
    DeviceAllocation d = generatedAllocation().device();
    assertEquals(192, d.buckets().size(), "two days of 15-minute buckets");
    assertEquals(4, d.buckets().lines().size());
    assertConsistentWithTables(d);
  }

  @Test
  void dailySeriesSumsTheDaysBuckets() {
    BucketSeries s = generatedAllocation().device().buckets();
    BucketSeries days = s.daily();
    assertEquals(1440, days.bucketMinutes());
    assertArrayEquals(
        new long[] {
          Timestamps.parseUser("2025-11-03 00:00:00"), Timestamps.parseUser("2025-11-04 00:00:00")
        },
        days.starts());
    for (int i = 0; i < s.lines().size(); i++) {
      BucketSeries.Line l = s.lines().get(i);
      BucketSeries.Line day = days.lines().get(i);
      assertEquals(l.name(), day.name());
      for (int k = 0; k < 2; k++) {
        long c = 0;
        long t = 0;
        for (int b = 96 * k; b < 96 * (k + 1); b++) {
          c += l.claimed()[b];
          t += l.total()[b];
        }
        assertEquals(c, day.claimed()[k]);
        assertEquals(t, day.total()[k]);
        assertEquals((double) c / t * 100, day.percent()[k], EPS);
      }
    }
  }

  // ----------------------------------------------------------------- chart data = report data

  @Test
  void overTimeChartPlotsTheBucketSeries() {
    Report.Allocation r = generatedAllocation();
    JFreeChart chart = OverTimeChart.of(r);
    XYDataset ds = ((XYPlot) chart.getPlot()).getDataset();
    BucketSeries s = r.device().buckets();
    assertEquals(s.lines().size(), ds.getSeriesCount());
    double[] starts = Arrays.stream(s.starts()).mapToDouble(t -> t / 1000.0).toArray();
    for (int i = 0; i < s.lines().size(); i++) {
      assertEquals(s.lines().get(i).name(), ds.getSeriesKey(i));
      // No data gap in the sample: one point per bucket, at its start (naive time as UTC millis).
      assertArrayEquals(s.lines().get(i).percent(), ys(ds, i), 0);
      double[] xs = new double[ds.getItemCount(i)];
      for (int k = 0; k < xs.length; k++) {
        xs[k] = ds.getXValue(i, k);
      }
      assertArrayEquals(starts, xs, 0);
    }
    assertEquals("Allocated %", ((XYPlot) chart.getPlot()).getRangeAxis().getLabel());
    assertNotNull(chart.getLegend());
  }

  @Test
  void aDataGapBreaksTheLine() {
    long t0 = Timestamps.parseUser("2025-11-03 10:00:00");
    long[] x = {t0, t0 + 15 * MINUTE, t0 + 180 * MINUTE};
    OverTime data =
        new OverTime(
            "t",
            "s",
            15,
            x[0],
            x[2],
            List.of(new OverTime.Line("a", ChartStyle.BLUE, false, x, new double[] {10, 20, 30})));
    XYDataset ds = ((XYPlot) OverTimeChart.lineChart(data).getPlot()).getDataset();
    assertArrayEquals(new double[] {10, 20, Double.NaN, 30}, ys(ds, 0), 0);
  }

  @Test
  void deviceChartPlotsTheDeviceTables() {
    Report.Allocation r = generatedAllocation();
    DeviceChart.DevicePanels panels = DeviceChart.panels(Charts.devicePanels(r), false);
    List<DeviceTable> tables = r.device().devices();
    assertEquals(tables.size(), panels.panels().size());
    for (int i = 0; i < tables.size(); i++) {
      DeviceTable t = tables.get(i);
      assertEquals(t.slotClass().displayName(), panels.names().get(i));
      CategoryDataset ds = ((CategoryPlot) panels.panels().get(i).getPlot()).getDataset();
      assertEquals(t.devices().size(), ds.getColumnCount());
      for (int k = 0; k < t.devices().size(); k++) {
        DeviceTable.Entry e = t.devices().get(k);
        assertEquals(e.displayName(), ds.getColumnKey(k).toString());
        double allocated = ds.getValue(DeviceChart.ALLOCATED, ds.getColumnKey(k)).doubleValue();
        double rest = ds.getValue(DeviceChart.UNALLOCATED, ds.getColumnKey(k)).doubleValue();
        assertEquals(e.stat().allocatedAvg(), allocated, 0);
        assertEquals(e.stat().availableAvg(), allocated + rest, EPS);
      }
    }
  }

  @Test
  void timeSeriesChartPlotsItsBuckets() {
    ClassifiedRows rows = rows(generated, 48, false);
    TimeSeries ts = Analyses.timeSeries(rows, 60);
    Report r = new Report.Series(window(rows, 48), ts, context(rows));
    XYDataset ds = ((XYPlot) OverTimeChart.of(r).getPlot()).getDataset();
    assertEquals(3, ds.getSeriesCount());
    assertEquals(48, ts.buckets().size());
    for (int c = 0; c < 3; c++) {
      assertEquals(
          ts.buckets().get(0).cells().get(c).legacyClass().printedName(), ds.getSeriesKey(c));
      double[] y = ys(ds, c);
      for (int b = 0; b < ts.buckets().size(); b++) {
        TimeSeries.Cell cell = ts.buckets().get(b).cells().get(c);
        assertEquals(cell.total() > 0 ? cell.percent() : Double.NaN, y[b], EPS);
        assertEquals(ts.buckets().get(b).start() / 1000.0, ds.getXValue(c, b), 0);
      }
    }
    assertEquals(
        List.of(Charts.OVER_TIME),
        Charts.of(r).stream().map(ChartImage::id).toList(),
        "no device chart for the time series");
  }

  @Test
  void monthlyChartPlotsDailyPercentages() {
    ClassifiedRows rows = rows(generated, 48, false);
    long first = Timestamps.parseUser("2025-11-01 00:00:00");
    Report.Month month =
        new Report.Month("November 2025", first, Timestamps.parseUser("2025-11-30 23:59:59"), 720);
    Report.Monthly r = new Report.Monthly(month, Analyses.monthly(rows, 720), context(rows));
    XYDataset ds = ((XYPlot) OverTimeChart.of(r).getPlot()).getDataset();
    BucketSeries days = r.device().buckets().daily();
    for (int i = 0; i < days.lines().size(); i++) {
      assertArrayEquals(days.lines().get(i).percent(), ys(ds, i), 0);
    }
    assertTrue(OverTime.of(r).title().contains("November 2025"));
  }

  // ------------------------------------------------------------------------------- the PNGs

  @Test
  void pngsDecodeAtTheirSize() throws Exception {
    for (Report.Allocation r : List.of(exampleAllocation(), generatedAllocation())) {
      List<ChartImage> charts = Charts.of(r);
      assertEquals(
          List.of(Charts.OVER_TIME, Charts.DEVICES), charts.stream().map(ChartImage::id).toList());
      for (ChartImage c : charts) {
        BufferedImage img = decode(c.png());
        assertEquals(c.width(), img.getWidth(), c.id());
        assertEquals(c.height(), img.getHeight(), c.id());
        assertEquals(ChartStyle.WIDTH, img.getWidth());
        assertFalse(c.alt().isBlank());
      }
      assertEquals(OverTimeChart.HEIGHT, charts.get(0).height());
      // The device chart grows with the number of device rows.
      int rowsShown = r.device().devices().stream().mapToInt(t -> t.devices().size()).sum();
      assertTrue(charts.get(1).height() >= 26 * rowsShown, charts.get(1).toString());
    }
  }

  @Test
  void aChartFailureIsOneWarningAndNoCharts() {
    // A series line without its percentages cannot be charted: the report goes on without charts.
    Report.Allocation good = exampleAllocation();
    DeviceAllocation d = good.device();
    BucketSeries.Line line = d.buckets().lines().get(0);
    BucketSeries buckets =
        new BucketSeries(
            d.buckets().bucketMinutes(),
            d.buckets().starts(),
            List.of(new BucketSeries.Line(line.name(), null, line.claimed(), line.total(), null)));
    Report broken =
        new Report.Allocation(
            good.window(),
            new DeviceAllocation(d.classes(), d.devices(), d.subjectPercents(), buckets),
            good.context());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<ChartImage> charts =
        HtmlReport.charts(broken, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(List.of(), charts);
    String warning = err.toString(StandardCharsets.UTF_8);
    assertTrue(warning.startsWith("Warning: charts disabled: "), warning);
    assertEquals(1, warning.lines().count(), warning);
  }

  // ------------------------------------------------------------------------------- the page

  @Test
  void htmlEmbedsTheChartsAsDataUris() throws Exception {
    String html = cli("--output-format", "html").out();
    List<String> data = all("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"", html);
    assertEquals(2, data.size());
    List<String> alts = all("<img [^>]*alt=\"([^\"]*)\"", html);
    assertEquals(2, alts.size());
    assertTrue(
        alts.get(0).startsWith("Line chart: Allocated % over time, 11-03 10:00 to 11-03 10:15."),
        alts.get(0));
    assertTrue(alts.get(0).contains("Prioritized (Researcher Owned) 66.7%"), alts.get(0));
    assertTrue(alts.get(0).contains("Backfill TOTAL 33.3%"), alts.get(0));
    assertTrue(alts.get(1).startsWith("Bar chart: allocated vs. available GPUs"), alts.get(1));
    assertTrue(alts.get(1).contains("Open Capacity: L40S 0.5 of 1.5"), alts.get(1));
    List<String> sizes = all("<img [^>]*(width=\"\\d+\" height=\"\\d+\")", html);
    for (int i = 0; i < 2; i++) {
      BufferedImage img = decode(Base64.getDecoder().decode(data.get(i)));
      assertEquals(
          "width=\"" + img.getWidth() + "\" height=\"" + img.getHeight() + "\"", sizes.get(i));
    }
    // Placement: the line chart under its own heading after Backfill Slots, the device chart
    // at the top of Usage by Device Type.
    int over = html.indexOf(">Allocation over Time</h2>");
    assertTrue(over > html.indexOf(">Backfill Slots</h2>") && over < html.indexOf(data.get(0)));
    int devices = html.indexOf(">Usage by Device Type (filtered)</h2>");
    assertTrue(
        devices < html.indexOf(data.get(1))
            && html.indexOf(data.get(1)) < html.indexOf(">Prioritized (Researcher Owned)</h3>"));
    // Still self-contained: nothing external, no script.
    assertFalse(html.toLowerCase().contains("<script"));
    assertFalse(html.contains("http://") || html.contains("https://"));
  }

  @Test
  void noChartsLeavesTheTablesAndTheTextUnchanged() {
    String charted = cli("--output-format", "html").out();
    String plain = cli("--output-format", "html", "--no-charts").out();
    assertFalse(plain.contains("<img"));
    assertFalse(plain.contains("Allocation over Time"));
    // The charted page is the plain page plus the chart blocks.
    String stripped =
        charted
            .replaceAll("<h2[^>]*>Allocation over Time</h2>\n", "")
            .replaceAll("<div style=\"margin:12px 0 6px 0;\"><img [^>]*></div>\n", "");
    assertEquals(plain, stripped);
    // The text and JSON reports have no charts: --no-charts changes nothing there.
    assertEquals(cli().out(), cli("--no-charts").out());
    assertEquals(
        cli("--output-format", "json").out(), cli("--output-format", "json", "--no-charts").out());
  }

  @Test
  void otherAnalysesHaveTheirCharts() throws Exception {
    assertEquals(
        1,
        all("(<img )", cli("--output-format", "html", "--analysis-type", "timeseries").out())
            .size());
    assertEquals(
        0, all("(<img )", cli("--output-format", "html", "--no-group-by-device").out()).size());
  }
}
