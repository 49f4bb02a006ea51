package io.gpureport.render;

import static io.gpureport.render.ChartStyle.WIDTH;

import io.gpureport.aggregate.CorrectedReport;
import io.gpureport.aggregate.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of the HTML report and the e-mail, drawn with JFreeChart to PNG from the computed
 * {@link Report} (no second computation): allocation over time (allocation: per 15-minute bucket;
 * monthly: per day; time series: its buckets; {@link OverTimeChart}) and allocated vs. available
 * GPUs by device type ({@link DeviceChart}). The look is {@link ChartStyle}'s.
 */
final class Charts {
  static {
    ChartStyle.setUp();
  }

  static final String OVER_TIME = "over-time";
  static final String DEVICES = "devices";

  private Charts() {}

  /**
   * The device chart's panels: the reference device tables, or the device tables v2 (one panel per
   * class, its qualified label); none for the allocation summary and the time series.
   */
  static List<DeviceChart.Panel> devicePanels(Report r) {
    if (r instanceof Report.DeviceTables withDevices) {
      return DeviceChart.panels(withDevices.device());
    }
    if (r instanceof Report.Corrected corrected
        && corrected.result().tables() instanceof CorrectedReport.ByDevice d) {
      return DeviceChart.panels(d);
    }
    return List.of();
  }

  /** The charts of a report in page order; empty for the non-device allocation summary. */
  static List<ChartImage> of(Report r) {
    List<ChartImage> out = new ArrayList<>();
    OverTime data = OverTime.of(r);
    if (data != null) {
      int height = OverTimeChart.HEIGHT;
      out.add(
          new ChartImage(
              OVER_TIME,
              data.title(),
              OverTimeChart.alt(r, data),
              WIDTH,
              height,
              ChartPng.of(OverTimeChart.lineChart(data), WIDTH, height)));
    }
    List<DeviceChart.Panel> panels = devicePanels(r);
    DeviceChart.DevicePanels devices = DeviceChart.panels(panels, r.reportedMonth().isPresent());
    if (devices != null) {
      out.add(
          new ChartImage(
              DEVICES,
              devices.title(),
              DeviceChart.alt(panels),
              WIDTH,
              devices.height(),
              devices.png()));
    }
    return out;
  }
}
