package io.gpureport.aggregate;

import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.BitSet;
import java.util.TreeSet;

/**
 * The window-level state of the report v2's host sections (docs/metrics.md, "Rule set corrected",
 * F4–F6): per GPU key whether it was in scope, active and on which devices, and its draining
 * intervals; per machine its projects and prevented facts; the device names the model filter
 * removed. Per key and per machine, never per row.
 */
final class WindowTallies {
  static final long GAP_MICROS = 20L * 60 * 1_000_000;
  static final long SINGLE_MICROS = 15L * 60 * 1_000_000;

  /** One machine's projects and PreventJobsReason facts, by global machine code + 1. */
  static final class MachineTally {
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
        micros += length();
        intervals++;
        start = ts;
      }
      last = ts;
    }

    /** The open interval's length: first to last, or 15 minutes for one timestamp. */
    long length() {
      return last == start ? SINGLE_MICROS : last - start;
    }
  }

  final Int2ObjectOpenHashMap<MachineTally> machines = new Int2ObjectOpenHashMap<>();
  final Int2ObjectOpenHashMap<Drain> drains = new Int2ObjectOpenHashMap<>();
  final BitSet removedDevices = new BitSet();
  final BitSet excludedMachines = new BitSet();

  /** F6: keys with a kept primary row in scope, and those of them ever Claimed. */
  final BitSet inScope = new BitSet();

  final BitSet active = new BitSet();

  /** F6: the (key, device + 1) pairs of kept primary rows in scope. */
  final LongOpenHashSet keyDevices = new LongOpenHashSet();

  private int[] lastDevice = new int[0];
  private final IntArrayList drained = new IntArrayList();
  private final IntOpenHashSet claimed = new IntOpenHashSet();

  MachineTally machine(int m) {
    return machines.computeIfAbsent(m, x -> new MachineTally());
  }

  /** A kept primary row in scope (F6): the key is the machine's, active when Claimed. */
  void keptInScope(CorrectedFold.Chunk c, int i, int k) {
    inScope.set(k);
    if (c.rows.states()[i] == SlotState.CLAIMED) {
      active.set(k);
    }
    if (k >= lastDevice.length) {
      int old = lastDevice.length;
      lastDevice = Arrays.copyOf(lastDevice, Math.max(k + 1, old * 2));
      Arrays.fill(lastDevice, old, lastDevice.length, Integer.MIN_VALUE);
    }
    int d = c.device[i] + 1;
    if (lastDevice[k] != d) {
      lastDevice[k] = d;
      keyDevices.add(((long) k << 32) | d);
    }
  }

  /** The pre-dedup scope rows of one snapshot (F4, F5, F6's projects) and removed devices. */
  void snapshot(CorrectedFold.Chunk c, int from, int to, long ts, int bucket, boolean allDevices) {
    drained.clear();
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
      int m = c.machine[i] + 1;
      if ((f & RowFlags.PP_BLANK) == 0) {
        String project = c.newProject(m, i);
        if (project != null) {
          machine(m).projects.add(project);
        }
      }
      if ((f & RowFlags.PREVENT_SET) != 0) {
        prevented(c, i, k, m, ts, bucket);
      }
      if (c.rows.states()[i] == SlotState.DRAINED) {
        drained.add(k);
      }
    }
    if (!drained.isEmpty()) {
      drains(c, from, to, ts, allDevices);
    }
  }

  private void prevented(CorrectedFold.Chunk c, int i, int k, int m, long ts, int bucket) {
    MachineTally t = machine(m);
    t.preventKeys.add(k);
    String reason = c.newReason(m, i);
    if (reason != null) {
      t.reasons.add(reason);
    }
    t.preventLastSeen = Math.max(t.preventLastSeen, ts);
    t.preventLastBucket = bucket;
  }

  /** F5: the snapshot's drained keys that are not also Claimed in it. */
  private void drains(CorrectedFold.Chunk c, int from, int to, long ts, boolean allDevices) {
    claimed.clear();
    for (int i = from; i < to; i++) {
      int f = c.flags[i];
      boolean inScope =
          (f & (RowFlags.EXCLUDED | RowFlags.HOST_NAME)) == RowFlags.HOST_NAME
              && (allDevices || (f & RowFlags.OLD_DEVICE) == 0);
      if (inScope && c.key[i] >= 0 && c.rows.states()[i] == SlotState.CLAIMED) {
        claimed.add(c.key[i]);
      }
    }
    for (int k : drained) {
      if (claimed.contains(k)) {
        continue;
      }
      Drain d = drains.get(k);
      if (d == null) {
        drains.put(k, new Drain(c.keyMachine(k), ts));
      } else if (d.last != ts) {
        d.add(ts);
      }
    }
  }
}
