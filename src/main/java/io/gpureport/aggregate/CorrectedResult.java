package io.gpureport.aggregate;

import io.gpureport.aggregate.CorrectedReport.CategoryRow;
import io.gpureport.aggregate.CorrectedReport.ClassHours;
import io.gpureport.aggregate.CorrectedReport.ClassRow;
import io.gpureport.aggregate.CorrectedReport.DeviceClass;
import io.gpureport.aggregate.CorrectedReport.DeviceRow;
import io.gpureport.aggregate.CorrectedReport.DrainHost;
import io.gpureport.aggregate.CorrectedReport.FilteredModel;
import io.gpureport.aggregate.CorrectedReport.HostGroup;
import io.gpureport.aggregate.CorrectedReport.HostRow;
import io.gpureport.aggregate.CorrectedReport.HostTableMode;
import io.gpureport.aggregate.CorrectedReport.PreventHost;
import io.gpureport.aggregate.CorrectedReport.SlotRow;
import io.gpureport.aggregate.CorrectedReport.Stat;
import io.gpureport.aggregate.CorrectedReport.Sums;
import io.gpureport.aggregate.CorrectedReport.UserHours;
import io.gpureport.aggregate.CorrectedReport.ZeroMachine;
import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.DeviceModels;
import io.gpureport.classify.MemoryCategory;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a finished {@link CorrectedFold}'s sums and tallies into the report v2 (docs/metrics.md,
 * "Rule set corrected", F1–F7): which rows are shown, their order and labels.
 */
final class CorrectedResult {
  private static final String[] GROUP_LABELS = {
    "Researcher-Owned Hardware",
    "Researcher-Reserved Capacity",
    "Open Capacity",
    "Researcher-Owned Hardware",
    "Researcher-Reserved Capacity",
    "Open Capacity"
  };

  private final CorrectedFold fold;
  private final GroupSets sets;
  private final WindowTallies tallies;
  private final CorrectedFold.Options options;
  private final ClassCatalogue classes;
  private final int n;
  private final boolean recorded;
  private final int intervalsRecorded;

  CorrectedResult(
      CorrectedFold fold,
      GroupSets sets,
      WindowTallies tallies,
      CorrectedFold.Options options,
      ClassCatalogue classes,
      int intervals,
      int intervalsRecorded) {
    this.fold = fold;
    this.sets = sets;
    this.tallies = tallies;
    this.options = options;
    this.classes = classes;
    this.n = intervals;
    this.recorded = intervalsRecorded > 0;
    this.intervalsRecorded = intervalsRecorded;
  }

  CorrectedReport report() {
    List<SlotRow> realSlots = realSlots();
    CorrectedReport.Tables tables =
        options.groupByDevice()
            ? new CorrectedReport.ByDevice(
                realSlots,
                memory(),
                users(CorrectedFold.H200_USER),
                users(CorrectedFold.BACKFILL_USER),
                deviceTypes())
            : new CorrectedReport.Summary(summary());
    return new CorrectedReport(
        n,
        !options.allDevices(),
        options.flagshipModels(),
        new CorrectedReport.Coverage(recorded, intervalsRecorded),
        tables,
        zeroActive(),
        hostTable(),
        draining(),
        prevented(),
        filteredModels(),
        subjectPercents(realSlots));
  }

  private Stat stat(Sums s) {
    return new Stat(s, n, recorded);
  }

  private Stat fixed(int id) {
    return stat(sets.sums(id));
  }

  private long available(int id) {
    return sets.sums(id).available();
  }

  /** F1: the shown rows of the fixed tree, in order. */
  private List<SlotRow> realSlots() {
    List<SlotRow> rows = new ArrayList<>();
    rows.add(row("total", "TOTAL (primary + secondary)", 0, CorrectedFold.TOTAL));
    rows.add(row("prioritized", "Prioritized (TOTAL)", 1, CorrectedFold.PRIORITIZED_TOTAL));
    rows.add(row("prioritizedPrimary", "Primary", 2, CorrectedFold.PRIORITIZED_PRIMARY));
    addIf(rows, available(0) > 0, row("researcherOwned", GROUP_LABELS[0], 3, 0));
    addIf(rows, available(1) > 0, row("researcherReserved", GROUP_LABELS[1], 3, 1));
    if (available(CorrectedFold.PRIORITIZED_SECONDARY) > 0) {
      rows.add(
          row(
              "prioritizedSecondary",
              "Secondary (Backfill)",
              2,
              CorrectedFold.PRIORITIZED_SECONDARY));
      addIf(rows, available(3) > 0, row("backfillResearcherOwned", GROUP_LABELS[3], 3, 3));
      addIf(rows, available(4) > 0, row("backfillResearcherReserved", GROUP_LABELS[4], 3, 4));
    }
    if (available(2) > 0 || available(5) > 0) {
      rows.add(row("openCapacity", "Open Capacity (TOTAL)", 1, CorrectedFold.OPEN_TOTAL));
      if (available(2) > 0) {
        rows.add(row("openCapacityPrimary", "Primary", 2, 2));
        addIf(
            rows,
            available(CorrectedFold.FLAGSHIP) > 0,
            row("tierFlagship", "Flagship", 3, CorrectedFold.FLAGSHIP));
        addIf(
            rows,
            available(CorrectedFold.STANDARD) > 0,
            row("tierStandard", "Standard", 3, CorrectedFold.STANDARD));
      }
      addIf(rows, available(5) > 0, row("openCapacitySecondary", "Secondary (Backfill)", 2, 5));
    }
    return rows;
  }

