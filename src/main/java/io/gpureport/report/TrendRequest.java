package io.gpureport.report;

import io.gpureport.aggregate.Trend;
import io.gpureport.classify.RuleSets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The validated options of {@code gpureport trend} (README, "trend options"): the report's source,
 * window and filters (the reference rules), {@code --host}, the period, the range's bounds in naive
 * epoch microseconds ({@code from}, {@code to} exclusive; both null: the window's), {@code
 * --complete-only}, the rollup cache (null: none), the output ({@code charts}: false with {@code
 * --no-charts}) and the report's e-mail delivery.
 */
public record TrendRequest(
    ReportRequest.Source source,
    ReportRequest.Window window,
    ReportRequest.Filters filters,
    String host,
    Trend.Period period,
    Long from,
    Long to,
    boolean completeOnly,
    Path cacheDir,
    TableFormat format,
    Path file,
    boolean charts,
    ReportRequest.Delivery delivery,
    boolean verbose) {

  public TrendRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(delivery, "delivery");
    if ((from == null) != (to == null)) {
      throw new IllegalArgumentException("one of from, to");
    }
    if (filters.rules().name().equals(RuleSets.CORRECTED)) {
      throw new IllegalArgumentException("trend with rules " + filters.rules().name());
    }
  }
}
