package io.gpureport.render;

import java.util.List;

/**
 * The view model of the HTML report v2 (docs/metrics.md, "Rule set corrected", HTML v2):
 * preformatted strings only, laid out by {@code templates/corrected.html.ftlh}, which escapes every
 * one of them.
 */
public final class CorrectedHtmlModel {
  private CorrectedHtmlModel() {}

  /**
   * The whole page v2. On the device path {@code realSlots}, {@code memory} and {@code
   * deviceClasses} are set and {@code summary} is null; with {@code --no-group-by-device} the
   * reverse. {@code h200Users}, {@code backfillUsers}, {@code hostTable}, {@code filteredModels}
   * and {@code deviceChart} are null when the section (or the chart) is not shown. {@code filtered}
   * is {@code " (filtered)"} or empty.
   */
  public record Page(
      HtmlModel.Frame frame,
      String rules,
      String filtered,
      StatTable realSlots,
      StatTable memory,
      List<HtmlModel.UserRow> h200Users,
      List<HtmlModel.UserRow> backfillUsers,
      StatTable summary,
      ZeroActive zeroActive,
      List<DeviceClass> deviceClasses,
      HtmlModel.Chart deviceChart,
      List<HostRow> hostTable,
      Draining draining,
      Prevented prevented,
      List<FilteredModel> filteredModels,
      List<Methodology.Block> methodology,
      String flagshipModels) {}

  /** A table with a label column and the five stat columns. */
  public record StatTable(String labelHeader, List<StatRow> rows) {}

  /**
   * One row of a stat table: a {@code group} row has only its label, spanning the table; {@code
   * indent} is the label cell's left padding (CSS length) by the row's level.
   */
  public record StatRow(
      String label,
      String percent,
      String allocated,
      String drained,
      String available,
      String prevented,
      boolean emphasised,
      boolean group,
      String indent) {}

  /** One class of Usage by Device Type: its qualified label and its table (TOTAL first). */
  public record DeviceClass(String name, StatTable table) {}

  /** F6: the summary paragraph (or the "No machine …" one) and the machines. */
  public record ZeroActive(String summary, List<ZeroRow> machines) {}

  /** One machine of F6; the projects untruncated. */
  public record ZeroRow(
      String machine, String gpuType, String gpus, String backfill, String projects) {}

  /** One row of the host table (F7); an {@code excluded} host row is styled apart. */
  public record HostRow(
      String label,
      String gpus,
      String percent,
      String allocated,
      String drained,
      String available,
      boolean emphasised,
      String indent,
      boolean excluded) {}

  /** F5: the summary table and the hosts, or the {@code message} when nothing was drained. */
  public record Draining(List<Metric> summary, List<DrainRow> hosts, String message) {}

  /** One line of a Metric / Value table. */
  public record Metric(String name, String value) {}

  /** One host of F5. */
  public record DrainRow(String host, String gpus, String intervals, String hours) {}

  /** F4: the lines of the summary paragraph (or the single-line message), and the hosts. */
  public record Prevented(List<String> summary, List<PreventRow> hosts) {}

  /** One host of F4; the reasons joined with {@code "; "}. */
  public record PreventRow(
      String host, String gpus, String status, String lastSeen, String reasons) {}

  /** One model the filter removed (C10). */
  public record FilteredModel(String model, String available) {}
}
