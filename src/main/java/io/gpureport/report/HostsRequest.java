package io.gpureport.report;

import io.gpureport.aggregate.HostsTable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The validated options of {@code gpureport hosts} (README, "hosts options"): the report's source,
 * window and filters ({@link ReportRequest}'s own records), its {@code --host}, what to show, the
 * output, whether the idle stretches are listed ({@code --gaps}) and the report's e-mail delivery.
 */
public record HostsRequest(
    ReportRequest.Source source,
    ReportRequest.Window window,
    ReportRequest.Filters filters,
    String host,
    HostsTable.Selection selection,
    boolean gaps,
    Format format,
    Path file,
    ReportRequest.Delivery delivery,
    boolean verbose) {

  public HostsRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(delivery, "delivery");
    if (filters.v2().explainRules()) {
      throw new IllegalArgumentException("rule effects of hosts");
    }
  }

  /** The formats of {@code --output-format}. */
  public enum Format {
    TEXT,
    HTML,
    JSON,
    CSV
  }
}
