package io.gpureport.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of {@link UsersFold}: the window's 15-minute buckets with data (their starts), the
 * claimed GPU-hours of every class (all claimed GPUs, with or without an owner) and the user rows
 * in class order, then GPU-hours (largest first), user and device.
 */
public record UsersTable(
    int bucketMinutes, List<Long> buckets, List<ClassTotal> totals, List<UserRow> rows) {
  public UsersTable {
    buckets = List.copyOf(buckets);
    totals = List.copyOf(totals);
    rows = List.copyOf(rows);
  }

  /** A class's claimed GPU-hours and its peak of claimed GPUs (in the first bucket with it). */
  public record ClassTotal(PoolClass poolClass, double gpuHours, int peakGpus, long peakAt) {}

  /** What to show: {@code --class} (empty: all), {@code --top} per class, {@code --anonymize}. */
  public record Selection(Set<PoolClass> classes, int top, boolean anonymize) {
    public Selection {
      classes = Set.copyOf(classes);
    }
  }

  /** The row order: class, GPU-hours (largest first), user, device. */
  static final Comparator<UserRow> ORDER =
      Comparator.comparing(UserRow::poolClass)
          .thenComparing(Comparator.comparingDouble(UserRow::gpuHours).reversed())
          .thenComparing(UserRow::user)
          .thenComparing(UserRow::device);

  /**
   * The classes {@code s} keeps, at most {@code top} rows of each (all when it is 0), users renamed
   * {@code user-01}… by their GPU-hours over the rows kept (largest first, then name) when {@code
   * anonymize}.
   */
  public UsersTable select(Selection s) {
    List<UserRow> kept = new ArrayList<>();
    Map<PoolClass, Integer> perClass = new EnumMap<>(PoolClass.class);
    for (UserRow r : rows) {
      if (!s.classes().isEmpty() && !s.classes().contains(r.poolClass())) {
        continue;
      }
      int n = perClass.merge(r.poolClass(), 1, Integer::sum);
      if (s.top() == 0 || n <= s.top()) {
        kept.add(r);
      }
    }
    List<ClassTotal> shown = new ArrayList<>();
    for (ClassTotal t : totals) {
      if (s.classes().isEmpty() || s.classes().contains(t.poolClass())) {
        shown.add(t);
      }
    }
    return new UsersTable(bucketMinutes, buckets, shown, s.anonymize() ? anonymized(kept) : kept);
  }

  private static List<UserRow> anonymized(List<UserRow> rows) {
    Map<String, Double> hours = new HashMap<>();
    for (UserRow r : rows) {
      hours.merge(r.user(), r.gpuHours(), Double::sum);
    }
    List<String> ranked = new ArrayList<>(hours.keySet());
    ranked.sort(
        Comparator.comparingDouble((String u) -> hours.get(u))
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    int width = Math.max(2, Integer.toString(ranked.size()).length());
    Map<String, String> label = new HashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      label.put(
          ranked.get(i), String.format(java.util.Locale.ROOT, "user-%0" + width + "d", i + 1));
    }
    List<UserRow> out = new ArrayList<>();
    for (UserRow r : rows) {
      out.add(r.named(label.get(r.user())));
    }
    out.sort(ORDER);
    return out;
  }
}
