package io.gpureport.report;

import io.gpureport.aggregate.CorrectedFold;
import io.gpureport.aggregate.ReportFold;
import io.gpureport.aggregate.RuleEffectsFold;
import io.gpureport.aggregate.WindowFold;
import io.gpureport.classify.RuleSets;
import io.gpureport.load.Projection;

/**
 * Which fold a request needs and what it loads (docs/decisions/0003-corrected-rules.md): the
 * reference rules' {@link ReportFold}, the corrected rules' {@link CorrectedFold}, or the rule
 * effects of {@code --explain-rules} ({@link RuleEffectsFold}).
 */
final class Folds {
  private Folds() {}

  /** Whether the request's rule set is corrected, whose report is the report v2. */
  static boolean corrected(ReportRequest req) {
    return req.filters().rules().name().equals(RuleSets.CORRECTED);
  }

  /** Whether the request asks for the rule effects of {@code --explain-rules}. */
  static boolean explain(ReportRequest req) {
    return req.filters().v2().explainRules();
  }

  /** The columns a windowed analysis loads; {@code host}: its {@code --host}. */
  static Projection projection(ReportRequest req, String host) {
    if (corrected(req)) {
      return Projection.CORRECTED;
    }
    return host.isEmpty() ? Projection.ALLOCATION : Projection.ALLOCATION_WITH_NAMES;
  }

  /** The fold of a windowed analysis. */
  static WindowFold forWindow(ReportRequest req) {
    if (req.analysis() instanceof ReportRequest.Allocation allocation) {
      if (explain(req)) {
        return new RuleEffectsFold(allocation.allDevices());
      }
      if (corrected(req)) {
        return corrected(req, allocation.groupByDevice(), allocation.allDevices());
      }
      return allocation.groupByDevice()
          ? ReportFold.forDeviceAllocation(
              req.filters().rules().classes(), allocation.allDevices(), req.window().hoursBack())
          : ReportFold.forAllocationSummary(req.filters().rules().classes());
    }
    ReportRequest.Timeseries series = (ReportRequest.Timeseries) req.analysis();
    if (corrected(req)) {
      return new CorrectedFold(
          req.filters().rules().classes(),
          CorrectedFold.Options.timeSeries(series.bucketMinutes(), series.allDevices()));
    }
    return ReportFold.forTimeSeries(req.filters().rules().classes(), series.bucketMinutes());
  }

  /** The fold of the monthly analysis over a month of {@code hours}. */
  static WindowFold forMonth(ReportRequest req, int hours) {
    ReportRequest.Monthly monthly = (ReportRequest.Monthly) req.analysis();
    if (explain(req)) {
      return new RuleEffectsFold(monthly.allDevices());
    }
    if (corrected(req)) {
      return corrected(req, true, monthly.allDevices());
    }
    return ReportFold.forMonthly(req.filters().rules().classes(), hours);
  }

  /** The report v2's fold (docs/metrics.md, "Rule set corrected"). */
  private static CorrectedFold corrected(
      ReportRequest req, boolean groupByDevice, boolean allDevices) {
    ReportRequest.ReportV2 v2 = req.filters().v2();
    return new CorrectedFold(
        req.filters().rules().classes(),
        new CorrectedFold.Options(
            groupByDevice, allDevices, v2.hostTable(), v2.flagshipModels(), 0));
  }
}
