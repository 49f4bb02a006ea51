package io.gpureport.aggregate;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.Long2ByteMap;
import it.unimi.dsi.fastutil.longs.Long2ByteOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;

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

  /** Per group: allocated, drained, available and prevented sums at 4g … 4g + 3. */
  private long[] sums = new long[64];

  private final Long2ByteOpenHashMap open = new Long2ByteOpenHashMap();
  private final Long2ByteOpenHashMap pending = new Long2ByteOpenHashMap();
  private final IntOpenHashSet claimedBackfill = new IntOpenHashSet();

  /**
   * Per (machine, group) of pending keys: the sums to add if the machine's class is the group's.
   */
  private final Long2ObjectOpenHashMap<long[]> pendingSums = new Long2ObjectOpenHashMap<>();

  /** The number of groups a kept primary row belongs to ({@link #addProfile}). */
  static final int PROFILE = 7;

  /**
   * The fast path for kept primary rows: per key its groups and bits in the open bucket, in arrays
   * (a key usually has one snapshot a bucket); a key whose groups change within a bucket moves to
   * the map.
   */
  private int[] profileGroups = new int[0];

  private byte[] profileBits = new byte[0];
  private int[] profileBucket = new int[0];
  private final IntArrayList profiled = new IntArrayList();
  private int bucket = 1;

  private final GpuKeys keys;

  /** Sets over the keys of {@code keys} (whose machines decide pending keys' classes). */
  GroupSets(GpuKeys keys) {
    this.keys = keys;
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
      if (sums.length < 4 * rules.size()) {
        sums = Arrays.copyOf(sums, sums.length * 2);
      }
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
    byte old = open.put(k, bits);
    if (old > 0 && (old | bits) != bits) {
      open.put(k, (byte) (old | bits));
    }
  }

  /** Adds a key to the {@value #PROFILE} groups of a kept primary row in the open bucket. */
  void addProfile(int key, int[] groups, byte bits) {
    if (key >= profileBucket.length) {
      int size = Math.max(key + 1, profileBucket.length * 2);
      profileBucket = Arrays.copyOf(profileBucket, size);
      profileBits = Arrays.copyOf(profileBits, size);
      profileGroups = Arrays.copyOf(profileGroups, size * PROFILE);
    }
    int at = key * PROFILE;
    if (profileBucket[key] == bucket) {
      if (Arrays.equals(profileGroups, at, at + PROFILE, groups, 0, PROFILE)) {
        profileBits[key] |= bits;
        return;
      }
      profileBucket[key] = -bucket; // groups changed within the bucket: the map from now on
      for (int i = 0; i < PROFILE; i++) {
        add(profileGroups[at + i], key, profileBits[key]);
      }
    }
    if (profileBucket[key] == -bucket) {
      for (int i = 0; i < PROFILE; i++) {
        add(groups[i], key, bits);
      }
      return;
    }
    profileBucket[key] = bucket;
    profileBits[key] = bits;
    System.arraycopy(groups, 0, profileGroups, at, PROFILE);
    profiled.add(key);
  }

  /** Adds a key whose backfill class is decided by its {@code machine} at the window's end. */
  void addPending(int group, int key, byte bits) {
    long k = entry(group, key);
    pending.put(k, (byte) (pending.get(k) | bits));
  }

  /** The key has a Claimed backfill row in the open bucket (K). */
  void claimedBackfill(int key) {
    claimedBackfill.add(key);
  }

  /** Counts the open bucket's sets into the sums and starts an empty bucket. */
  void closeBucket() {
    for (int j = 0; j < profiled.size(); j++) {
      int key = profiled.getInt(j);
      if (profileBucket[key] == bucket) {
        boolean inK = claimedBackfill.contains(key);
        for (int i = key * PROFILE; i < key * PROFILE + PROFILE; i++) {
          int g = profileGroups[i];
          count(g, rules.getByte(g), profileBits[key], inK);
        }
      }
    }
    profiled.clear();
    bucket++;
    for (Long2ByteMap.Entry e : open.long2ByteEntrySet()) {
      long k = e.getLongKey();
      int g = (int) (k >>> 32);
      count(g, rules.getByte(g), e.getByteValue(), claimedBackfill.contains((int) k));
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
      long target = ((long) keys.machine((int) k) << 32) | g;
      long[] sums = pendingSums.computeIfAbsent(target, t -> new long[4]);
      for (int i = 0; i < sums.length; i++) {
        sums[i] += with[i];
      }
    }
    open.clear();
    pending.clear();
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
    int i = 4 * group;
    return new CorrectedReport.Sums(sums[i], sums[i + 1], sums[i + 2], sums[i + 3]);
  }

  private void addTo(int g, long[] c, int sign) {
    for (int i = 0; i < 4; i++) {
      sums[4 * g + i] += sign * c[i];
    }
  }

  /** Adds one key's counts to its group's sums by the group's rule (§3.1), allocation-free. */
  private void count(int g, byte rule, byte bits, boolean inK) {
    boolean c = (bits & CLAIMED) != 0;
    boolean d = (bits & DRAINED) != 0;
    boolean j = (bits & PREVENT) != 0;
    boolean allocated = rule == BUSY ? c || inK : c;
    int i = 4 * g;
    sums[i + 2]++;
    if (allocated) {
      sums[i]++;
    } else if (d && rule != COUNT) {
      sums[i + 1]++;
    } else if (j && (rule == BUSY || rule == CLASS_PRIMARY && !inK)) {
      sums[i + 3]++;
    }
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
