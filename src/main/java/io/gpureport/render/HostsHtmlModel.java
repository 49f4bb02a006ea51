package io.gpureport.render;

import java.util.List;

/**
 * The view model of {@code gpureport hosts --output-format html} (README, "hosts"): preformatted
 * strings only, laid out by {@code templates/hosts.html.ftlh}, which computes nothing and escapes
 * every one of them.
 */
public final class HostsHtmlModel {
  private HostsHtmlModel() {}

  /**
   * The whole page: the title band, the two lines about the snapshots, the host sections (one per
   * category when {@code grouped}, else one untitled section whose rows name their category and
   * device), with {@code gaps} the idle stretches under {@code gapsHeading}, and the footer.
   */
  public record Page(
      String title,
      String heading,
      String period,
      String rules,
      String snapshots,
      String legend,
      boolean grouped,
      List<Section> sections,
      boolean gaps,
      String gapsHeading,
      List<StretchRow> stretches,
      String dataPeriod,
      String runtime,
      String generated) {
    public Page {
      sections = List.copyOf(sections);
      stretches = List.copyOf(stretches);
    }
  }

  /** A category (empty when not grouped) and its device groups. */
  public record Section(String category, List<DeviceGroup> devices) {
    public Section {
      devices = List.copyOf(devices);
    }
  }

  /** A device display name (empty when not grouped) and its hosts, in the table's order. */
  public record DeviceGroup(String device, List<HostLine> hosts) {
    public DeviceGroup {
      hosts = List.copyOf(hosts);
    }
  }

  /**
   * One host: its name, category label and device display name, then the formatted columns; {@code
   * longestIdle} is {@code "-"} when no GPU of the host was idle.
   */
  public record HostLine(
      String host,
      String category,
      String device,
      String gpus,
      String allocated,
      String busy,
      String backfill,
      String idle,
      String unavailable,
      String absent,
      String noData,
      String neverClaimed,
      String longestIdle,
      String lastSeen) {}

  /** One idle stretch of {@code --gaps}: hours, GPU id, host, start and end ({@code open}). */
  public record StretchRow(String hours, String gpu, String host, String from, String to) {}
}
