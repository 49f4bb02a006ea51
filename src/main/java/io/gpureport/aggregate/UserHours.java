package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.ReportingClass;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import io.gpureport.load.Dictionary;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * GPU-hours by slot type and user (docs/metrics.md, "H200 and Backfill usage"): the H200 table and
 * the backfill table, as a fold over the chunks of a window (global owner and GPU codes).
 *
 * <p>The table's set is deduplicated (docs/metrics.md, "Dedup") only when a non-NULL GPU id repeats
 * in it somewhere in the window; otherwise every row is kept. The two differ only in rows with a
 * NULL id, which name their owner here (the owner is visited, so it enters the user order, with 0
 * GPUs). Until a repeat is seen, both are followed; the first repeat decides for the deduplicated
 * one.
 */
final class UserHours {
  private static final String UNKNOWN = "Unknown";

  /** The rows of a chunk that are in the table's input (before the host pre-filter). */
  interface Input {
    IntPredicate of(ClassifiedRows rows);
  }

  private final Input input;
  private final List<ReportingClass> classes;
  private final double hours;

  /** Passes over every input row, one per class: without dedup, or the no-repeat case. */
  private final List<Pass> kept = new ArrayList<>();

  /** Passes over the deduplicated rows, one per class; null when no class needs dedup. */
  private final List<Pass> deduped;

  /** The non-NULL GPU ids of the set so far, until one repeats. */
  private LongOpenHashSet ids = new LongOpenHashSet();

  private boolean repeat;

  /** Buckets with an input row, and the last one counted. */
  private int nB;

  private int lastBucket = -1;

  /** Set for a recording fold: input buckets, the ids by day, and every merge of every pass. */
  private DayRecorder.Users recorder;

  /** A table over the input rows for {@code classes} in table order and the nominal hours. */
  UserHours(Input input, List<ReportingClass> classes, double hours) {
    this.input = input;
    this.classes = List.copyOf(classes);
    this.hours = hours;
    for (ReportingClass cls : classes) {
      kept.add(new Pass(cls));
    }
    boolean needsDedup = classes.stream().anyMatch(c -> !c.backfill());
    this.deduped = needsDedup ? new ArrayList<>() : null;
    if (needsDedup) {
      for (ReportingClass cls : classes) {
        deduped.add(new Pass(cls));
      }
    }
  }

  /** Whether a class of the table deduplicates (the deduplicated passes exist). */
  boolean dedups() {
    return deduped != null;
  }

  int passes() {
    return classes.size();
  }

  void record(DayRecorder.Users r) {
    this.recorder = r;
    int n = classes.size();
    for (int k = 0; k < n; k++) {
      int kept = k;
      this.kept.get(k).recorder = (bucket, user, count) -> r.merge(kept, bucket, user, count);
      if (deduped != null) {
        deduped.get(k).recorder = (bucket, user, count) -> r.merge(n + kept, bucket, user, count);
      }
    }
  }

  /** Closes the open bucket of every pass before a replayed day ({@link ReportFold#append}). */
  void closeOpen() {
    for (Pass pass : kept) {
      pass.close();
    }
    if (deduped != null) {
      for (Pass pass : deduped) {
        pass.close();
      }
    }
  }

  /** A replayed day (after every earlier one); {@code gpus}: the fold's global GPU codes, by id. */
  void append(DayPart.Users day, java.util.function.ToIntFunction<String> gpus) {
    closeOpen();
    nB += day.buckets();
    if (!repeat) {
      if (day.repeat()) {
        repeat = true;
        ids = null;
      } else {
        for (String id : day.ids()) {
          if (!ids.add(gpus.applyAsInt(id))) {
            repeat = true;
            ids = null;
            break;
          }
        }
      }
    }
    if (day.kept() != null) {
      for (int k = 0; k < kept.size(); k++) {
        Pass pass = kept.get(k);
        day.kept().get(k).forEach((u, c) -> pass.totals.merge(u, c, Long::sum));
      }
    }
    if (deduped != null && day.deduped() != null) {
      for (int k = 0; k < deduped.size(); k++) {
        int kk = k;
        day.deduped().get(k).forEach((u, c) -> deduped.get(kk).totals.merge(u, c, Long::sum));
      }
    }
  }

  /** Adds a chunk whose rows fall in {@code bucket}s, after every earlier one. */
  void add(ClassifiedRows rows, int[] bucket) {
    IntPredicate inX = input.of(rows);
    int n = rows.size();
    int[] partition = new int[n];
    int[] gpus = rows.gpus();
    boolean repeatBefore = repeat;
    for (int i = 0; i < n; i++) {
      boolean x = inX.test(i) && rows.has(i, RowFlags.HOST_MACHINE);
      if (x && bucket[i] != lastBucket) {
        lastBucket = bucket[i];
        nB++;
        if (recorder != null) {
          recorder.inputBucket(bucket[i]);
        }
      }
      partition[i] = x && !rows.has(i, RowFlags.EXCLUDED) ? 0 : -1;
      if (recorder != null && partition[i] == 0 && gpus[i] >= 0) {
        recorder.id(rows.timestamps()[i], rows.gpuNames().value(gpus[i]));
      }
      if (!repeat && partition[i] == 0 && gpus[i] >= 0 && !ids.add(gpus[i])) {
        repeat = true;
        ids = null;
      }
    }
    // a recording fold keeps every pass: a later window may start after this repeat
    if (deduped == null || !repeatBefore || recorder != null) {
      for (Pass pass : kept) {
        pass.add(rows, bucket, partition, null);
      }
    }
    if (deduped != null) {
      boolean[] keep = Dedup.winners(rows, partition);
      for (Pass pass : deduped) {
        pass.add(rows, bucket, partition, keep);
      }
    }
  }

