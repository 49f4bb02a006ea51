package io.gpureport.aggregate;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.Long2ByteMap;
import it.unimi.dsi.fastutil.longs.Long2ByteOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The per-bucket GPU-key sets of every group of the rule set corrected and their integer sums over
 * buckets (docs/metrics.md, "Per-bucket sets"): per (group, key) the bits of what the key had in
 * the open bucket, and the keys with a Claimed backfill row (K). Closing a bucket turns the sets
 * into counts by the group's counting rule. Keys whose backfill class waits for the window's end
 * (C5 step 2) are kept apart per machine and candidate class, and added when the class is known.
 */
final class GroupSets {
  static final byte CLAIMED = 1;
  static final byte DRAINED = 2;
  static final byte PREVENT = 4;

  /** The class rule on a primary group (§3.1). */
  static final byte CLASS_PRIMARY = 0;

  /** The class rule on a backfill group: no Prevented. */
  static final byte CLASS_BACKFILL = 1;

  /** The busy rule: allocated = claimed or a Claimed backfill row (K). */
  static final byte BUSY = 2;

  /** Only counts: available = |T|, allocated = |C|. */
  static final byte COUNT = 3;

  private final Long2IntOpenHashMap ids = new Long2IntOpenHashMap();
  private final ByteArrayList rules = new ByteArrayList();
  private final IntArrayList classes = new IntArrayList();
  private final LongArrayList allocated = new LongArrayList();
  private final LongArrayList drained = new LongArrayList();
  private final LongArrayList available = new LongArrayList();
  private final LongArrayList prevented = new LongArrayList();

  private final Long2ByteOpenHashMap open = new Long2ByteOpenHashMap();
  private final Long2ByteOpenHashMap pending = new Long2ByteOpenHashMap();
  private final Long2IntOpenHashMap pendingMachine = new Long2IntOpenHashMap();
  private final IntOpenHashSet claimedBackfill = new IntOpenHashSet();

  /**
   * Per (machine, group) of pending keys: the sums to add if the machine's class is the group's.
   */
  private final Long2ObjectOpenHashMap<long[]> pendingSums = new Long2ObjectOpenHashMap<>();

  GroupSets() {
    ids.defaultReturnValue(-1);
    open.defaultReturnValue((byte) -1);
  }

  /**
   * The id of the group described by {@code descriptor}, registered with its rule and class (for
   * pending keys; any value where none apply) on first use.
   */
  int group(long descriptor, byte rule, int cls) {
    int id = ids.get(descriptor);
    if (id < 0) {
      id = rules.size();
      ids.put(descriptor, id);
      rules.add(rule);
      classes.add(cls);
      allocated.add(0);
      drained.add(0);
      available.add(0);
      prevented.add(0);
    }
    return id;
  }

  /** The class a group was registered with. */
  int classOf(int group) {
    return classes.getInt(group);
  }

  /** The id of a registered group, or -1. */
  int find(long descriptor) {
    return ids.get(descriptor);
  }

  /** The groups registered so far, by descriptor. */
  Long2IntOpenHashMap groups() {
    return ids;
  }

  /** Adds a key with the bits of one row to a group's set in the open bucket. */
  void add(int group, int key, byte bits) {
    long k = entry(group, key);
    byte old = open.get(k);
    open.put(k, old < 0 ? bits : (byte) (old | bits));
  }

  /** Adds a key whose backfill class is decided by its {@code machine} at the window's end. */
  void addPending(int group, int key, byte bits, int machine) {
    long k = entry(group, key);
    pending.put(k, (byte) (pending.get(k) | bits));
    pendingMachine.put(k, machine);
  }

  /** The key has a Claimed backfill row in the open bucket (K). */
  void claimedBackfill(int key) {
    claimedBackfill.add(key);
  }

  /** Counts the open bucket's sets into the sums and starts an empty bucket. */
  void closeBucket() {
    for (Long2ByteMap.Entry e : open.long2ByteEntrySet()) {
      long k = e.getLongKey();
      int g = (int) (k >>> 32);
      int key = (int) k;
      long[] c = counts(rules.getByte(g), e.getByteValue(), claimedBackfill.contains(key));
      addTo(g, c, 1);
    }
    for (Long2ByteMap.Entry e : pending.long2ByteEntrySet()) {
      long k = e.getLongKey();
      int g = (int) (k >>> 32);
      boolean inK = claimedBackfill.contains((int) k);
      byte decided = open.get(k);
      byte rule = rules.getByte(g);
      long[] with =
          counts(rule, decided < 0 ? e.getByteValue() : (byte) (decided | e.getByteValue()), inK);
      if (decided >= 0) {
        long[] without = counts(rule, decided, inK);
        for (int i = 0; i < with.length; i++) {
          with[i] -= without[i];
        }
      }
      long target = ((long) pendingMachine.get(k) << 32) | g;
      long[] sums = pendingSums.computeIfAbsent(target, t -> new long[4]);
      for (int i = 0; i < sums.length; i++) {
        sums[i] += with[i];
      }
    }
    open.clear();
    pending.clear();
    pendingMachine.clear();
    claimedBackfill.clear();
  }

  /** Adds the pending sums of a machine's groups that {@code resolved} accepts. */
  void resolvePending(PendingResolution resolved) {
    for (Long2ObjectOpenHashMap.Entry<long[]> e : pendingSums.long2ObjectEntrySet()) {
      int machine = (int) (e.getLongKey() >>> 32);
      int g = (int) e.getLongKey();
      if (resolved.accepts(machine, g)) {
        addTo(g, e.getValue(), 1);
      }
    }
    pendingSums.clear();
  }

  /** Whether the pending sums of (machine, group) belong to the machine's class. */
  interface PendingResolution {
    boolean accepts(int machine, int group);
  }

  /** The sums of a group over the closed buckets. */
  CorrectedReport.Sums sums(int group) {
    if (group < 0) {
      return CorrectedReport.Sums.ZERO;
    }
    return new CorrectedReport.Sums(
        allocated.getLong(group),
        drained.getLong(group),
        available.getLong(group),
        prevented.getLong(group));
  }

  private void addTo(int g, long[] c, int sign) {
    allocated.set(g, allocated.getLong(g) + sign * c[0]);
    drained.set(g, drained.getLong(g) + sign * c[1]);
    available.set(g, available.getLong(g) + sign * c[2]);
    prevented.set(g, prevented.getLong(g) + sign * c[3]);
  }

  /** One key's counts (allocated, drained, available, prevented) by a rule (§3.1). */
  private static long[] counts(byte rule, byte bits, boolean inK) {
    boolean c = (bits & CLAIMED) != 0;
    boolean d = (bits & DRAINED) != 0;
    boolean j = (bits & PREVENT) != 0;
    return switch (rule) {
      case CLASS_PRIMARY ->
          new long[] {c ? 1 : 0, d && !c ? 1 : 0, 1, j && !c && !d && !inK ? 1 : 0};
      case CLASS_BACKFILL -> new long[] {c ? 1 : 0, d && !c ? 1 : 0, 1, 0};
      case BUSY -> {
        boolean busy = c || inK;
        yield new long[] {busy ? 1 : 0, d && !busy ? 1 : 0, 1, j && !busy && !d ? 1 : 0};
      }
      default -> new long[] {c ? 1 : 0, 0, 1, 0};
    };
  }

  private static long entry(int group, int key) {
    return ((long) group << 32) | (key & 0xffffffffL);
  }
}
