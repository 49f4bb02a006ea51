package io.gpureport.report;

import io.gpureport.config.ExclusionMap;
import io.gpureport.rollup.RollupStore;

/**
 * The rollup cache's keys (docs/decisions/0005-rollups.md, "Key"): everything of a request that can
 * change a number of a day's part, spelled out (each value length-prefixed, so no two requests give
 * the same text), and the part's bounds. The data are not in the key but in the entry's validity
 * facts.
 */
final class RollupKeys {
  private RollupKeys() {}

  /** The request's part of every key of a windowed analysis. */
  static String base(ReportRequest req, ReportRequest.Windowed analysis) {
    StringBuilder b = new StringBuilder("gpureport-rollup|");
    field(b, "version", RollupStore.programVersion());
    field(b, "rules", req.filters().rules().name());
    if (analysis instanceof ReportRequest.Allocation a) {
      field(b, "analysis", "allocation");
      field(b, "group-by-device", Boolean.toString(a.groupByDevice()));
      field(b, "all-devices", Boolean.toString(a.allDevices()));
    } else {
      ReportRequest.Timeseries t = (ReportRequest.Timeseries) analysis;
      field(b, "analysis", "timeseries");
      field(b, "bucket-minutes", Integer.toString(t.bucketMinutes()));
      field(b, "all-devices", Boolean.toString(t.allDevices()));
    }
    field(b, "host", analysis.host());
    return filters(b, req);
  }

  /**
   * The request's part of every key of the monthly analysis over a month of {@code hours} (the
   * reference rules ignore {@code --host} and {@code --all-devices} there: docs/metrics.md, L20).
   */
  static String monthly(ReportRequest req, int hours) {
    StringBuilder b = new StringBuilder("gpureport-rollup|");
    field(b, "version", RollupStore.programVersion());
    field(b, "rules", req.filters().rules().name());
    field(b, "analysis", "monthly");
    field(b, "hours", Integer.toString(hours));
    field(b, "host", "");
    return filters(b, req);
  }

  /** The exclusions, the CHTC-owned list and {@code --explain-rules}, appended to {@code b}. */
  private static String filters(StringBuilder b, ReportRequest req) {
    field(b, "explain-rules", Boolean.toString(req.filters().v2().explainRules()));
    ExclusionMap exclusions = req.filters().exclusions();
    b.append("exclusions=").append(exclusions.entries().size()).append('|');
    for (ExclusionMap.Entry e : exclusions.entries()) {
      field(b, "pattern", e.pattern());
      field(b, "reason", e.reason());
    }
    b.append("chtc=").append(req.filters().chtcOwned().hosts().size()).append('|');
    for (String h : req.filters().chtcOwned().hosts()) {
      field(b, "host", h);
    }
    return b.toString();
  }

  /** The key of the part {@code [from, to)} (or {@code [from, to]} when {@code closed}). */
  static String part(String base, long from, long to, boolean closed) {
    return base + "part=" + from + "," + to + (closed ? "]" : ")");
  }

  /** The key of the default end time of the data (not of a request). */
  static String end() {
    return "gpureport-rollup-end|version=" + RollupStore.programVersion();
  }

  private static void field(StringBuilder b, String name, String value) {
    if (value == null) {
      b.append(name).append("=-1|");
      return;
    }
    b.append(name).append('=').append(value.length()).append(':').append(value).append('|');
  }
}