  private SlotRow row(String id, String label, int level, int group) {
    return new SlotRow(id, label, level, fixed(group));
  }

  private static <T> void addIf(List<T> list, boolean condition, T item) {
    if (condition) {
      list.add(item);
    }
  }

  /** C13: the six class rows. */
  private List<ClassRow> summary() {
    List<ClassRow> rows = new ArrayList<>();
    for (int c = 0; c < CorrectedFold.CLASSES; c++) {
      rows.add(
          new ClassRow(
              classes.get(c).internalName(),
              GROUP_LABELS[c],
              classes.get(c).displayName(),
              fixed(c)));
    }
    return rows;
  }

  /** C11: TOTAL, then the categories in fixed order with Σ available > 0. */
  private CorrectedReport.MemoryRows memory() {
    List<CategoryRow> rows = new ArrayList<>();
    for (MemoryCategory m : MemoryCategory.values()) {
      int g = CorrectedFold.MEMORY + m.ordinal();
      if (available(g) > 0) {
        rows.add(new CategoryRow(m.label(), fixed(g)));
      }
    }
    return new CorrectedReport.MemoryRows(fixed(CorrectedFold.TOTAL), rows);
  }

  /** The ids of the registered groups of a kind, by their two descriptor parts. */
  private Map<Long, Integer> groupsOf(int kind) {
    Map<Long, Integer> out = new TreeMap<>();
    for (Long2IntMap.Entry e : sets.groups().long2IntEntrySet()) {
      long d = e.getLongKey();
      if ((int) (d >>> 56) == kind) {
        out.put(d & ((1L << 56) - 1), e.getIntValue());
      }
    }
    return out;
  }

  private static int partA(long d) {
    return (int) (d >>> 28);
  }

  private static int partB(long d) {
    return (int) (d & ((1L << 28) - 1));
  }

  /** C14: per class its users with hours > 0; classes by hours, users by hours then name. */
  private List<ClassHours> users(int kind) {
    Map<Integer, List<UserHours>> byClass = new TreeMap<>();
    for (Map.Entry<Long, Integer> e : groupsOf(kind).entrySet()) {
      long count = sets.sums(e.getValue()).allocated();
      if (count > 0) {
        String user = fold.owners.value(partB(e.getKey()));
        byClass
            .computeIfAbsent(partA(e.getKey()), c -> new ArrayList<>())
            .add(new UserHours(user, count));
      }
    }
    List<ClassHours> out = new ArrayList<>();
    for (Map.Entry<Integer, List<UserHours>> e : byClass.entrySet()) {
      List<UserHours> users = new ArrayList<>(e.getValue());
      users.sort(
          Comparator.comparingLong(UserHours::bucketGpus)
              .reversed()
              .thenComparing(UserHours::user, CorrectedFold::codePointOrder));
      int c = e.getKey();
      out.add(new ClassHours(classes.get(c).internalName(), classes.get(c).displayName(), users));
    }
    // classes by hours descending, then class number (the map's order, kept by a stable sort)
    out.sort(Comparator.comparingDouble(ClassHours::gpuHours).reversed());
    return out;
  }

