package io.gpureport.render;

import static io.gpureport.render.ChartStyle.WIDTH;

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
    if (r instanceof Report.DeviceTables withDevices) {
      DeviceChart.DevicePanels devices = DeviceChart.panels(withDevices);
      if (devices != null) {
        out.add(
            new ChartImage(
                DEVICES,
                devices.title(),
                DeviceChart.alt(withDevices.device()),
                WIDTH,
                devices.height(),
                devices.png()));
      }
    }
    return out;
  }
}
