package io.gpureport.render;

import io.gpureport.aggregate.TrendRow;
import io.gpureport.load.Timestamps;
import java.util.List;
import java.util.Locale;

/** {@code gpureport trend} as JSON (README, "trend"): numbers unrounded, bucket counts included. */
public final class TrendJson {
  private TrendJson() {}

  /** The JSON output. */
  public static String render(TrendText.Header h, List<TrendRow> rows) {
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.name("rules").value(h.rules());
    w.name("period").value(h.period().name().toLowerCase(Locale.ROOT));
    w.name("range").beginObject();
    w.name("from").value(Timestamps.formatSeconds(h.from()));
    w.name("to").value(Timestamps.formatSeconds(h.to()));
    w.endObject();
    w.name("definitions").value(TrendText.DEFINITIONS_LINE);
    w.name("rows").beginArray();
    for (TrendRow r : rows) {
      w.beginObject();
      w.name("start").value(r.start().toString());
      w.name("end").value(r.end().toString());
      w.name("partial").value(r.partial());
      w.name("class").value(r.poolClass());
      w.name("avgAllocated").value(r.avgAllocated());
      w.name("avgAvailable").value(r.avgAvailable());
      w.name("allocatedPercent").value(r.allocatedPercent());
      w.name("claimedGpuHours").value(r.claimedGpuHours());
      w.name("bucketsWithData").value(r.bucketsWithData());
      w.name("bucketsInPeriod").value(r.bucketsInPeriod());
      w.name("coveragePercent").value(r.coveragePercent());
      w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.finish();
  }
}
