package io.gpureport.classify;

import io.gpureport.load.Dictionary;
import io.gpureport.load.SlotTable;
import java.util.List;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;

/**
 * The rule set {@code corrected} (docs/metrics.md, "Rule set corrected"): per row the facts of
 * C2–C4, C9 and C10 and the primary class and rank of C1 and C4. What depends on other rows (the
 * kept primary row, backfill ownership, C1 and C5) is decided by the fold, per snapshot.
 */
final class CorrectedRules implements RuleSet {
  static final CorrectedRules INSTANCE = new CorrectedRules();

  static final int RESEARCHER_OWNED = 0;
  static final int RESEARCHER_RESERVED = 1;
  static final int OPEN_CAPACITY = 2;

  /** Not in any class: a primary row of no class (C4), or a backfill row before the fold's C5. */
  public static final int NO_CLASS = -1;

  /** docs/metrics.md, "Rule set corrected": the six classes with their qualified labels. */
  private static final ClassCatalogue CLASSES =
      new ClassCatalogue(
          List.of(
              new ReportingClass(
                  0,
                  "Priority-ResearcherOwned",
                  "Researcher-Owned Hardware (Primary)",
                  false,
                  ReferenceRules.LEGACY_PRIORITY),
              new ReportingClass(
                  1,
                  "Priority-CHTCOwned",
                  "Researcher-Reserved Capacity (Primary)",
                  false,
                  ReferenceRules.LEGACY_PRIORITY),
              new ReportingClass(
                  2, "Shared", "Open Capacity (Primary)", false, ReferenceRules.LEGACY_SHARED),
              new ReportingClass(
                  3,
                  "Backfill-ResearcherOwned",
                  "Researcher-Owned Hardware (Secondary)",
                  true,
                  ReferenceRules.LEGACY_BACKFILL),
              new ReportingClass(
                  4,
                  "Backfill-CHTCOwned",
                  "Researcher-Reserved Capacity (Secondary)",
                  true,
                  ReferenceRules.LEGACY_BACKFILL),
              new ReportingClass(
                  5,
                  "Backfill-OpenCapacity",
                  "Open Capacity (Secondary)",
                  true,
                  ReferenceRules.LEGACY_BACKFILL)),
          ReferenceRules.INSTANCE.classes().legacyClasses());

  private CorrectedRules() {}

  @Override
  public String name() {
    return RuleSets.CORRECTED;
  }

  @Override
  public ClassCatalogue classes() {
    return CLASSES;
  }

  /** The GPU-model snapshot keeps the reference rules under {@code corrected} (L21 kept). */
  @Override
  public RowClass classOf(
      String name, String state, String prioritizedProjects, boolean chtcOwned) {
    return ReferenceRules.INSTANCE.classOf(name, state, prioritizedProjects, chtcOwned);
  }

