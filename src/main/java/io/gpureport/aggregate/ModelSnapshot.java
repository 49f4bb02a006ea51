package io.gpureport.aggregate;

import io.gpureport.classify.LegacyClass;
import io.gpureport.classify.RowClass;
import io.gpureport.classify.RuleSet;
import io.gpureport.classify.SlotState;
import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;

/**
 * The GPU-model snapshot (docs/metrics.md, "GPU-model snapshot", L21): a pure function of the
 * loaded rows of the half-open window {@code [t − w, t + w)}. No exclusions, no {@code --host}, no
 * model filter; totals without dedup, the legacy classes with dedup over the snapshot set for
 * Priority and Shared (docs/metrics.md, "The three legacy classes", "Dedup: one row per GPU per
 * snapshot"). The rule set decides each row's legacy class and dedup rank; the snapshot has no
 * CHTC-owned list, on which neither depends.
 */
public final class ModelSnapshot {
  private ModelSnapshot() {}

  /** One loaded row, text columns as nullable strings (NULL and {@code ""} distinct). */
  public record Row(
      long timestamp,
      String name,
      String gpuId,
      String state,
      String device,
      String prioritizedProjects,
      double usage,
      String machine,
      String owner,
      String jobId) {
    byte slotState() {
      return SlotState.of(state);
    }
  }

  /** Claimed and total GPUs of a legacy class (or of a TOTAL line when {@code cls} is null). */
  public record ClassCount(LegacyClass cls, int claimed, int total) {
    /** {@code claimed / total * 100}, or 0 when the total is 0. */
    public double percent() {
      return total > 0 ? (double) claimed / total * 100 : 0.0;
    }

    /** This count (its class kept) with another's claimed and total GPUs added. */
    ClassCount plus(ClassCount other) {
      return new ClassCount(cls, claimed + other.claimed, total + other.total);
    }
  }

  /** One line of the active-jobs table (full values; {@code user} is never null). */
  public record ActiveJob(String user, String jobId, String gpuId, String machine) {}

  /** One line of the inactive-GPUs table (full values). */
  public record InactiveGpu(String gpuId, String machine, String prioritizedProjects) {}

  /** The snapshot S of model M at time s, and everything the snapshot analysis derives from it. */
  public record Snapshot(
      long snapshotTime,
      long timeDifferenceMicros,
      int totalGpus,
      int activeGpus,
      int idleGpus,
      double activePercent,
      double avgGpuUsagePercent,
      List<String> machines,
      ClassCount realTotal,
      List<ClassCount> realClasses,
      ClassCount backfillTotal,
      List<ClassCount> backfillClasses,
      List<ActiveJob> activeJobs,
      List<InactiveGpu> inactiveGpus) {
    /** {@code |s − t|} in seconds as a double (JSON). */
    public double timeDifferenceSeconds() {
      return timeDifferenceMicros / 1e6;
    }
  }

  /**
   * The result: without a model, {@code models} lists the window's models and {@code snapshot} is
   * null; with one, {@code models} is empty and {@code snapshot} is null only when the window has
   * no row of that model.
   */
  public record Result(
      long targetTime, int windowMinutes, String gpuModel, List<String> models, Snapshot snapshot) {
    /**
     * True when the "no data" message applies (docs/metrics.md, "Checks, messages and exit
     * status").
     */
    public boolean isEmpty() {
      return gpuModel == null ? models.isEmpty() : snapshot == null;
    }
  }

  /** The snapshot window {@code [t − w, t + w)} in naive epoch microseconds. */
  public static TimeRange window(long target, int windowMinutes) {
    long w = windowMinutes * Timestamps.MICROS_PER_MINUTE;
    return TimeRange.halfOpen(target - w, target + w);
  }

  /**
   * Computes the analysis from the loaded rows (in load order). {@code model} null: list models.
   */
  public static Result compute(
      RuleSet rules, SlotTable table, long target, int windowMinutes, String model) {
    TimeRange range = window(target, windowMinutes);
    SlotTable.Dictionaries d = table.dictionaries();
    LongColumn ts = table.timestamps();
    IntColumn devices = table.codes(SlotTable.DEVICE);
    int n = table.rowCount();
    if (model == null) {
      Set<Integer> codes = new HashSet<>();
      for (int i = 0; i < n; i++) {
        int code = devices.getInt(i);
        if (code != Dictionary.NULL && inWindow(ts.getLong(i), range)) {
          codes.add(code);
        }
      }
      TreeSet<String> names = new TreeSet<>();
      for (int code : codes) {
        names.add(d.devices().value(code));
      }
      return new Result(target, windowMinutes, null, List.copyOf(names), null);
    }
    int wanted = d.devices().find(model);
    List<Row> rows = new ArrayList<>();
    if (wanted != Dictionary.NULL) {
      IntColumn names = table.codes(SlotTable.NAME);
      IntColumn gpus = table.codes(SlotTable.GPU);
      IntColumn states = table.codes(SlotTable.STATE);
      IntColumn projects = table.codes(SlotTable.PROJECTS);
      DoubleColumn usage = table.numbers(SlotTable.USAGE);
      IntColumn machines = table.codes(SlotTable.MACHINE);
      IntColumn owners = table.codes(SlotTable.OWNER);
      IntColumn jobs = table.codes(SlotTable.JOB);
      for (int i = 0; i < n; i++) {
        if (devices.getInt(i) != wanted || !inWindow(ts.getLong(i), range)) {
          continue;
        }
        rows.add(
            new Row(
                ts.getLong(i),
                d.names().value(names.getInt(i)),
                d.gpus().value(gpus.getInt(i)),
                d.states().value(states.getInt(i)),
                model,
                d.projects().value(projects.getInt(i)),
                usage.getDouble(i),
                d.machines().value(machines.getInt(i)),
                d.owners().value(owners.getInt(i)),
                d.jobs().value(jobs.getInt(i))));
      }
    }
    return new Result(target, windowMinutes, model, List.of(), snapshot(rules, rows, target));
  }

