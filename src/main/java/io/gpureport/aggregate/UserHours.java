package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotClass;
import io.gpureport.classify.SlotState;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * GPU-hours by slot type and user (docs/metrics.md, "H200 and Backfill usage by slot type and
 * user"): the H200 table and the backfill table.
 */
final class UserHours {
  private static final String UNKNOWN = "Unknown";

  private UserHours() {}

  /**
   * Computes a user table over the input rows {@code inX} (before the host pre-filter, which is
   * applied here), for {@code classes} in table order and the nominal {@code hours}.
   */
  static UserTable compute(
      ClassifiedRows rows,
      Buckets buckets,
      IntPredicate inX,
      List<SlotClass> classes,
      double hours) {
    int n = rows.size();
    boolean[] x = new boolean[n];
    int[] partition = new int[n];
    boolean[] bucketSeen = new boolean[buckets.count()];
    int nB = 0;
    for (int i = 0; i < n; i++) {
      x[i] = inX.test(i) && rows.has(i, RowFlags.HOST_MACHINE);
      if (x[i] && !bucketSeen[buckets.index[i]]) {
        bucketSeen[buckets.index[i]] = true;
        nB++;
      }
      partition[i] = x[i] && !rows.has(i, RowFlags.EXCLUDED) ? 0 : -1;
    }
    if (nB == 0) {
      return new UserTable(List.of(), 0);
    }
    boolean needsDedup = classes.stream().anyMatch(c -> !c.isBackfill());
    boolean[] keep = needsDedup ? Dedup.winners(rows, partition, 1) : null;
    Map<String, Map<SlotClass, Long>> totals = new LinkedHashMap<>();
    for (SlotClass cls : classes) {
      accumulate(rows, buckets, partition, keep, cls, totals);
    }
    return present(totals, classes, nB, hours);
  }

  private static void accumulate(
      ClassifiedRows rows,
      Buckets buckets,
      int[] partition,
      boolean[] keep,
      SlotClass cls,
      Map<String, Map<SlotClass, Long>> totals) {
    int n = rows.size();
    int[] owners = rows.owners();
    int[] gpus = rows.gpus();
    byte[] states = rows.states();
    LongOpenHashSet seen = new LongOpenHashSet();
    int[] counts = new int[rows.ownerNames().size()];
    IntArrayList visited = new IntArrayList();
    int current = -1;
    for (int i = 0; i <= n; i++) {
      int bucket = i < n ? buckets.index[i] : -2;
      if (bucket != current) {
        visit(rows, visited, counts, cls, totals);
        seen.clear();
        current = bucket;
      }
      if (i == n
          || partition[i] < 0
          || owners[i] < 0
          || states[i] != SlotState.CLAIMED
          || !passes(rows, i, keep, cls)) {
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

  private static boolean passes(ClassifiedRows rows, int i, boolean[] keep, SlotClass cls) {
    if (!rows.has(i, RowFlags.HOST_NAME)) {
      return false;
    }
    int f = rows.flags()[i];
    if (cls.isBackfill()) {
      return rows.has(i, RowFlags.BACKFILL) && SlotClass.backfillOf(f) == cls;
    }
    return keep[i] && !rows.has(i, RowFlags.BACKFILL) && SlotClass.primaryOf(f) == cls;
  }

  private static void visit(
      ClassifiedRows rows,
      IntArrayList visited,
      int[] counts,
      SlotClass cls,
      Map<String, Map<SlotClass, Long>> totals) {
    List<String> owners = new ArrayList<>(visited.size());
    Map<String, Integer> codeOf = new java.util.HashMap<>();
    for (int k = 0; k < visited.size(); k++) {
      String o = rows.ownerNames().value(visited.getInt(k));
      owners.add(o);
      codeOf.put(o, visited.getInt(k));
    }
    owners.sort(Comparator.naturalOrder());
    for (String owner : owners) {
      String user = owner.isEmpty() ? UNKNOWN : owner;
      int code = codeOf.get(owner);
      totals
          .computeIfAbsent(user, u -> new EnumMap<>(SlotClass.class))
          .merge(cls, (long) counts[code], Long::sum);
      counts[code] = 0;
    }
    visited.clear();
  }

  private static UserTable present(
      Map<String, Map<SlotClass, Long>> totals, List<SlotClass> classes, int nB, double hours) {
    record Kept(String user, Map<SlotClass, Double> hours) {}
    List<Kept> kept = new ArrayList<>();
    for (Map.Entry<String, Map<SlotClass, Long>> e : totals.entrySet()) {
      Map<SlotClass, Double> h = new EnumMap<>(SlotClass.class);
      double total = 0;
      for (SlotClass cls : classes) {
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
    Map<SlotClass, List<UserTable.UserHours>> users = new LinkedHashMap<>();
    Map<SlotClass, Double> slotTotal = new LinkedHashMap<>();
    for (Kept k : kept) {
      for (SlotClass cls : classes) {
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
    for (Map.Entry<SlotClass, Double> e : slotTotal.entrySet()) {
      List<UserTable.UserHours> list = new ArrayList<>(users.get(e.getKey()));
      list.sort(Comparator.comparingDouble(UserTable.UserHours::gpuHours).reversed());
      out.add(new UserTable.ClassHours(e.getKey(), e.getValue(), list));
    }
    out.sort(Comparator.comparingDouble(UserTable.ClassHours::gpuHours).reversed());
    return new UserTable(out, grand);
  }
}
