package io.gpureport.render;

import io.gpureport.aggregate.HostRow;
import io.gpureport.aggregate.HostsTable;
import io.gpureport.aggregate.IdleStretch;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.List;

/** {@code gpureport hosts} as CSV ({@link Csv}: RFC 4180), numbers unrounded as in JSON. */
public final class HostsCsv {
  private HostsCsv() {}

  /** One row per host. */
  public static String hosts(HostsTable t) {
    StringBuilder b = new StringBuilder();
    Csv.row(
        b,
        List.of(
            "host",
            "category",
            "device",
            "devices",
            "gpus",
            "allocated_percent",
            "gpu_snapshots",
            "busy_percent",
            "backfill_percent",
            "idle_percent",
            "unavailable_percent",
            "absent_percent",
            "no_data_percent",
            "never_claimed",
            "longest_idle_hours",
            "longest_idle_gpu",
            "longest_idle_start",
            "longest_idle_open",
            "last_seen"));
    for (HostRow r : t.hosts()) {
      IdleStretch x = r.longestIdle();
      Csv.row(
          b,
          List.of(
              r.host(),
              r.category().key(),
              DeviceModels.displayName(r.device()),
              String.join(";", r.devices()),
              Integer.toString(r.gpus()),
              Numbers.json(r.allocatedPercent()),
              Long.toString(r.gpuSnapshots()),
              Numbers.json(r.percent(r.busy())),
              Numbers.json(r.percent(r.backfill())),
              Numbers.json(r.percent(r.idle())),
              Numbers.json(r.percent(r.unavailable())),
              Numbers.json(r.percent(r.absent())),
              Numbers.json(r.percent(r.noData())),
              Integer.toString(r.neverClaimed()),
              x == null ? "" : Numbers.json(x.hours()),
              x == null ? "" : x.gpu(),
              x == null ? "" : Timestamps.formatSeconds(x.start()),
              x == null ? "" : Boolean.toString(x.open()),
              Timestamps.formatSeconds(r.lastSeen())));
    }
    return b.toString();
  }

  /** One row per idle stretch ({@code --gaps}), longest first. */
  public static String stretches(HostsTable t) {
    StringBuilder b = new StringBuilder();
    Csv.row(b, List.of("host", "gpu", "start", "end", "hours", "open"));
    for (IdleStretch x : t.stretches()) {
      Csv.row(
          b,
          List.of(
              x.host(),
              x.gpu(),
              Timestamps.formatSeconds(x.start()),
              Timestamps.formatSeconds(x.end()),
              Numbers.json(x.hours()),
              Boolean.toString(x.open())));
    }
    return b.toString();
  }
}
