package io.gpureport.render;

import io.gpureport.aggregate.UserRow;
import io.gpureport.aggregate.UsersTable;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;

/**
 * {@code gpureport users} as JSON (README, "users"): numbers unrounded (docs/metrics.md, "JSON"),
 * with {@code --series} the window's bucket starts and every row's value per bucket.
 */
public final class UsersJson {
  private UsersJson() {}

  /** The JSON output. */
  public static String render(UsersText.Header h, UsersTable t, boolean series) {
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.name("rules").value(h.rules());
    w.name("window").beginObject();
    w.name("start").value(Timestamps.formatSeconds(h.start()));
    w.name("end").value(Timestamps.formatSeconds(h.end()));
    w.name("hoursBack").value(h.hoursBack());
    w.endObject();
    w.name("bucketMinutes").value(t.bucketMinutes());
    w.name("buckets").value(t.buckets().size());
    w.name("definitions").value(UsersText.DEFINITIONS_LINE);
    w.name("classes").beginArray();
    for (UsersTable.ClassTotal c : t.totals()) {
      w.beginObject();
      w.name("class").value(c.poolClass().key());
      w.name("gpuHours").value(c.gpuHours());
      w.name("peakGpus").value(c.peakGpus());
      w.name("peakAt").value(Timestamps.formatSeconds(c.peakAt()));
      w.endObject();
    }
    w.endArray();
    if (series) {
      w.name("bucketStarts").beginArray();
      for (long s : t.buckets()) {
        w.value(Timestamps.formatSeconds(s));
      }
      w.endArray();
    }
    w.name("users").beginArray();
    for (UserRow r : t.rows()) {
      w.beginObject();
      w.name("user").value(r.user());
      w.name("class").value(r.poolClass().key());
      if (h.byDevice()) {
        w.name("device").value(DeviceModels.displayName(r.device()));
      }
      w.name("peakGpus").value(r.peakGpus());
      w.name("peakAt").value(Timestamps.formatSeconds(r.peakAt()));
      w.name("meanGpus").value(r.meanGpus());
      w.name("gpuHours").value(r.gpuHours());
      w.name("jobs").value(r.jobs());
      w.name("sharePercent").value(r.sharePercent());
      if (series) {
        w.name("series").beginArray();
        for (int v : r.series()) {
          w.value(v);
        }
        w.endArray();
      }
      w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.finish();
  }
}
