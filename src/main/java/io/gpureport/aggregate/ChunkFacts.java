package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;
import java.util.Arrays;

/**
 * One chunk's rows as the switchable reference computation reads them (CORRECTED.md §10.1): the
 * window-wide codes of machine, GPU id (the empty id {@link Codes#EMPTY_ID} kept, L12), GPU key
 * (machine, id) and device, and per row the facts its rules test: backfill, CHTC-owned, excluded
 * and {@code --host} (as classified), Claimed or Unclaimed, the kind of PrioritizedProjects,
 * whether {@code Name} contains {@code interactive}, and the order of {@code Name} for C1's ties.
 */
final class ChunkFacts {
  static final byte PP_NULL = 0;
  static final byte PP_EMPTY = 1;

  /** Non-empty text made only of characters up to U+0020. */
  static final byte PP_BLANK = 2;

  static final byte PP_TEXT = 3;

  /** Window-wide codes, shared by every chunk of a fold. */
  static final class Codes {
    /** The code of the GPU id {@code ""}. */
    static final int EMPTY_ID = 0;

    final Dictionary machines = new Dictionary();
    final Dictionary gpus = new Dictionary();
    final Dictionary devices = new Dictionary();
    private final GpuKeys keys = new GpuKeys();

    Codes() {
      gpus.encode("");
    }

    /** The key id of (machine, GPU id), both codes here, machine -1 for NULL. */
    int key(int machine, int gpu) {
      return keys.id(machine, gpu);
    }
  }

  final int size;
  final long[] timestamps;
  final int[] bucket;
  final int[] flags;
  final byte[] state;
  final int[] machine;
  final int[] gpu;
  final int[] key;
  final int[] device;
  final byte[] projects;
  final boolean[] interactive;
  final int[] nameOrder;

  /** The facts of a chunk whose rows fall in {@code bucket}s; adds its values to {@code codes}. */
  ChunkFacts(ClassifiedRows rows, Codes codes, int[] bucket) {
    SlotTable t = rows.loaded();
    if (!t.hasPrevent()) {
      throw new IllegalArgumentException(
          "rule effects need rows loaded with Projection.CORRECTED (names, projects)");
    }
    SlotTable.Dictionaries d = t.dictionaries();
    this.size = rows.size();
    this.timestamps = rows.timestamps();
    this.bucket = bucket;
    this.flags = rows.flags();
    this.state = rows.states();
    this.machine =
        ReportFold.recode(t.codes(SlotTable.MACHINE).asIntArray(), d.machines(), codes.machines);
    this.gpu = ReportFold.recode(t.codes(SlotTable.GPU).asIntArray(), d.gpus(), codes.gpus);
    this.device =
        ReportFold.recode(t.codes(SlotTable.DEVICE).asIntArray(), d.devices(), codes.devices);
    this.key = new int[size];
    for (int i = 0; i < size; i++) {
      key[i] = gpu[i] < 0 ? -1 : codes.key(machine[i], gpu[i]);
    }
    byte[] kinds = new byte[d.projects().size()];
    for (int p = 0; p < kinds.length; p++) {
      kinds[p] = kind(d.projects().value(p));
    }
    int[] pp = t.codes(SlotTable.PROJECTS).asIntArray();
    this.projects = new byte[size];
    for (int i = 0; i < size; i++) {
      projects[i] = pp[i] < 0 ? PP_NULL : kinds[pp[i]];
    }
    int[] names = t.codes(SlotTable.NAME).asIntArray();
    int[] order = order(d.names());
    boolean[] interactiveName = new boolean[d.names().size()];
    for (int n = 0; n < interactiveName.length; n++) {
      interactiveName[n] = d.names().value(n).contains("interactive");
    }
    this.interactive = new boolean[size];
    this.nameOrder = new int[size];
    for (int i = 0; i < size; i++) {
      interactive[i] = names[i] >= 0 && interactiveName[names[i]];
      nameOrder[i] = names[i] < 0 ? -1 : order[names[i]];
    }
  }

  /** The kind of a PrioritizedProjects value. */
  static byte kind(String pp) {
    if (pp == null) {
      return PP_NULL;
    }
    if (pp.isEmpty()) {
      return PP_EMPTY;
    }
    return pp.trim().isEmpty() ? PP_BLANK : PP_TEXT;
  }

  boolean has(int row, int flag) {
    return (flags[row] & flag) != 0;
  }

  boolean backfill(int row) {
    return has(row, RowFlags.BACKFILL);
  }

  boolean claimed(int row) {
    return state[row] == SlotState.CLAIMED;
  }

  boolean unclaimed(int row) {
    return state[row] == SlotState.UNCLAIMED;
  }

  /** Per code, its position in code-point order of the values. */
  private static int[] order(Dictionary values) {
    Integer[] codes = new Integer[values.size()];
    for (int k = 0; k < codes.length; k++) {
      codes[k] = k;
    }
    Arrays.sort(codes, (x, y) -> CorrectedFold.codePointOrder(values.value(x), values.value(y)));
    int[] out = new int[codes.length];
    for (int p = 0; p < codes.length; p++) {
      out[codes[p]] = p;
    }
    return out;
  }
}