  @Override
  public ClassifiedRows classify(SlotTable table, ClassifyRules rules) {
    SlotTable.Dictionaries d = table.dictionaries();
    int[] nameFlags = perValue(d.names(), CorrectedRules::nameFlags, rules.hostOnName());
    int[] machineFlags = Classifier.machineFlags(d.machines(), rules);
    int[] ppFlags = perValue(d.projects(), v -> isBlank(v) ? RowFlags.PP_BLANK : 0, null);
    int[] reasonFlags = perValue(d.reasons(), v -> isBlank(v) ? 0 : RowFlags.PREVENT_SET, null);
    int[] deviceFlags =
        perValue(d.devices(), v -> DeviceModels.isOld(v) ? RowFlags.OLD_DEVICE : 0, null);
    byte[] stateCodes = new byte[d.states().size()];
    for (int i = 0; i < stateCodes.length; i++) {
      stateCodes[i] = SlotState.withDrained(d.states().value(i));
    }
    int emptyGpu = d.gpus().find("");
    int n = table.rowCount();
    int[] names = table.codes(SlotTable.NAME).asIntArray();
    int[] machines = table.codes(SlotTable.MACHINE).asIntArray();
    int[] projects = table.codes(SlotTable.PROJECTS).asIntArray();
    int[] reasons = table.codes(SlotTable.PREVENT).asIntArray();
    int[] devices = table.codes(SlotTable.DEVICE).asIntArray();
    int[] states = table.codes(SlotTable.STATE).asIntArray();
    int[] gpuCodes = table.codes(SlotTable.GPU).asIntArray();
    DoubleColumn memory = table.numbers(SlotTable.MEMORY);
    BooleanColumn recorded = table.preventRecorded();
    int[] flags = new int[n];
    byte[] state = new byte[n];
    byte[] mem = new byte[n];
    int[] gpus = new int[n];
    byte[] reporting = new byte[n];
    byte[] legacy = new byte[n];
    byte[] rank = new byte[n];
    long excluded = 0;
    int noHost = rules.hostOnMachine() == null ? RowFlags.HOST_MACHINE | RowFlags.HOST_NAME : 0;
    for (int i = 0; i < n; i++) {
      int f = noHost;
      f |= Classifier.lookup(nameFlags, names[i], 0);
      f |= Classifier.lookup(machineFlags, machines[i], 0);
      f |= Classifier.lookup(ppFlags, projects[i], RowFlags.PP_BLANK);
      f |= Classifier.lookup(reasonFlags, reasons[i], 0);
      f |= Classifier.lookup(deviceFlags, devices[i], 0);
      if (recorded.getByte(i) == 1) {
        f |= RowFlags.PREVENT_RECORDED;
      }
      flags[i] = f;
      if ((f & RowFlags.EXCLUDED) != 0) {
        excluded++;
      }
      int s = states[i];
      byte st = s == Dictionary.NULL ? SlotState.OTHER : stateCodes[s];
      state[i] = st;
      int g = gpuCodes[i];
      gpus[i] = g == emptyGpu ? Dictionary.NULL : g; // C2: an empty id is no GPU
      int c = primaryClass(f);
      reporting[i] = (byte) c;
      legacy[i] = (byte) (c == NO_CLASS ? ReferenceRules.LEGACY_SHARED : CLASSES.get(c).legacy());
      rank[i] = (byte) rank(f, st);
      mem[i] = (byte) MemoryCategory.of(memory.getDouble(i)).ordinal();
    }
    return new ClassifiedRows(
        table.timestamps().asLongArray(),
        flags,
        state,
        mem,
        gpus,
        devices,
        table.codes(SlotTable.OWNER).asIntArray(),
        d.devices(),
        d.owners(),
        d.gpus(),
        excluded,
        new RowClasses(CLASSES, reporting, reporting.clone(), legacy, rank),
        table);
  }

  /**
   * The class of a primary row (C3, C4): 1 prioritized, 2 prioritized on a CHTC-owned machine, 3
   * open capacity, none for an interactive open-capacity slot; none for a backfill row (C5 is the
   * fold's, per snapshot).
   */
  static int primaryClass(int flags) {
    if ((flags & RowFlags.BACKFILL) != 0) {
      return NO_CLASS;
    }
    if ((flags & RowFlags.PP_BLANK) == 0) {
      return (flags & RowFlags.CHTC) != 0 ? RESEARCHER_RESERVED : RESEARCHER_OWNED;
    }
    return (flags & RowFlags.INTERACTIVE) != 0 ? NO_CLASS : OPEN_CAPACITY;
  }

  /** The dedup rank of C1: primary Claimed 5, Unclaimed 4, any other state 3; backfill 0. */
  static int rank(int flags, byte state) {
    if ((flags & RowFlags.BACKFILL) != 0) {
      return 0;
    }
    return switch (state) {
      case SlotState.CLAIMED -> 5;
      case SlotState.UNCLAIMED -> 4;
      default -> 3;
    };
  }

  /** Blank (CORRECTED conventions): NULL, or only characters up to U+0020. */
  public static boolean isBlank(String s) {
    return s == null || s.trim().isEmpty();
  }

  private static int nameFlags(String name) {
    int f = Classifier.nameFlags(name);
    return name.contains("interactive") ? f | RowFlags.INTERACTIVE : f;
  }

  private interface ValueFlags {
    int of(String value);
  }

  private static int[] perValue(Dictionary values, ValueFlags flags, Pattern host) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      String v = values.value(i);
      int f = flags.of(v);
      if (host != null && host.matcher(v).find()) {
        f |= RowFlags.HOST_NAME;
      }
      out[i] = f;
    }
    return out;
  }
}
