package io.gpureport.aggregate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Dense ids of the GPU keys (Machine, GPU id) a fold has seen (docs/metrics.md, "Rule set
 * corrected": a GPU is a key), with each key's machine; codes are the fold's window-wide ones.
 */
final class GpuKeys {
  private final Long2IntOpenHashMap ids = new Long2IntOpenHashMap();
  private final IntArrayList machines = new IntArrayList();

  GpuKeys() {
    ids.defaultReturnValue(-1);
  }

  /** The id of (machine, GPU id); machine -1 for NULL. New keys get the next id. */
  int id(int machine, int gpu) {
    long k = ((long) (machine + 1) << 32) | gpu;
    int id = ids.get(k);
    if (id < 0) {
      id = machines.size();
      ids.put(k, id);
      machines.add(machine + 1);
    }
    return id;
  }

  /** The machine of a key: its code + 1, 0 for NULL. */
  int machine(int key) {
    return machines.getInt(key);
  }

  /** The number of keys seen. */
  int size() {
    return machines.size();
  }
}
