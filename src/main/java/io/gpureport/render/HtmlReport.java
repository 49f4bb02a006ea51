package io.gpureport.render;

import io.gpureport.aggregate.Report;

/** The HTML report of SEMANTICS §10 (stub until the FreeMarker templates land). */
public final class HtmlReport {
  private HtmlReport() {}

  /** Renders a report as an HTML page. */
  public static String render(Report r) {
    throw new io.gpureport.GpuReportException("HTML output is not implemented yet");
  }
}
