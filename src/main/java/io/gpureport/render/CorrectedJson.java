package io.gpureport.render;

import io.gpureport.aggregate.CorrectedReport;
import io.gpureport.aggregate.CorrectedReport.ClassHours;
import io.gpureport.aggregate.CorrectedReport.HostGroup;
import io.gpureport.aggregate.CorrectedReport.Stat;
import io.gpureport.aggregate.Report;
import java.util.List;
import java.util.Optional;

/**
 * The JSON v2 of the rule set corrected (docs/metrics.md, "Rule set corrected", JSON v2): the keys
 * and their order are the contract.
 */
final class CorrectedJson {
  private final JsonWriter w = new JsonWriter();

  private CorrectedJson() {}

  static String render(Report.Corrected report) {
    CorrectedJson j = new CorrectedJson();
    j.write(report);
    return j.w.finish();
  }

  private void write(Report.Corrected report) {
    CorrectedReport r = report.result();
    w.beginObject();
    JsonReport.head(w, report);
    w.name("intervals").value(r.intervals());
    w.name("modelFilter").beginObject();
    w.name("enabled").value(r.modelFilter());
    strings("flagshipModels", r.flagshipModels());
    w.endObject();
    w.name("preventJobsReason").beginObject();
    w.name("recorded").value(r.coverage().recorded());
    w.name("intervalsRecorded").value(r.coverage().intervalsRecorded());
    w.endObject();
    if (r.tables() instanceof CorrectedReport.ByDevice d) {
      byDevice(d);
    } else if (r.tables() instanceof CorrectedReport.Summary s) {
      w.name("allocationSummary").beginArray();
      for (CorrectedReport.ClassRow c : s.classes()) {
        w.beginObject().name("class").value(c.className()).name("label").value(c.qualifiedLabel());
        statFields(c.stat());
        w.endObject();
      }
      w.endArray();
    }
    zeroActive(r.zeroActive());
    hostTable(r.hostTable());
    draining(r.draining());
    prevented(r.prevented());
    w.name("filteredModels").beginArray();
    for (CorrectedReport.FilteredModel m : r.filteredModels()) {
      w.beginObject().name("device").value(m.device()).name("displayName").value(m.displayName());
      w.name("availableAvg").value(m.availableAvg());
      w.endObject();
    }
    w.endArray();
    JsonReport.tail(w, report.context());
    w.endObject();
  }