  /** The same computation on plain rows in load order (rows outside the window are ignored). */
  public static Result compute(
      RuleSet rules, List<Row> loaded, long target, int windowMinutes, String model) {
    TimeRange range = window(target, windowMinutes);
    if (model == null) {
      TreeSet<String> names = new TreeSet<>();
      for (Row r : loaded) {
        if (r.device() != null && inWindow(r.timestamp(), range)) {
          names.add(r.device());
        }
      }
      return new Result(target, windowMinutes, null, List.copyOf(names), null);
    }
    List<Row> rows = new ArrayList<>();
    for (Row r : loaded) {
      if (model.equals(r.device()) && inWindow(r.timestamp(), range)) {
        rows.add(r);
      }
    }
    return new Result(target, windowMinutes, model, List.of(), snapshot(rules, rows, target));
  }

  private static boolean inWindow(long ts, TimeRange range) {
    return ts >= range.start() && ts < range.end();
  }

  /**
   * The snapshot time: the timestamp closest to {@code target}; on an exact tie between a time
   * before and one after the target, the later one.
   */
  public static long closest(List<Long> timestamps, long target) {
    long best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (long t : timestamps) {
      long distance = Math.abs(t - target);
      if (distance < bestDistance || (distance == bestDistance && t > best)) {
        best = t;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * The snapshot time, the snapshot and its table (docs/metrics.md, "GPU-model snapshot") for the
   * window's rows of one model; null if none.
   */
  private static Snapshot snapshot(RuleSet rules, List<Row> modelRows, long target) {
    if (modelRows.isEmpty()) {
      return null;
    }
    List<Long> times = new ArrayList<>(modelRows.size());
    for (Row r : modelRows) {
      times.add(r.timestamp());
    }
    long s = closest(times, target);
    List<Row> set = new ArrayList<>();
    for (Row r : modelRows) {
      if (r.timestamp() == s) {
        set.add(r);
      }
    }

    int total = distinctIds(set, r -> true);
    int active = distinctIds(set, ModelSnapshot::isActive);
    int idle = total - active;
    double activePercent = total > 0 ? (double) active / total * 100 : 0.0;

    double sum = 0.0;
    int used = 0;
    for (Row r : set) {
      if (r.slotState() == SlotState.CLAIMED && !Double.isNaN(r.usage())) {
        sum += r.usage();
        used++;
      }
    }
    double avgUsage = used > 0 ? sum / used * 100 : 0.0;

    TreeSet<String> machines = new TreeSet<>();
    for (Row r : set) {
      if (r.machine() != null) {
        machines.add(r.machine());
      }
    }

    List<RowClass> decided = decide(rules, set);
    boolean[] kept = winners(set, decided);
    List<ClassCount> realClasses = new ArrayList<>();
    List<ClassCount> backfillClasses = new ArrayList<>();
    ClassCount realTotal = new ClassCount(null, 0, 0);
    ClassCount backfillTotal = new ClassCount(null, 0, 0);
    for (LegacyClass cls : rules.classes().legacyClasses()) {
      // only the real-slot classes are deduplicated (docs/metrics.md, "Where dedup runs")
      boolean[] in = new boolean[set.size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = decided.get(i).legacy() == cls.index() && (cls.backfill() || kept[i]);
      }
      ClassCount c = count(cls, set, in);
      if (cls.backfill()) {
        backfillTotal = backfillTotal.plus(c);
      } else {
        realTotal = realTotal.plus(c);
      }
      if (c.total() > 0) {
        (cls.backfill() ? backfillClasses : realClasses).add(c);
      }
    }

    List<Row> display = displayOrder(set);
    List<ActiveJob> jobs = new ArrayList<>();
    Set<String> activeIds = new HashSet<>();
    boolean activeNull = false;
    for (Row r : display) {
      if (!isActive(r)) {
        continue;
      }
      if (r.gpuId() == null ? activeNull : activeIds.contains(r.gpuId())) {
        continue;
      }
      if (r.gpuId() == null) {
        activeNull = true;
      } else {
        activeIds.add(r.gpuId());
      }
      jobs.add(new ActiveJob(r.owner(), r.jobId(), r.gpuId(), r.machine()));
    }
    List<InactiveGpu> inactive = new ArrayList<>();
    Set<String> seenIds = new HashSet<>();
    boolean seenNull = false;
    for (Row r : display) {
      if (r.slotState() != SlotState.UNCLAIMED) {
        continue;
      }
      if (r.gpuId() == null ? seenNull : seenIds.contains(r.gpuId())) {
        continue;
      }
      if (r.gpuId() == null) {
        seenNull = true;
      } else {
        seenIds.add(r.gpuId());
      }
      if (r.gpuId() == null ? activeNull : activeIds.contains(r.gpuId())) {
        continue;
      }
      inactive.add(new InactiveGpu(r.gpuId(), r.machine(), r.prioritizedProjects()));
    }

    return new Snapshot(
        s,
        Math.abs(s - target),
        total,
        active,
        idle,
        activePercent,
        avgUsage,
        List.copyOf(machines),
        realTotal,
        List.copyOf(realClasses),
        backfillTotal,
        List.copyOf(backfillClasses),
        Collections.unmodifiableList(jobs),
        Collections.unmodifiableList(inactive));
  }

  /** Claimed with a non-NULL owner ({@code ""} counts as an owner). */
  private static boolean isActive(Row r) {
    return r.slotState() == SlotState.CLAIMED && r.owner() != null;
  }

  private static int distinctIds(List<Row> rows, java.util.function.Predicate<Row> p) {
    Set<String> ids = new HashSet<>();
    for (Row r : rows) {
      if (r.gpuId() != null && p.test(r)) {
        ids.add(r.gpuId());
      }
    }
    return ids.size();
  }

  /** Distinct ids of the rows in {@code in}, and of those claimed. */
  private static ClassCount count(LegacyClass cls, List<Row> rows, boolean[] in) {
    Set<String> total = new HashSet<>();
    Set<String> claimed = new HashSet<>();
    for (int i = 0; i < in.length; i++) {
      Row r = rows.get(i);
      if (in[i] && r.gpuId() != null) {
        total.add(r.gpuId());
        if (r.slotState() == SlotState.CLAIMED) {
          claimed.add(r.gpuId());
        }
      }
    }
    return new ClassCount(cls, claimed.size(), total.size());
  }

  /** The rule set's decisions for each row (no CHTC-owned list in the snapshot). */
  private static List<RowClass> decide(RuleSet rules, List<Row> rows) {
    List<RowClass> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(rules.classOf(r.name(), r.state(), r.prioritizedProjects(), false));
    }
    return out;
  }

  /**
   * Dedup (docs/metrics.md, "Dedup: one row per GPU per snapshot") on a set of rows that share one
   * timestamp, in load order: unchanged when no non-NULL id repeats; otherwise one row per GPU id
   * (all NULL ids form one group), the highest rank winning and ties going to the first in load
   * order (L10).
   */
  static List<Row> dedup(RuleSet rules, List<Row> set) {
    boolean[] keep = winners(set, decide(rules, set));
    List<Row> out = new ArrayList<>(set.size());
    for (int i = 0; i < set.size(); i++) {
      if (keep[i]) {
        out.add(set.get(i));
      }
    }
    return out.size() == set.size() ? set : out;
  }

  /** True for the rows dedup keeps (every row when no non-NULL id repeats). */
  private static boolean[] winners(List<Row> set, List<RowClass> decided) {
    boolean[] keep = new boolean[set.size()];
    Set<String> seen = new HashSet<>();
    boolean repeats = false;
    for (Row r : set) {
      if (r.gpuId() != null && !seen.add(r.gpuId())) {
        repeats = true;
        break;
      }
    }
    if (!repeats) {
      java.util.Arrays.fill(keep, true);
      return keep;
    }
    Map<Key, Integer> best = new HashMap<>();
    for (int i = 0; i < set.size(); i++) {
      Row r = set.get(i);
      Key key = new Key(r.timestamp(), r.gpuId());
      Integer b = best.get(key);
      if (b == null || decided.get(i).rank() > decided.get(b).rank()) {
        best.put(key, i);
      }
    }
    for (int i : best.values()) {
      keep[i] = true;
    }
    return keep;
  }

  /** A dedup group: (timestamp, GPU id), NULL ids forming one group per timestamp. */
  private record Key(long timestamp, String gpuId) {}

  /** Machine ascending, then GPU id ascending, NULL first in both; ties keep load order. */
  static List<Row> displayOrder(List<Row> set) {
    Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
    List<Row> out = new ArrayList<>(set);
    out.sort(Comparator.comparing(Row::machine, nullsFirst).thenComparing(Row::gpuId, nullsFirst));
    return out;
  }
}
