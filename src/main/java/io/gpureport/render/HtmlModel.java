package io.gpureport.render;

import java.util.List;

/**
 * The view model of the HTML report (docs/metrics.md, "HTML"): preformatted strings only. The
 * template computes and rounds nothing; it lays these strings out and FreeMarker escapes every one
 * of them.
 */
public final class HtmlModel {
  private HtmlModel() {}

  /**
   * The whole page. Exactly one of {@code deviceClasses} (device path, with the optional summary
   * tables before it), {@code summary} (non-device path) and {@code timeSeries} is non-null. The
   * charts are null when there are none ({@code --no-charts}, or they could not be drawn).
   */
  public record Page(
      String title,
      String heading,
      String period,
      StatTable real,
      StatTable memory,
      StatTable backfill,
      List<UserRow> h200Users,
      List<UserRow> backfillUsers,
      List<DeviceClass> deviceClasses,
      StatTable summary,
      TimeSeriesView timeSeries,
      List<Exclusion> exclusions,
      List<Methodology.Block> methodology,
      List<String> chtcOwnedHosts,
      String dataPeriod,
      String runtime,
      String generated,
      Chart overTimeChart,
      Chart deviceChart) {}

  /**
   * What every page has around its sections: the title band ({@code title}, {@code heading}, {@code
   * period}) and, after them, the excluded hosts, the CHTC-owned machines, the data period and the
   * footer ({@code runtime}, {@code generated}).
   */
  public record Frame(
      String title,
      String heading,
      String period,
      List<Exclusion> exclusions,
      List<String> chtcOwnedHosts,
      String dataPeriod,
      String runtime,
      String generated) {
    public Frame {
      exclusions = List.copyOf(exclusions);
      chtcOwnedHosts = List.copyOf(chtcOwnedHosts);
    }
  }

  /**
   * A chart image: {@code src} is a {@code data:image/png;base64,} URI (the HTML file) or a {@code
   * cid:} URL (the e-mail); {@code heading} is the section heading before it, or null for none.
   */
  public record Chart(String heading, String src, String alt, int width, int height) {}

  /**
   * A four-column table: label, {@code Allocated %}, {@code Allocated (avg.)}, {@code Available
   * (avg.)}.
   */
  public record StatTable(String labelHeader, List<StatRow> rows) {}

  /**
   * One row; {@code emphasised} for TOTAL rows. Numbers are already formatted (docs/metrics.md,
   * "Rounding and evaluation order").
   */
  public record StatRow(
      String label, String percent, String allocated, String available, boolean emphasised) {}

  /** A row of a GPU-hours table: a class row ({@code classRow}) or an indented user row. */
  public record UserRow(String label, String hours, String percent, boolean classRow) {}

  /** A class heading of "Usage by Device Type" with its device table. */
  public record DeviceClass(String name, StatTable table) {}

  /** The time-series summary and the Recent Trend rows. */
  public record TimeSeriesView(
      StatTable summary, List<String> trendClasses, List<TrendRow> trend) {}

  /** One Recent Trend row: the bucket label and one {@code <p>% (<c>/<t>)} cell per class. */
  public record TrendRow(String bucket, List<String> cells) {}

  /** One excluded-hosts row. */
  public record Exclusion(String host, String reason) {}
}