  /** The table; closes the last bucket. */
  UserTable finish() {
    if (nB == 0) {
      return new UserTable(List.of(), 0);
    }
    List<Pass> passes = deduped != null && repeat ? deduped : kept;
    Map<String, Map<ReportingClass, Long>> totals = new LinkedHashMap<>();
    for (Pass pass : passes) {
      pass.close();
      pass.totals.forEach(
          (user, count) ->
              totals.computeIfAbsent(user, u -> new HashMap<>()).merge(pass.cls, count, Long::sum));
    }
    return present(totals, classes, nB, hours);
  }

  /** Receives a pass's merges into its totals. */
  interface Merges {
    void merge(int bucket, String user, long count);
  }

  /** One class's pass: distinct GPUs per owner in the open bucket, totals by user in order seen. */
  private static final class Pass {
    final ReportingClass cls;
    final Map<String, Long> totals = new LinkedHashMap<>();
    private final LongOpenHashSet seen = new LongOpenHashSet();
    private int[] counts = new int[0];
    private final IntArrayList visited = new IntArrayList();
    private Dictionary names;
    private int current = -1;

    /** Set for a recording fold: every merge into the totals. */
    Merges recorder;

    Pass(ReportingClass cls) {
      this.cls = cls;
    }

    void add(ClassifiedRows rows, int[] bucket, int[] partition, boolean[] keep) {
      names = rows.ownerNames();
      if (counts.length < names.size()) {
        counts = Arrays.copyOf(counts, names.size());
      }
      int n = rows.size();
      int[] owners = rows.owners();
      int[] gpus = rows.gpus();
      byte[] states = rows.states();
      byte[] reporting = rows.classes().reporting();
      int c = cls.index();
      boolean dedup = !cls.backfill();
      for (int i = 0; i < n; i++) {
        if (bucket[i] != current) {
          close();
          current = bucket[i];
        }
        if (partition[i] < 0
            || owners[i] < 0
            || states[i] != SlotState.CLAIMED
            || reporting[i] != c
            || (dedup && keep != null && !keep[i])
            || !rows.has(i, RowFlags.HOST_NAME)) {
          continue;
        }
        int owner = owners[i];
        if (seen.add(((long) owner << 32) | 0xffffffffL)) {
          visited.add(owner);
        }
        if (gpus[i] >= 0 && seen.add(((long) owner << 32) | gpus[i])) {
          counts[owner]++;
        }
      }
    }

    /** Closes the open bucket: its owners in name order join the totals. */
    void close() {
      List<String> owners = new ArrayList<>(visited.size());
      Map<String, Integer> codeOf = new java.util.HashMap<>();
      for (int k = 0; k < visited.size(); k++) {
        String o = names.value(visited.getInt(k));
        owners.add(o);
        codeOf.put(o, visited.getInt(k));
      }
      owners.sort(Comparator.naturalOrder());
      for (String owner : owners) {
        String user = owner.isEmpty() ? UNKNOWN : owner;
        int code = codeOf.get(owner);
        totals.merge(user, (long) counts[code], Long::sum);
        if (recorder != null) {
          recorder.merge(current, user, counts[code]);
        }
        counts[code] = 0;
      }
      visited.clear();
      seen.clear();
    }
  }

  private static UserTable present(
      Map<String, Map<ReportingClass, Long>> totals,
      List<ReportingClass> classes,
      int nB,
      double hours) {
    record Kept(String user, Map<ReportingClass, Double> hours) {}
    List<Kept> kept = new ArrayList<>();
    for (Map.Entry<String, Map<ReportingClass, Long>> e : totals.entrySet()) {
      Map<ReportingClass, Double> h = new HashMap<>();
      double total = 0;
      for (ReportingClass cls : classes) {
        Long tot = e.getValue().get(cls);
        if (tot != null) {
          double v = ((double) tot / nB) * hours;
          h.put(cls, v);
          total += v;
        }
      }
      if (total > 0) {
        kept.add(new Kept(e.getKey(), h));
      }
    }
    Map<ReportingClass, List<UserTable.UserHours>> users = new LinkedHashMap<>();
    Map<ReportingClass, Double> slotTotal = new LinkedHashMap<>();
    for (Kept k : kept) {
      for (ReportingClass cls : classes) {
        Double v = k.hours().get(cls);
        if (v != null && v > 0) {
          users
              .computeIfAbsent(cls, c -> new ArrayList<>())
              .add(new UserTable.UserHours(k.user(), v));
          slotTotal.merge(cls, v, Double::sum);
        }
      }
    }
    double grand = 0;
    for (double v : slotTotal.values()) {
      grand += v;
    }
    List<UserTable.ClassHours> out = new ArrayList<>();
    for (Map.Entry<ReportingClass, Double> e : slotTotal.entrySet()) {
      List<UserTable.UserHours> list = new ArrayList<>(users.get(e.getKey()));
      list.sort(Comparator.comparingDouble(UserTable.UserHours::gpuHours).reversed());
      out.add(new UserTable.ClassHours(e.getKey(), e.getValue(), list));
    }
    out.sort(Comparator.comparingDouble(UserTable.ClassHours::gpuHours).reversed());
    return new UserTable(out, grand);
  }
}