  /** The device tables: classes with Σ available > 0, devices by raw name, NULL last. */
  private List<DeviceClass> deviceTypes() {
    Map<Integer, List<DeviceRow>> byClass = new TreeMap<>();
    for (Map.Entry<Long, Integer> e : groupsOf(CorrectedFold.DEVICE).entrySet()) {
      Sums s = sets.sums(e.getValue());
      if (s.available() > 0) {
        Optional<String> device = device(partB(e.getKey()));
        byClass
            .computeIfAbsent(partA(e.getKey()), c -> new ArrayList<>())
            .add(new DeviceRow(device, displayName(device), stat(s)));
      }
    }
    List<DeviceClass> out = new ArrayList<>();
    for (int c = 0; c < CorrectedFold.CLASSES; c++) {
      if (available(c) > 0) {
        List<DeviceRow> devices = new ArrayList<>(byClass.getOrDefault(c, List.of()));
        devices.sort(Comparator.comparing(DeviceRow::device, CorrectedResult::deviceOrder));
        out.add(
            new DeviceClass(
                classes.get(c).internalName(), classes.get(c).displayName(), fixed(c), devices));
      }
    }
    return out;
  }

  /** A device by global code + 1 (0 = NULL). */
  private Optional<String> device(int codePlusOne) {
    return codePlusOne == 0 ? Optional.empty() : Optional.of(fold.devices.value(codePlusOne - 1));
  }

  private Optional<String> machine(int codePlusOne) {
    return codePlusOne == 0 ? Optional.empty() : Optional.of(fold.machines.value(codePlusOne - 1));
  }

  static String displayName(Optional<String> device) {
    return device.map(DeviceModels::displayName).orElse("Unknown");
  }

  /** Raw names in code-point order, NULL last. */
  static int deviceOrder(Optional<String> a, Optional<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    return CorrectedFold.codePointOrder(a.get(), b.get());
  }

