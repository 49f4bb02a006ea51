package io.gpureport.classify;

import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;
import java.util.regex.Pattern;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;

/**
 * Computes the per-row facts the class rules test ({@link RowFlags}, state, memory category) once,
 * per dictionary value where possible, and a rule set's decisions per combination of flags and
 * state (docs/metrics.md, "Classes").
 */
final class Classifier {
  /**
   * Every combination of the flags the reference rules decide on (BACKFILL … PP_EMPTY) is below it;
   * the rule set corrected's flags above them are not part of a decision key.
   */
  private static final int FLAG_COMBINATIONS = 128;

  /** The number of state codes ({@link SlotState}). */
  private static final int STATES = 4;

  private Classifier() {}

  /** A rule set's decision for one combination of row flags and state code. */
  interface Rule {
    RowClass decide(int flags, byte state);
  }

  /** A rule set's decisions for every combination of row flags and state, as columns. */
  record Decisions(byte[] reporting, byte[] primary, byte[] legacy, byte[] rank) {
    /** Evaluates the rule once per combination. */
    static Decisions of(Rule rule) {
      int n = FLAG_COMBINATIONS * STATES;
      byte[] reporting = new byte[n];
      byte[] primary = new byte[n];
      byte[] legacy = new byte[n];
      byte[] rank = new byte[n];
      for (int flags = 0; flags < FLAG_COMBINATIONS; flags++) {
        for (byte state = 0; state < STATES; state++) {
          RowClass c = rule.decide(flags, state);
          int k = key(flags, state);
          reporting[k] = (byte) c.reporting();
          primary[k] = (byte) c.primary();
          legacy[k] = (byte) c.legacy();
          rank[k] = (byte) c.rank();
        }
      }
      return new Decisions(reporting, primary, legacy, rank);
    }

    static int key(int flags, byte state) {
      return (flags << 2) | state;
    }

    RowClass of(int flags, byte state) {
      int k = key(flags, state);
      return new RowClass(reporting[k], primary[k], legacy[k], rank[k]);
    }
  }

  /** Classifies every loaded row with a rule set's classes and decisions. */
  static ClassifiedRows classify(
      SlotTable table, ClassifyRules rules, ClassCatalogue classes, Decisions decisions) {
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
    byte[] reporting = new byte[n];
    byte[] primary = new byte[n];
    byte[] legacy = new byte[n];
    byte[] rank = new byte[n];
    long excluded = 0;
    int noHost = rules.hostOnMachine() == null ? RowFlags.HOST_MACHINE | RowFlags.HOST_NAME : 0;
    for (int i = 0; i < n; i++) {
      int f = noHost;
      f |= lookup(nameFlags, names.getInt(i), 0);
      f |= lookup(machineFlags, machines.getInt(i), 0);
      f |= lookup(ppFlags, projects.getInt(i), projectFlags(null));
      flags[i] = f;
      if ((f & RowFlags.EXCLUDED) != 0) {
        excluded++;
      }
      int s = states.getInt(i);
      byte st = s == Dictionary.NULL ? SlotState.OTHER : stateCodes[s];
      state[i] = st;
      int k = Decisions.key(f, st);
      reporting[i] = decisions.reporting[k];
      primary[i] = decisions.primary[k];
      legacy[i] = decisions.legacy[k];
      rank[i] = decisions.rank[k];
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
        excluded,
        new RowClasses(classes, reporting, primary, legacy, rank),
        table);
  }

  static int lookup(int[] byCode, int code, int whenNull) {
    return code == Dictionary.NULL ? whenNull : byCode[code];
  }

  private static int[] nameFlags(Dictionary names, Pattern host) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      String name = names.value(i);
      int f = nameFlags(name);
      if (host != null && host.matcher(name).find()) {
        f |= RowFlags.HOST_NAME;
      }
      out[i] = f;
    }
    return out;
  }

  static int[] machineFlags(Dictionary machines, ClassifyRules rules) {
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
      out[i] = projectFlags(projects.value(i));
    }
    return out;
  }

  /** The flags of a slot {@code Name} (NULL: none): {@link RowFlags#BACKFILL}. */
  static int nameFlags(String name) {
    return name != null && name.contains("backfill") ? RowFlags.BACKFILL : 0;
  }

  /** The flags of a PrioritizedProjects value: NULL and {@code ""} kept apart. */
  static int projectFlags(String projects) {
    if (projects == null) {
      return RowFlags.PP_NULL;
    }
    return projects.isEmpty() ? RowFlags.PP_EMPTY : 0;
  }
}
