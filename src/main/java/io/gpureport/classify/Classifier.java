package io.gpureport.classify;

import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;
import java.util.regex.Pattern;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;

/**
 * Computes the per-row class predicates (docs/metrics.md, "Classes") once, per dictionary value
 * where possible.
 */
public final class Classifier {
  private Classifier() {}

  /** Classifies every loaded row. */
  public static ClassifiedRows classify(SlotTable table, ClassifyRules rules) {
    SlotTable.Dictionaries d = table.dictionaries();
    int[] nameFlags = nameFlags(d.names(), rules.hostOnName());
    int[] machineFlags = machineFlags(d.machines(), rules);
    int[] ppFlags = ppFlags(d.projects());
    byte[] stateCodes = new byte[d.states().size()];
    for (int i = 0; i < stateCodes.length; i++) {
      stateCodes[i] = SlotState.of(d.states().value(i));
    }
    int n = table.rowCount();
    IntColumn names = table.codes(SlotTable.NAME);
    IntColumn machines = table.codes(SlotTable.MACHINE);
    IntColumn projects = table.codes(SlotTable.PROJECTS);
    IntColumn states = table.codes(SlotTable.STATE);
    DoubleColumn memory = table.numbers(SlotTable.MEMORY);
    int[] flags = new int[n];
    byte[] state = new byte[n];
    byte[] mem = new byte[n];
    long excluded = 0;
    int noHost = rules.hostOnMachine() == null ? RowFlags.HOST_MACHINE | RowFlags.HOST_NAME : 0;
    for (int i = 0; i < n; i++) {
      int f = noHost;
      f |= lookup(nameFlags, names.getInt(i), 0);
      f |= lookup(machineFlags, machines.getInt(i), 0);
      f |= lookup(ppFlags, projects.getInt(i), RowFlags.PP_NULL);
      flags[i] = f;
      if ((f & RowFlags.EXCLUDED) != 0) {
        excluded++;
      }
      int s = states.getInt(i);
      state[i] = s == Dictionary.NULL ? SlotState.OTHER : stateCodes[s];
      mem[i] = (byte) MemoryCategory.of(memory.getDouble(i)).ordinal();
    }
    return new ClassifiedRows(
        table.timestamps().asLongArray(),
        flags,
        state,
        mem,
        table.codes(SlotTable.GPU).asIntArray(),
        table.codes(SlotTable.DEVICE).asIntArray(),
        table.codes(SlotTable.OWNER).asIntArray(),
        d.devices(),
        d.owners(),
        d.gpus(),
        excluded);
  }

  private static int lookup(int[] byCode, int code, int whenNull) {
    return code == Dictionary.NULL ? whenNull : byCode[code];
  }

  private static int[] nameFlags(Dictionary names, Pattern host) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      String name = names.value(i);
      int f = name.contains("backfill") ? RowFlags.BACKFILL : 0;
      if (host != null && host.matcher(name).find()) {
        f |= RowFlags.HOST_NAME;
      }
      out[i] = f;
    }
    return out;
  }

  private static int[] machineFlags(Dictionary machines, ClassifyRules rules) {
    Pattern host = rules.hostOnMachine();
    int[] out = new int[machines.size()];
    for (int i = 0; i < out.length; i++) {
      String m = machines.value(i);
      int f = rules.chtcOwned().contains(m) ? RowFlags.CHTC : 0;
      if (rules.exclusions().excludes(m)) {
        f |= RowFlags.EXCLUDED;
      }
      if (host != null && host.matcher(m).find()) {
        f |= RowFlags.HOST_MACHINE;
      }
      out[i] = f;
    }
    return out;
  }

  private static int[] ppFlags(Dictionary projects) {
    int[] out = new int[projects.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = projects.value(i).isEmpty() ? RowFlags.PP_EMPTY : 0;
    }
    return out;
  }
}
