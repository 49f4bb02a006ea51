package io.gpureport.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The validated options of {@code gpureport site}: the report's {@code source} and {@code filters},
 * the site folder {@code out}, the time the site is made for ({@code endTime}, naive epoch
 * microseconds; null: the newest data), and whether the report pages draw charts.
 */
public record SiteRequest(
    ReportRequest.Source source,
    ReportRequest.Filters filters,
    String host,
    Path out,
    Long endTime,
    boolean charts,
    boolean verbose) {
  public SiteRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(out, "out");
  }
}
