package io.gpureport.render;

import io.gpureport.aggregate.ClassStat;
import io.gpureport.aggregate.DeviceAllocation;
import io.gpureport.aggregate.DeviceTable;
import io.gpureport.aggregate.MemoryTable;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.SlotsTable;
import io.gpureport.aggregate.Stat;
import io.gpureport.aggregate.TimeSeries;
import io.gpureport.aggregate.UserTable;
import io.gpureport.config.ExclusionMap;
import io.gpureport.load.Timestamps;
import java.util.List;

/** The JSON document of the reports (docs/metrics.md, "JSON"). */
public final class JsonReport {
  private final JsonWriter w = new JsonWriter();

  private JsonReport() {}

  /** Renders a report as JSON; a report v2 of the rule set corrected as the JSON v2. */
  public static String render(Report r) {
    if (r instanceof Report.Corrected corrected) {
      return CorrectedJson.render(corrected);
    }
    JsonReport j = new JsonReport();
    j.write(r);
    return j.w.finish();
  }

  private void write(Report r) {
    w.beginObject();
    head(w, r);
    if (r instanceof Report.DeviceTables d) {
      device(d.device());
    } else if (r instanceof Report.AllocationSummary s) {
      w.name("allocationSummary").beginArray();
      for (ClassStat cs : s.classes()) {
        classStat(cs);
      }
      w.endArray();
    } else if (r instanceof Report.Series s) {
      timeSeries(s.timeSeries());
    }
    tail(w, r.context());
    w.endObject();
  }

  /** The keys every report starts with: analysis, rules, window or month, dataPeriod. */
  static void head(JsonWriter w, Report r) {
    Report.Context c = r.context();
    w.name("analysis").value(analysis(r));
    w.name("rules").value(c.rules());
    Report.Month m = r.reportedMonth().orElse(null);
    if (m != null) {
      w.name("month").beginObject();
      w.name("label").value(m.label());
      w.name("start").value(Timestamps.formatSeconds(m.start()));
      w.name("end").value(Timestamps.formatSeconds(m.end()));
      w.name("hours").value(m.hours());
      w.endObject();
    } else if (r instanceof Report.Windowed windowed) {
      Report.Window window = windowed.window();
      w.name("window").beginObject();
      w.name("start").value(Timestamps.formatSeconds(window.start()));
      w.name("end").value(Timestamps.formatSeconds(window.end()));
      w.name("hoursBack").value(window.hoursBack());
      w.endObject();
    }
    w.name("dataPeriod").beginObject();
    w.name("start").value(Timestamps.formatSeconds(c.dataStart()));
    w.name("end").value(Timestamps.formatSeconds(c.dataEnd()));
    w.endObject();
  }

  /** The keys every report ends with: excludedHosts and filtering. */
  static void tail(JsonWriter w, Report.Context c) {
    w.name("excludedHosts").beginArray();
    for (ExclusionMap.Entry e : c.exclusions()) {
      w.beginObject().name("pattern").value(e.pattern()).name("reason").value(e.reason());
      w.endObject();
    }
    w.endArray();
    w.name("filtering").beginObject();
    w.name("rowsExcluded").value(c.filtering().rowsExcluded());
    w.name("rowsAnalyzed").value(c.filtering().rowsAnalyzed());
    w.endObject();
  }

  /** The {@code analysis} value: the {@code --analysis-type} that made the report. */
  private static String analysis(Report r) {
    if (r.reportedMonth().isPresent()) {
      return "monthly";
    }
    return r instanceof Report.Series ? "timeseries" : "allocation";
  }

  private void device(DeviceAllocation d) {
    DeviceAllocation.Included c =
        d.classes() instanceof DeviceAllocation.Included included ? included : null;
    slots("realSlots", c == null ? null : c.real());
    w.name("memoryCategories");
    MemoryTable m = c == null ? null : c.memory().orElse(null);
    if (m == null) {
      w.nullValue();
    } else {
      w.beginObject();
      statField("total", m.total());
      w.name("categories").beginArray();
      for (MemoryTable.Row row : m.categories()) {
        w.beginObject().name("category").value(row.category());
        statFields(row.stat());
        w.endObject();
      }
      w.endArray().endObject();
    }
    slots("backfillSlots", c == null ? null : c.backfill());
    w.name("deviceTypes").beginArray();
    for (DeviceTable t : d.devices()) {
      w.beginObject().name("class").value(t.slotClass().displayName());
      w.name("total");
      if (t.total() == null) {
        w.nullValue();
      } else {
        stat(t.total());
      }
      w.name("devices").beginArray();
      for (DeviceTable.Entry e : t.devices()) {
        w.beginObject().name("device").value(e.device()).name("displayName").value(e.displayName());
        statFields(e.stat());
        w.endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
    users("h200Users", c == null ? List.of() : c.h200Users().classes());
    users("backfillUsers", c == null ? List.of() : c.backfillUsers().classes());
  }

  private void slots(String key, SlotsTable t) {
    w.name(key);
    if (t == null) {
      w.nullValue();
      return;
    }
    w.beginObject();
    statField("total", t.total());
    w.name("classes").beginArray();
    for (ClassStat c : t.classes()) {
      classStat(c);
    }
    w.endArray().endObject();
  }

  private void users(String key, List<UserTable.ClassHours> classes) {
    w.name(key).beginArray();
    for (UserTable.ClassHours c : classes) {
      w.beginObject().name("class").value(c.slotClass().displayName());
      w.name("gpuHours").value(c.gpuHours());
      w.name("users").beginArray();
      for (UserTable.UserHours u : c.users()) {
        w.beginObject().name("user").value(u.user()).name("gpuHours").value(u.gpuHours());
        w.endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
  }

  private void timeSeries(TimeSeries ts) {
    w.name("timeSeries").beginObject();
    w.name("bucketMinutes").value(ts.bucketMinutes());
    w.name("buckets").beginArray();
    for (TimeSeries.Bucket b : ts.buckets()) {
      w.beginObject().name("start").value(Timestamps.formatSeconds(b.start()));
      for (TimeSeries.Cell c : b.cells()) {
        w.name(c.legacyClass().jsonKey()).beginObject();
        w.name("claimed").value(c.claimed()).name("total").value(c.total());
        w.name("percent").value(c.percent());
        w.endObject();
      }
      w.endObject();
    }
    w.endArray();
    w.name("summary").beginObject();
    for (TimeSeries.Summary s : ts.summary()) {
      statField(s.legacyClass().jsonKey(), s.stat());
    }
    w.endObject().endObject();
  }

  private void classStat(ClassStat c) {
    w.beginObject().name("class").value(c.slotClass().displayName());
    statFields(c.stat());
    w.endObject();
  }

  private void statField(String key, Stat s) {
    w.name(key);
    stat(s);
  }

  private void stat(Stat s) {
    w.beginObject();
    statFields(s);
    w.endObject();
  }

  private void statFields(Stat s) {
    w.name("allocatedPercent").value(s.allocatedPercent());
    w.name("allocatedAvg").value(s.allocatedAvg());
    w.name("availableAvg").value(s.availableAvg());
  }
}
