package io.gpureport.report;

import io.gpureport.load.RangeMarks;
import io.gpureport.load.Segment;
import io.gpureport.load.SlotSource;
import io.gpureport.load.TimeRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validity facts of the rollup cache's day parts (docs/decisions/0005-rollups.md, "Validity per
 * day"): for every file a window reads, its identity, and for a SQLite file with the timestamp
 * index also the part's row count and largest rowid through the index and the file's largest rowid;
 * and whether facts stored with a part still hold for the same part of this window's files. One
 * line per file: label, identity, rows, largest rowid of the part, largest rowid of the file (the
 * last three {@code -1} for a file that cannot count through an index).
 */
final class PartFacts {
  private final SlotSource source;
  private final Map<String, Segment> segments = new LinkedHashMap<>();
  private final Map<String, String> identities = new LinkedHashMap<>();
  private final Set<String> counted = new LinkedHashSet<>();
  private final Map<TimeRange, Map<String, Fact>> marked = new HashMap<>();

  /** What a part's facts say of one file. */
  private record Fact(String identity, long rows, long maxRowid, long lastRowid) {
    boolean countsRows() {
      return rows >= 0;
    }
  }

  private PartFacts(SlotSource source) {
    this.source = source;
  }

  /**
   * The facts of the files {@code segments} (as the window reads them), their identities and
   * whether they count rows through an index taken now; empty when a file cannot be identified.
   */
  static Optional<PartFacts> of(SlotSource source, List<Segment> segments) {
    PartFacts f = new PartFacts(source);
    for (Segment s : segments) {
      Optional<String> identity = source.identity(s);
      if (identity.isEmpty()) {
        return Optional.empty();
      }
      f.segments.put(s.label(), s);
      f.identities.put(s.label(), identity.get());
      if (source.marks(s, List.of()).isPresent()) {
        f.counted.add(s.label());
      }
    }
    return Optional.of(f);
  }

  /**
   * The files that cannot count a part's rows, for the key: a part read with them is kept apart
   * from one read without them, since nothing cheap shows that they hold none of its rows.
   */
  String uncounted() {
    StringBuilder b = new StringBuilder();
    for (String label : identities.keySet()) {
      if (!counted.contains(label)) {
        b.append("file=").append(label.length()).append(':').append(label).append('|');
      }
    }
    return b.toString();
  }

  /**
   * Counts the rows of {@code ranges} in every file that can, now: before the rows are read, so
   * that a row added meanwhile makes the facts older than the part, never newer.
   */
  void count(List<TimeRange> ranges) {
    if (ranges.isEmpty()) {
      return;
    }
    for (String label : counted) {
      Optional<RangeMarks> m = source.marks(segments.get(label), ranges);
      if (m.isEmpty()) {
        continue; // the index was dropped meanwhile: no counts, so no reuse by counts
      }
      for (int i = 0; i < ranges.size(); i++) {
        RangeMarks.Mark mark = m.get().marks().get(i);
        marked
            .computeIfAbsent(ranges.get(i), r -> new HashMap<>())
            .put(
                label,
                new Fact(identities.get(label), mark.rows(), mark.maxRowid(), m.get().lastRowid()));
      }
    }
  }

  /** The facts of the part {@code range} now, to store with it ({@link #count} it first). */
  String current(TimeRange range) {
    StringBuilder b = new StringBuilder();
    for (String label : identities.keySet()) {
      Fact f = now(label, range);
      b.append(label)
          .append('\t')
          .append(f.identity())
          .append('\t')
          .append(f.rows())
          .append('\t')
          .append(f.maxRowid())
          .append('\t')
          .append(f.lastRowid())
          .append('\n');
    }
    return b.toString();
  }

  private Fact now(String label, TimeRange range) {
    Fact f = marked.getOrDefault(range, Map.of()).get(label);
    return f != null ? f : new Fact(identities.get(label), -1, -1, -1);
  }

  /**
   * Whether {@code stored} facts name the same files with the same identities as now: the part
   * holds without counting anything.
   */
  boolean unchanged(String stored) {
    Map<String, Fact> was = parse(stored);
    if (was == null || !was.keySet().equals(identities.keySet())) {
      return false;
    }
    for (Map.Entry<String, Fact> e : was.entrySet()) {
      if (!e.getValue().identity().equals(identities.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a part stored with {@code stored} facts still holds for {@code range} of this window's
   * files ({@link #count} it first). A file in both with a new identity holds when it counts the
   * part's rows through its index, the count and largest rowid of the part are as stored, and
   * either neither time has rows of the part or the file's largest rowid grew (rows were added
   * elsewhere: a write with no new row is an edit in place, which no count locates). A file in one
   * only holds when it had, or has, no row of the part.
   */
  boolean holds(String stored, TimeRange range) {
    Map<String, Fact> was = parse(stored);
    if (was == null) {
      return false;
    }
    Set<String> all = new LinkedHashSet<>(was.keySet());
    all.addAll(identities.keySet());
    for (String label : all) {
      Fact then = was.get(label);
      Fact now = identities.containsKey(label) ? now(label, range) : null;
      if (!holds(then, now)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(Fact then, Fact now) {
    if (then == null) {
      return now.countsRows() && now.rows() == 0; // a file new to the window, without part rows
    }
    if (now == null) {
      return then.countsRows() && then.rows() == 0; // a file gone from the window (or deleted)
    }
    if (then.identity().equals(now.identity())) {
      return true;
    }
    if (!then.countsRows()
        || !now.countsRows()
        || then.rows() != now.rows()
        || then.maxRowid() != now.maxRowid()) {
      return false;
    }
    return now.rows() == 0 || now.lastRowid() > then.lastRowid();
  }

  /** The facts by file label, or null when they are not facts of this form. */
  private static Map<String, Fact> parse(String stored) {
    Map<String, Fact> out = new LinkedHashMap<>();
    for (String line : stored.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        return null;
      }
      try {
        out.put(
            f[0], new Fact(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  /** The ranges of {@code all} that need counts: {@code missing} or stored with changed facts. */
  static List<TimeRange> toCount(List<TimeRange> all, List<Optional<String>> stored, PartFacts f) {
    List<TimeRange> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (stored.get(i).isEmpty() || !f.unchanged(stored.get(i).get())) {
        out.add(all.get(i));
      }
    }
    return out;
  }
}
