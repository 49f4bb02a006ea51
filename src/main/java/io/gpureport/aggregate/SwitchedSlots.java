package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.DeviceModels;
import io.gpureport.classify.RowFlags;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The reference computation of the Real and Backfill Slots tables (S§7.3–§7.4, with its classes
 * S§5.3 and dedup S§6) written out row by row, with the changes of CORRECTED.md §10.1 that change
 * the counts (C1–C6, C10) behind switches: folded snapshot by snapshot into a {@link SlotTally}.
 * With every switch off it counts what the production accumulators count.
 *
 * <p>C5 decides a backfill row whose key has no kept primary row by its machine being prioritized
 * in the whole window. Until a machine shows a prioritized primary row it is taken as not
 * prioritized; if one shows up after such a row was counted, {@link #revised()} says so and the
 * window must be folded again with the machines now known ({@link #knownPrioritized}).
 */
final class SwitchedSlots {
  private final RuleSwitches switches;

  /** {@link #switches} by rule ordinal: read for every row, so not a set lookup. */
  private final boolean[] on = new boolean[RuleSwitch.values().length];

  private final boolean allDevices;
  private final ChunkFacts.Codes codes;
  private final SlotTally tally = new SlotTally();

  /** Per device code + 1 (0: NULL): its position in the device list, -1 filtered, -2 unseen. */
  private int[] position = new int[0];

  private int positions;

  private final Long2IntOpenHashMap best = new Long2IntOpenHashMap();
  private int[] keptRow = new int[0];
  private int[] keptSnapshot = new int[0];
  private int snapshot;

  /** Per machine code + 1: prioritized so far (C5), or as known from a first fold. */
  private final BitSet prioritized = new BitSet();

  private final BitSet takenOpen = new BitSet();
  private final Set<String> known;
  private final BitSet knownLooked = new BitSet();
  private boolean revised;

  /**
   * A computation with {@code switches} (only those that change counts are read), the model filter
   * off with {@code allDevices}; {@code known}: C5's prioritized machines by name, from a first
   * fold of the same window, or null.
   */
  SwitchedSlots(
      RuleSwitches switches, boolean allDevices, ChunkFacts.Codes codes, Set<String> known) {
    this.switches = switches;
    for (RuleSwitch r : RuleSwitch.values()) {
      on[r.ordinal()] = switches.has(r);
    }
    this.allDevices = allDevices;
    this.codes = codes;
    this.known = known;
    best.defaultReturnValue(-1);
  }

  /** Adds a chunk, after every chunk added before. */
  void add(ChunkFacts c) {
    int from = 0;
    for (int i = 1; i <= c.size; i++) {
      if (i == c.size || c.timestamps[i] != c.timestamps[from]) {
        snapshot(c, from, i);
        from = i;
      }
    }
  }

  /** One snapshot, rows {@code [from, to)}. */
  private void snapshot(ChunkFacts c, int from, int to) {
    tally.bucket(c.bucket[from]);
    for (int i = from; i < to; i++) {
      grow(c, i);
    }
    if (on(RuleSwitch.C5)) {
      keepPrimaryRows(c, from, to);
    }
    dedup(c, from, to);
    for (int i = from; i < to; i++) {
      int pos = position(c, i);
      int gpu = counted(c, i);
      if (pos >= 0 && gpu >= 0 && c.backfill(i) && c.has(i, RowFlags.HOST_NAME)) {
        int cls = on(RuleSwitch.C5) ? ownedBackfillClass(c, i) : ownBackfillClass(c, i);
        tally.backfill(cls, pos, gpu, key(c, i), c.claimed(i));
      }
    }
  }

  /** S§6 per device set (S§6.4), or C1's key and ranks; counts the kept primary rows. */
  private void dedup(ChunkFacts c, int from, int to) {
    boolean c1 = on(RuleSwitch.C1);
    long stride = Integer.MAX_VALUE + 1L;
    for (int i = from; i < to; i++) {
      int pos = position(c, i);
      if (pos < 0) {
        continue;
      }
      long group;
      if (c1) {
        int k = key(c, i);
        if (k < 0) {
          continue; // C1 groups non-NULL ids only
        }
        group = pos * stride + k;
      } else {
        int id = id(c, i);
        group = pos * stride + (id >= 0 ? id : Integer.MAX_VALUE); // NULL ids: one group
      }
      int b = best.get(group);
      if (b < 0 || (c1 ? betterC1(c, i, b) : referenceRank(c, i) > referenceRank(c, b))) {
        best.put(group, i);
      }
    }
    for (Long2IntMap.Entry e : best.long2IntEntrySet()) {
      int i = e.getIntValue();
      int gpu = counted(c, i);
      if (!c.backfill(i) && gpu >= 0 && c.has(i, RowFlags.HOST_NAME)) {
        int cls = primaryClass(c, i);
        if (cls >= 0) {
          tally.real(cls, position(c, i), gpu, key(c, i), c.claimed(i));
        }
      }
    }
    best.clear();
  }

  /** C5: the kept primary row of each key (C1's ranks among primary rows) in this snapshot. */
  private void keepPrimaryRows(ChunkFacts c, int from, int to) {
    snapshot++;
    boolean c3 = on(RuleSwitch.C3);
    for (int i = from; i < to; i++) {
      if (c.backfill(i) || c.has(i, RowFlags.EXCLUDED)) {
        continue;
      }
      if (c3 ? c.projects[i] == ChunkFacts.PP_TEXT : nonEmptyForBackfill(c.projects[i])) {
        prioritize(c.machine[i] + 1);
      }
      int k = key(c, i);
      if (k < 0) {
        continue;
      }
      if (k >= keptRow.length) {
        keptRow = Arrays.copyOf(keptRow, Math.max(k + 1, 2 * keptRow.length));
        keptSnapshot = Arrays.copyOf(keptSnapshot, keptRow.length);
      }
      if (keptSnapshot[k] != snapshot || betterC1(c, i, keptRow[k])) {
        keptRow[k] = i;
        keptSnapshot[k] = snapshot;
      }
    }
  }

  private void prioritize(int machine) {
    if (known == null && !prioritized.get(machine)) {
      prioritized.set(machine);
      revised |= takenOpen.get(machine);
    }
  }

  private boolean isPrioritized(int machine) {
    if (known == null) {
      return prioritized.get(machine);
    }
    if (!knownLooked.get(machine)) {
      knownLooked.set(machine);
      prioritized.set(machine, known.contains(codes.machines.value(machine - 1)));
    }
    return prioritized.get(machine);
  }

  /** The class (3–5) of a backfill row by its own PrioritizedProjects (S§5.3, L5). */
  private int ownBackfillClass(ChunkFacts c, int i) {
    if (c.has(i, RowFlags.CHTC)) {
      return 4;
    }
    boolean nonEmpty =
        on(RuleSwitch.C3)
            ? c.projects[i] == ChunkFacts.PP_TEXT
            : nonEmptyForBackfill(c.projects[i]);
    return nonEmpty ? 3 : 5;
  }

  /** C5: the class of the key's kept primary row, else the machine's. */
  private int ownedBackfillClass(ChunkFacts c, int i) {
    int k = key(c, i);
    if (k >= 0 && k < keptRow.length && keptSnapshot[k] == snapshot) {
      int cls = primaryClass(c, keptRow[k]);
      if (cls >= 0) {
        return cls + 3;
      }
    }
    int machine = c.machine[i] + 1;
    if (isPrioritized(machine)) {
      return c.has(i, RowFlags.CHTC) ? 4 : 3;
    }
    takenOpen.set(machine);
    return 5;
  }

  /** The class (0–2) of a primary row (S§5.3; C3's test; C4's interactive rows: -1). */
  private int primaryClass(ChunkFacts c, int i) {
    byte pp = c.projects[i];
    boolean nonEmpty = on(RuleSwitch.C3) ? pp == ChunkFacts.PP_TEXT : pp != ChunkFacts.PP_EMPTY;
    if (nonEmpty) {
      return c.has(i, RowFlags.CHTC) ? 1 : 0;
    }
    return on(RuleSwitch.C4) && c.interactive[i] ? -1 : 2;
  }

  /** ppNonEmpty_B (S§5.1): neither NULL nor {@code ""}. */
  private static boolean nonEmptyForBackfill(byte pp) {
    return pp == ChunkFacts.PP_BLANK || pp == ChunkFacts.PP_TEXT;
  }

  /** S§6.2: 3 Claimed primary, 2 Claimed backfill, 1 Unclaimed primary, 0 anything else. */
  private static int referenceRank(ChunkFacts c, int i) {
    if (c.claimed(i)) {
      return c.backfill(i) ? 2 : 3;
    }
    return c.unclaimed(i) && !c.backfill(i) ? 1 : 0;
  }

  /** C1: Claimed, Unclaimed, other: 5, 4, 3 primary and 2, 1, 0 backfill. */
  private static int rankC1(ChunkFacts c, int i) {
    int r = c.claimed(i) ? 2 : c.unclaimed(i) ? 1 : 0;
    return c.backfill(i) ? r : r + 3;
  }

  /** C1: a higher rank, then the smaller {@code Name} (NULL first); load order after. */
  private static boolean betterC1(ChunkFacts c, int i, int j) {
    int a = rankC1(c, i);
    int b = rankC1(c, j);
    return a != b ? a > b : c.nameOrder[i] < c.nameOrder[j];
  }

  /** The row's GPU id code; -1 for NULL, and with C2 for {@code ""}. */
  private int id(ChunkFacts c, int i) {
    int g = c.gpu[i];
    return on(RuleSwitch.C2) && g == ChunkFacts.Codes.EMPTY_ID ? -1 : g;
  }

  /** The row's GPU key (machine, id), -1 when {@link #id} is. */
  private int key(ChunkFacts c, int i) {
    return id(c, i) < 0 ? -1 : c.key[i];
  }

  /** What is counted as a GPU: its id (S§7.2), or its key with C6; -1 for none. */
  private int counted(ChunkFacts c, int i) {
    return on(RuleSwitch.C6) ? key(c, i) : id(c, i);
  }

  /** The row's device position; -1 when excluded or not in the device list. */
  private int position(ChunkFacts c, int i) {
    return c.has(i, RowFlags.EXCLUDED) ? -1 : position[c.device[i] + 1];
  }

  /**
   * Extends the device list with a row's device in load order (S§7.3: non-NULL names, the old
   * models by substring dropped; C10: NULL kept as {@code Unknown}, only C10's old models dropped).
   */
  private void grow(ChunkFacts c, int i) {
    int d = c.device[i] + 1;
    if (d >= position.length) {
      int old = position.length;
      position = Arrays.copyOf(position, Math.max(d + 1, 2 * old));
      Arrays.fill(position, old, position.length, -2);
    }
    if (position[d] != -2) {
      return;
    }
    String name = codes.devices.value(d - 1);
    boolean kept;
    if (on(RuleSwitch.C10)) {
      kept = allDevices || !DeviceModels.isOld(name);
    } else {
      kept = name != null && (allDevices || !DeviceModels.isOldBySubstring(name));
    }
    position[d] = kept ? positions++ : -1;
  }

  private boolean on(RuleSwitch rule) {
    return on[rule.ordinal()];
  }

  /** Whether C5 took a machine as not prioritized before it showed a prioritized row. */
  boolean revised() {
    return revised;
  }

  /** C5's prioritized machines by name ({@code null} for a NULL machine). */
  Set<String> knownPrioritized() {
    Set<String> out = new HashSet<>();
    for (int m = prioritized.nextSetBit(0); m >= 0; m = prioritized.nextSetBit(m + 1)) {
      out.add(codes.machines.value(m - 1));
    }
    return out;
  }

  /** The eight rows with the totals' switches of {@code run} over {@code buckets} buckets. */
  RuleEffects.SlotRows rows(RuleSwitches run, int buckets, ClassCatalogue classes) {
    return tally.rows(run, positions, buckets, classes);
  }
}
