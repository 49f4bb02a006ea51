package io.gpureport.report;

import io.gpureport.aggregate.Timeline;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The validated options of {@code gpureport timeline} (README, "timeline options"): the report's
 * source, window and filters ({@link ReportRequest}'s own records), its {@code --host}, the bucket
 * width, the hosts shown and the output.
 */
public record TimelineRequest(
    ReportRequest.Source source,
    ReportRequest.Window window,
    ReportRequest.Filters filters,
    String host,
    int bucketMinutes,
    Timeline.Selection selection,
    Format format,
    Path file,
    boolean verbose) {

  public TimelineRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(format, "format");
    if (bucketMinutes < 1) {
      throw new IllegalArgumentException("bucket minutes " + bucketMinutes);
    }
    if (filters.v2().explainRules()) {
      throw new IllegalArgumentException("rule effects of timeline");
    }
  }

  /** The formats of {@code --output-format}. */
  public enum Format {
    TEXT,
    HTML,
    PNG
  }
}