  private void byDevice(CorrectedReport.ByDevice d) {
    w.name("realSlots").beginArray();
    for (CorrectedReport.SlotRow row : d.realSlots()) {
      w.beginObject().name("row").value(row.id()).name("label").value(row.label());
      w.name("level").value(row.level());
      statFields(row.stat());
      w.endObject();
    }
    w.endArray();
    w.name("memoryCategories").beginObject();
    w.name("total");
    stat(d.memory().total());
    w.name("categories").beginArray();
    for (CorrectedReport.CategoryRow c : d.memory().categories()) {
      w.beginObject().name("category").value(c.category());
      statFields(c.stat());
      w.endObject();
    }
    w.endArray().endObject();
    users("h200Users", d.h200Users());
    users("backfillUsers", d.backfillUsers());
    w.name("deviceTypes").beginArray();
    for (CorrectedReport.DeviceClass c : d.deviceTypes()) {
      w.beginObject().name("class").value(c.className()).name("label").value(c.label());
      w.name("total");
      stat(c.total());
      w.name("devices").beginArray();
      for (CorrectedReport.DeviceRow row : c.devices()) {
        w.beginObject().name("device").value(orNull(row.device()));
        w.name("displayName").value(row.displayName());
        statFields(row.stat());
        w.endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
  }

  private void users(String key, List<ClassHours> classes) {
    w.name(key).beginArray();
    for (ClassHours c : classes) {
      w.beginObject().name("class").value(c.className()).name("label").value(c.label());
      w.name("gpuHours").value(c.gpuHours());
      w.name("users").beginArray();
      for (CorrectedReport.UserHours u : c.users()) {
        w.beginObject().name("user").value(u.user()).name("gpuHours").value(u.gpuHours());
        w.endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
  }

  private void zeroActive(CorrectedReport.ZeroActive z) {
    w.name("zeroActiveMachines").beginObject();
    w.name("machineCount").value(z.machines().size());
    w.name("idleGpus").value(z.idleGpus());
    w.name("machines").beginArray();
    for (CorrectedReport.ZeroMachine m : z.machines()) {
      w.beginObject().name("machine").value(orNull(m.machine()));
      w.name("device").value(orNull(m.device())).name("displayName").value(m.displayName());
      w.name("gpus").value(m.gpus()).name("backfillAvg").value(m.backfillAvg());
      strings("projects", m.projects());
      w.endObject();
    }
    w.endArray().endObject();
  }

  private void hostTable(Optional<CorrectedReport.HostTable> table) {
    w.name("hostTable");
    if (table.isEmpty()) {
      w.nullValue();
      return;
    }
    CorrectedReport.HostTable h = table.get();
    w.beginObject().name("mode").value(h.mode().label());
    HostGroup total = h.total();
    w.name("total").beginObject();
    w.name("hostCount").value(total.hostCount()).name("gpus").value(total.gpus());
    hostStatFields(total.stat());
    w.endObject();
    w.name("deviceTypes").beginArray();
    for (HostGroup g : h.deviceTypes()) {
      w.beginObject().name("device").value(orNull(g.device()));
      w.name("displayName").value(g.displayName());
      w.name("hostCount").value(g.hostCount()).name("gpus").value(g.gpus());
      hostStatFields(g.stat());
      w.name("hosts").beginArray();
      for (CorrectedReport.HostRow row : g.hosts()) {
        w.beginObject().name("host").value(orNull(row.host()));
        w.name("excluded").value(row.excluded()).name("gpus").value(row.gpus());
        hostStatFields(row.stat());
        w.endObject();
      }
      w.endArray().endObject();
    }
    w.endArray().endObject();
  }

  private void draining(CorrectedReport.Draining d) {
    w.name("drainingStatus").beginObject();
    w.name("hostCount").value(d.hosts().size()).name("gpuCount").value(d.gpuCount());
    w.name("intervalCount").value(d.intervalCount()).name("hours").value(d.hours());
    w.name("hosts").beginArray();
    for (CorrectedReport.DrainHost h : d.hosts()) {
      w.beginObject().name("host").value(orNull(h.host())).name("gpus").value(h.gpus());
      w.name("intervals").value(h.intervals()).name("hours").value(h.hours());
      w.endObject();
    }
    w.endArray().endObject();
  }

  /** F4; not recorded reads as no host (the reason is {@code preventJobsReason.recorded}). */
  private void prevented(CorrectedReport.Prevented p) {
    List<CorrectedReport.PreventHost> hosts =
        p instanceof CorrectedReport.Recorded r ? r.hosts() : List.of();
    int gpus = p instanceof CorrectedReport.Recorded r ? r.gpuCount() : 0;
    w.name("preventedGpus").beginObject();
    w.name("hostCount").value(hosts.size()).name("gpuCount").value(gpus);
    w.name("hosts").beginArray();
    for (CorrectedReport.PreventHost h : hosts) {
      w.beginObject().name("host").value(orNull(h.host())).name("gpus").value(h.gpus());
      w.name("status").value(h.active() ? "Active" : "Lifted");
      w.name("lastSeen").value(CorrectedText.lastSeen(h.lastSeen()));
      strings("reasons", h.reasons());
      w.endObject();
    }
    w.endArray().endObject();
  }

  private void strings(String key, List<String> values) {
    w.name(key).beginArray();
    for (String v : values) {
      w.value(v);
    }
    w.endArray();
  }

  private void stat(Stat s) {
    w.beginObject();
    statFields(s);
    w.endObject();
  }

  /** A stat v2: the five numbers of a stat line, {@code preventedAvg} null when not recorded. */
  private void statFields(Stat s) {
    hostStatFields(s);
    w.name("preventedAvg");
    if (s.preventedAvg().isPresent()) {
      w.value(s.preventedAvg().getAsDouble());
    } else {
      w.nullValue();
    }
  }

  /** The host table's stat: no {@code preventedAvg}. */
  private void hostStatFields(Stat s) {
    w.name("allocatedPercent").value(s.allocatedPercent());
    w.name("allocatedAvg").value(s.allocatedAvg());
    w.name("drainedAvg").value(s.drainedAvg());
    w.name("availableAvg").value(s.availableAvg());
  }

  private static String orNull(Optional<String> s) {
    return s.orElse(null);
  }
}
