package io.gpureport.report;

import io.gpureport.aggregate.UsersTable;
import io.gpureport.classify.RuleSets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The validated options of {@code gpureport users} (README, "users options"): the report's source,
 * window and filters ({@link ReportRequest}'s own records; the reference rules), its {@code
 * --host}, what to show, {@code --by-device}, {@code --series}, the output and the report's e-mail
 * delivery.
 */
public record UsersRequest(
    ReportRequest.Source source,
    ReportRequest.Window window,
    ReportRequest.Filters filters,
    String host,
    UsersTable.Selection selection,
    boolean byDevice,
    boolean series,
    TableFormat format,
    Path file,
    ReportRequest.Delivery delivery,
    boolean verbose) {

  public UsersRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(delivery, "delivery");
    if (filters.rules().name().equals(RuleSets.CORRECTED)) {
      throw new IllegalArgumentException("users with rules " + filters.rules().name());
    }
  }
}