  /** Names in code-point order, NULL first. */
  static int nameOrder(Optional<String> a, Optional<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(b.isEmpty(), a.isEmpty());
    }
    return CorrectedFold.codePointOrder(a.get(), b.get());
  }

  /** F6. */
  private CorrectedReport.ZeroActive zeroActive() {
    Map<Integer, int[]> gpus = new TreeMap<>(); // per machine: keys, active keys
    for (int k = tallies.inScope.nextSetBit(0); k >= 0; k = tallies.inScope.nextSetBit(k + 1)) {
      int[] g = gpus.computeIfAbsent(fold.keyMachine(k), m -> new int[2]);
      g[0]++;
      g[1] += tallies.active.get(k) ? 1 : 0;
    }
    Map<Integer, Map<Integer, Integer>> devices = new TreeMap<>(); // machine -> device+1 -> keys
    for (long pair : tallies.keyDevices) {
      int m = fold.keyMachine((int) (pair >>> 32));
      if (gpus.containsKey(m) && gpus.get(m)[1] == 0) {
        devices.computeIfAbsent(m, x -> new TreeMap<>()).merge((int) pair, 1, Integer::sum);
      }
    }
    Map<Long, Integer> backfill = groupsOf(CorrectedFold.MACHINE_BACKFILL);
    List<ZeroMachine> out = new ArrayList<>();
    for (Map.Entry<Integer, int[]> e : gpus.entrySet()) {
      if (e.getValue()[1] > 0) {
        continue;
      }
      int m = e.getKey();
      Optional<String> device = gpuType(devices.getOrDefault(m, Map.of()));
      Integer g = backfill.get((long) m << 28);
      double backfillAvg = g == null ? 0 : (double) sets.sums(g).available() / n;
      WindowTallies.MachineTally t = tallies.machines.get(m);
      List<String> projects = t == null ? List.of() : List.copyOf(t.projects);
      out.add(
          new ZeroMachine(
              machine(m), device, displayName(device), e.getValue()[0], backfillAvg, projects));
    }
    out.sort(Comparator.comparing(ZeroMachine::machine, CorrectedResult::nameOrder));
    return new CorrectedReport.ZeroActive(out);
  }

  /** The device with the most keys, ties to the smallest raw name; NULL only when all are. */
  private Optional<String> gpuType(Map<Integer, Integer> keysByDevice) {
    Optional<String> best = Optional.empty();
    int most = -1;
    for (Map.Entry<Integer, Integer> e : keysByDevice.entrySet()) {
      Optional<String> d = device(e.getKey());
      if (d.isEmpty()) {
        continue;
      }
      int size = e.getValue();
      if (size > most || (size == most && deviceOrder(d, best) < 0)) {
        best = d;
        most = size;
      }
    }
    return best;
  }

  /** F7. */
  private Optional<CorrectedReport.HostTable> hostTable() {
    if (options.hostTable() == HostTableMode.OFF) {
      return Optional.empty();
    }
    boolean full = options.hostTable() == HostTableMode.FULL;
    Map<Integer, List<HostRow>> byDevice = new TreeMap<>();
    for (Map.Entry<Long, Integer> e : groupsOf(CorrectedFold.HOST).entrySet()) {
      int m = partB(e.getKey());
      Sums s = sets.sums(e.getValue());
      HostRow row =
          new HostRow(
              machine(m), tallies.excludedMachines.get(m), fold.hostGpus(e.getValue()), stat(s));
      byDevice.computeIfAbsent(partA(e.getKey()), d -> new ArrayList<>()).add(row);
    }
    List<HostGroup> groups = new ArrayList<>();
    Sums total = Sums.ZERO;
    int totalGpus = 0;
    java.util.Set<Optional<String>> hosts = new java.util.HashSet<>();
    for (Map.Entry<Integer, List<HostRow>> e : byDevice.entrySet()) {
      List<HostRow> rows = new ArrayList<>(e.getValue());
      rows.sort(Comparator.comparing(HostRow::host, CorrectedResult::nameOrder));
      Sums sums = Sums.ZERO;
      int gpus = 0;
      int count = 0;
      for (HostRow r : rows) {
        if (!r.excluded()) {
          sums = sums.plus(r.stat().sums());
          gpus += r.gpus();
          count++;
          hosts.add(r.host());
        }
      }
      total = total.plus(sums);
      totalGpus += gpus;
      Optional<String> device = device(e.getKey());
      groups.add(
          new HostGroup(
              device, displayName(device), count, gpus, stat(sums), full ? rows : List.of()));
    }
    groups.sort(Comparator.comparing(HostGroup::device, CorrectedResult::deviceOrder));
    HostGroup totalRow =
        new HostGroup(Optional.empty(), "TOTAL", hosts.size(), totalGpus, stat(total), List.of());
    return Optional.of(new CorrectedReport.HostTable(options.hostTable(), totalRow, groups));
  }

  /** F5. */
  private CorrectedReport.Draining draining() {
    Map<Integer, long[]> byHost = new TreeMap<>(); // gpus, intervals, micros
    for (WindowTallies.Drain d : tallies.drains.values()) {
      long[] h = byHost.computeIfAbsent(d.machine, m -> new long[3]);
      h[0]++;
      h[1] += d.intervals;
      h[2] += d.micros + d.length();
    }
    List<DrainHost> hosts = new ArrayList<>();
    for (Map.Entry<Integer, long[]> e : byHost.entrySet()) {
      long[] h = e.getValue();
      hosts.add(new DrainHost(machine(e.getKey()), (int) h[0], (int) h[1], h[2]));
    }
    hosts.sort(Comparator.comparing(DrainHost::host, CorrectedResult::nameOrder));
    return new CorrectedReport.Draining(hosts);
  }

  /** F4. */
  private CorrectedReport.Prevented prevented() {
    if (!recorded) {
      return new CorrectedReport.NotRecorded();
    }
    int lastBucket = n - 1;
    List<PreventHost> hosts = new ArrayList<>();
    for (var e : tallies.machines.int2ObjectEntrySet()) {
      WindowTallies.MachineTally t = e.getValue();
      if (!t.preventKeys.isEmpty()) {
        hosts.add(
            new PreventHost(
                machine(e.getIntKey()),
                t.preventKeys.size(),
                t.preventLastBucket == lastBucket,
                t.preventLastSeen,
                List.copyOf(t.reasons)));
      }
    }
    hosts.sort(Comparator.comparing(PreventHost::host, CorrectedResult::nameOrder));
    return new CorrectedReport.Recorded(hosts);
  }

  /** C10's section: the removed device names, ascending, with their primary Available. */
  private List<FilteredModel> filteredModels() {
    if (options.allDevices()) {
      return List.of();
    }
    Map<Long, Integer> filtered = groupsOf(CorrectedFold.FILTERED);
    List<FilteredModel> out = new ArrayList<>();
    for (int d = tallies.removedDevices.nextSetBit(1);
        d >= 0;
        d = tallies.removedDevices.nextSetBit(d + 1)) {
      String raw = fold.devices.value(d - 1);
      Integer g = filtered.get((long) d << 28);
      double avg = g == null ? 0 : (double) sets.sums(g).available() / n;
      out.add(new FilteredModel(raw, DeviceModels.displayName(raw), avg));
    }
    out.sort(Comparator.comparing(FilteredModel::device, CorrectedFold::codePointOrder));
    return out;
  }

  /** §9: TOTAL, Prioritized (TOTAL), and Open Capacity (TOTAL) when shown. */
  private List<Double> subjectPercents(List<SlotRow> realSlots) {
    List<Double> out = new ArrayList<>();
    for (SlotRow r : realSlots) {
      if (r.level() <= 1) {
        out.add(r.stat().allocatedPercent());
      }
    }
    return out;
  }
}
