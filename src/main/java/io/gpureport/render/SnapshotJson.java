package io.gpureport.render;

import io.gpureport.aggregate.ModelSnapshot;
import io.gpureport.load.Timestamps;
import java.util.List;

/** The JSON document of the GPU-model snapshot (docs/metrics.md, "JSON"). */
public final class SnapshotJson {
  private final JsonWriter w = new JsonWriter();

  private SnapshotJson() {}

  /** Renders a non-empty result of the rule set named {@code rules} as JSON. */
  public static String render(ModelSnapshot.Result r, String rules) {
    SnapshotJson j = new SnapshotJson();
    j.write(r, rules);
    return j.w.finish();
  }

  private void write(ModelSnapshot.Result r, String rules) {
    w.beginObject();
    w.name("analysis").value("gpu-model-snapshot");
    w.name("rules").value(rules);
    w.name("targetTime").value(Timestamps.formatSeconds(r.targetTime()));
    w.name("windowMinutes").value(r.windowMinutes());
    w.name("gpuModel").value(r.gpuModel());
    w.name("models").beginArray();
    for (String m : r.models()) {
      w.value(m);
    }
    w.endArray();
    w.name("snapshot");
    if (r.snapshot() == null) {
      w.nullValue();
    } else {
      snapshot(r.snapshot());
    }
    w.endObject();
  }

  private void snapshot(ModelSnapshot.Snapshot s) {
    w.beginObject();
    w.name("snapshotTime").value(Timestamps.formatSeconds(s.snapshotTime()));
    w.name("timeDifferenceSeconds").value(s.timeDifferenceSeconds());
    w.name("summary").beginObject();
    w.name("totalGpus").value(s.totalGpus());
    w.name("activeGpus").value(s.activeGpus());
    w.name("idleGpus").value(s.idleGpus());
    w.name("activePercent").value(s.activePercent());
    w.name("avgGpuUsagePercent").value(s.avgGpuUsagePercent());
    w.name("machineCount").value(s.machines().size());
    w.endObject();
    w.name("realSlots");
    slots(s.realTotal(), s.realClasses());
    w.name("backfillSlots");
    slots(s.backfillTotal(), s.backfillClasses());
    w.name("machines").beginArray();
    for (String m : s.machines()) {
      w.value(m);
    }
    w.endArray();
    w.name("activeJobs").beginArray();
    for (ModelSnapshot.ActiveJob j : s.activeJobs()) {
      w.beginObject();
      w.name("user").value(j.user());
      w.name("jobId").value(j.jobId());
      w.name("gpuId").value(j.gpuId());
      w.name("machine").value(j.machine());
      w.endObject();
    }
    w.endArray();
    w.name("inactiveGpus").beginArray();
    for (ModelSnapshot.InactiveGpu g : s.inactiveGpus()) {
      w.beginObject();
      w.name("gpuId").value(g.gpuId());
      w.name("machine").value(g.machine());
      w.name("prioritizedProjects").value(g.prioritizedProjects());
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }

  private void slots(ModelSnapshot.ClassCount total, List<ModelSnapshot.ClassCount> classes) {
    w.beginObject();
    w.name("total").beginObject();
    counts(total);
    w.endObject();
    w.name("classes").beginArray();
    for (ModelSnapshot.ClassCount c : classes) {
      w.beginObject();
      w.name("class").value(c.cls().printedName());
      counts(c);
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }

  private void counts(ModelSnapshot.ClassCount c) {
    w.name("claimed").value(c.claimed());
    w.name("total").value(c.total());
    w.name("percent").value(c.percent());
  }
}
