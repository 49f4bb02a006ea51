package io.gpureport.render;

import io.gpureport.aggregate.HostRow;
import io.gpureport.aggregate.HostsTable;
import io.gpureport.aggregate.IdleStretch;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.Map;

/**
 * {@code gpureport hosts} as JSON (README, "hosts JSON"): stable field names, numbers unrounded
 * (docs/metrics.md, "JSON"), counts of GPU-snapshots next to their percentages.
 */
public final class HostsJson {
  private HostsJson() {}

  /** The JSON output. */
  public static String render(HostsText.Header h, HostsTable t) {
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.name("rules").value(h.rules());
    w.name("window").beginObject();
    w.name("start").value(Timestamps.formatSeconds(h.start()));
    w.name("end").value(Timestamps.formatSeconds(h.end()));
    w.name("hoursBack").value(h.hoursBack());
    w.endObject();
    w.name("snapshots").value(t.snapshots());
    w.name("medianSpacingSeconds").value(t.medianSpacing() / (double) Timestamps.MICROS_PER_SECOND);
    w.name("hosts").beginArray();
    for (HostRow r : t.hosts()) {
      w.beginObject();
      w.name("host").value(r.host());
      w.name("category").value(r.category().key());
      w.name("device").value(r.device().isEmpty() ? null : DeviceModels.displayName(r.device()));
      w.name("devices").beginArray();
      for (String d : r.devices()) {
        w.value(d);
      }
      w.endArray();
      w.name("gpus").value(r.gpus());
      w.name("allocatedPercent").value(r.allocatedPercent());
      w.name("gpuSnapshots").value(r.gpuSnapshots());
      state(w, "busy", r.busy(), r);
      state(w, "backfill", r.backfill(), r);
      state(w, "idle", r.idle(), r);
      state(w, "unavailable", r.unavailable(), r);
      w.name("unavailableByState").beginObject();
      for (Map.Entry<String, Long> e : r.unavailableByState().entrySet()) {
        w.name(e.getKey()).value(e.getValue());
      }
      w.endObject();
      state(w, "absent", r.absent(), r);
      state(w, "noData", r.noData(), r);
      w.name("neverClaimed").value(r.neverClaimed());
      w.name("longestIdle");
      if (r.longestIdle() == null) {
        w.nullValue();
      } else {
        stretch(w, r.longestIdle(), false);
      }
      w.name("lastSeen").value(Timestamps.formatSeconds(r.lastSeen()));
      w.endObject();
    }
    w.endArray();
    if (h.gaps()) {
      w.name("minIdleHours").value(h.minIdleHours());
      w.name("idleStretches").beginArray();
      for (IdleStretch x : t.stretches()) {
        stretch(w, x, true);
      }
      w.endArray();
    }
    w.endObject();
    return w.finish();
  }

  private static void state(JsonWriter w, String name, long count, HostRow r) {
    w.name(name).beginObject();
    w.name("gpuSnapshots").value(count);
    w.name("percent").value(r.percent(count));
    w.endObject();
  }

  private static void stretch(JsonWriter w, IdleStretch x, boolean withHost) {
    w.beginObject();
    if (withHost) {
      w.name("host").value(x.host());
    }
    w.name("gpu").value(x.gpu());
    w.name("start").value(Timestamps.formatSeconds(x.start()));
    w.name("end").value(Timestamps.formatSeconds(x.end()));
    w.name("hours").value(x.hours());
    w.name("open").value(x.open());
    w.endObject();
  }
}
