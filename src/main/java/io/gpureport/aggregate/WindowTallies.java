package io.gpureport.aggregate;

import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import io.gpureport.load.SlotTable;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The window-level state of the report v2's host sections (docs/metrics.md, "Rule set corrected",
 * F4–F6): per machine its prevented and zero-active facts, per GPU key its draining intervals, and
 * the device names the model filter removed. Small: per machine and per key, never per row.
 */
final class WindowTallies {
  static final long GAP_MICROS = 20L * 60 * 1_000_000;
  static final long SINGLE_MICROS = 15L * 60 * 1_000_000;

  /** One machine's facts, by global machine code + 1 (0 = NULL). */
  static final class MachineTally {
    final IntOpenHashSet keys = new IntOpenHashSet();
    final IntOpenHashSet active = new IntOpenHashSet();
    final Map<Integer, IntOpenHashSet> deviceKeys = new TreeMap<>();
    final TreeSet<String> projects = new TreeSet<>(CorrectedFold::codePointOrder);
    final IntOpenHashSet preventKeys = new IntOpenHashSet();
    final TreeSet<String> reasons = new TreeSet<>(CorrectedFold::codePointOrder);
    long preventLastSeen = Long.MIN_VALUE;
    int preventLastBucket = -1;
  }

  /** One key's draining intervals (F5). */
  static final class Drain {
    final int machine;
    long start;
    long last;
    int intervals;
    long micros;

    Drain(int machine, long ts) {
      this.machine = machine;
      this.start = ts;
      this.last = ts;
      this.intervals = 1;
    }

    void add(long ts) {
      if (ts - last > GAP_MICROS) {
        close();
        intervals++;
        start = ts;
      }
      last = ts;
    }

    /** Adds the open interval's length: first to last, or 15 minutes for one timestamp. */
    void close() {
      micros += last == start ? SINGLE_MICROS : last - start;
    }
  }

  final Int2ObjectOpenHashMap<MachineTally> machines = new Int2ObjectOpenHashMap<>();
  final Int2ObjectOpenHashMap<Drain> drains = new Int2ObjectOpenHashMap<>();
  final IntOpenHashSet preventKeys = new IntOpenHashSet();
  final BitSet removedDevices = new BitSet();
  final BitSet excludedMachines = new BitSet();

  private final IntOpenHashSet drained = new IntOpenHashSet();
  private final IntOpenHashSet claimed = new IntOpenHashSet();

  MachineTally machine(int m) {
    return machines.computeIfAbsent(m, x -> new MachineTally());
  }

  /** A kept primary row in scope (F6): the machine's GPUs, active GPUs and devices. */
  void keptInScope(CorrectedFold.Chunk c, int i, int k) {
    MachineTally t = machine(c.machine[i] + 1);
    t.keys.add(k);
    if (c.rows.states()[i] == SlotState.CLAIMED) {
      t.active.add(k);
    }
    t.deviceKeys.computeIfAbsent(c.device[i], d -> new IntOpenHashSet()).add(k);
  }

  /** The pre-dedup scope rows of one snapshot (F4, F5, F6's projects) and removed devices. */
  void snapshot(CorrectedFold.Chunk c, int from, int to, long ts, int bucket, boolean allDevices) {
    SlotTable.Dictionaries d = c.table.dictionaries();
    int[] projects = c.table.codes(SlotTable.PROJECTS).asIntArray();
    int[] reasons = c.table.codes(SlotTable.PREVENT).asIntArray();
    drained.clear();
    claimed.clear();
    for (int i = from; i < to; i++) {
      int f = c.flags[i];
      if ((f & RowFlags.EXCLUDED) != 0) {
        excludedMachines.set(c.machine[i] + 1);
        continue;
      }
      int k = c.key[i];
      if (k < 0 || (f & RowFlags.HOST_NAME) == 0) {
        continue;
      }
      if (!allDevices && (f & RowFlags.OLD_DEVICE) != 0) {
        removedDevices.set(c.device[i] + 1);
        continue;
      }
      MachineTally t = machine(c.machine[i] + 1);
      if ((f & RowFlags.PP_BLANK) == 0) {
        t.projects.add(d.projects().value(projects[i]).trim());
      }
      if ((f & RowFlags.PREVENT_SET) != 0) {
        t.preventKeys.add(k);
        preventKeys.add(k);
        t.reasons.add(d.reasons().value(reasons[i]).trim());
        t.preventLastSeen = Math.max(t.preventLastSeen, ts);
        t.preventLastBucket = bucket;
      }
      byte st = c.rows.states()[i];
      if (st == SlotState.DRAINED) {
        drained.add(k);
      } else if (st == SlotState.CLAIMED) {
        claimed.add(k);
      }
    }
    for (int k : drained) {
      if (!claimed.contains(k)) {
        Drain dr = drains.get(k);
        if (dr == null) {
          drains.put(k, new Drain(c.keyMachine(k), ts));
        } else {
          dr.add(ts);
        }
      }
    }
  }
}
