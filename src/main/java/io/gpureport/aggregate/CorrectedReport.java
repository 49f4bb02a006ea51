package io.gpureport.aggregate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report v2 of the rule set corrected (docs/metrics.md, "Rule set corrected", F1–F7): every
 * number an integer sum over the window's {@code intervals} buckets, divided when read.
 */
public record CorrectedReport(
    int intervals,
    boolean modelFilter,
    List<String> flagshipModels,
    Coverage coverage,
    Tables tables,
    ZeroActive zeroActive,
    Optional<HostTable> hostTable,
    Draining draining,
    Prevented prevented,
    List<FilteredModel> filteredModels,
    List<Double> subjectPercents) {
  public CorrectedReport {
    flagshipModels = List.copyOf(flagshipModels);
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(zeroActive, "zeroActive");
    Objects.requireNonNull(hostTable, "hostTable");
    Objects.requireNonNull(draining, "draining");
    Objects.requireNonNull(prevented, "prevented");
    filteredModels = List.copyOf(filteredModels);
    subjectPercents = List.copyOf(subjectPercents);
  }

  /** Whether PreventJobsReason was recorded (F8), and in how many of the intervals. */
  public record Coverage(boolean recorded, int intervalsRecorded) {}

  /** The integer sums over buckets of one row (§3.1): allocated, drained, available, prevented. */
  public record Sums(long allocated, long drained, long available, long prevented) {
    public static final Sums ZERO = new Sums(0, 0, 0, 0);

    public Sums plus(Sums o) {
      return new Sums(
          allocated + o.allocated,
          drained + o.drained,
          available + o.available,
          prevented + o.prevented);
    }
  }

  /** One row's statistic: averages over N, Allocated % as the ratio of the sums (C7). */
  public record Stat(Sums sums, int intervals, boolean preventedRecorded) {
    public Stat {
      Objects.requireNonNull(sums, "sums");
      if (intervals <= 0) {
        throw new IllegalArgumentException("intervals <= 0: " + intervals);
      }
    }

    public double allocatedPercent() {
      return sums.available() == 0
          ? 0
          : (double) sums.allocated() / (double) sums.available() * 100;
    }

    public double allocatedAvg() {
      return (double) sums.allocated() / intervals;
    }

    public double drainedAvg() {
      return (double) sums.drained() / intervals;
    }

    public double availableAvg() {
      return (double) sums.available() / intervals;
    }

    /** Empty when PreventJobsReason was not recorded (F8). */
    public OptionalDouble preventedAvg() {
      return preventedRecorded
          ? OptionalDouble.of((double) sums.prevented() / intervals)
          : OptionalDouble.empty();
    }
  }

  /** The class tables: by device (F1, memory, users, devices) or the Allocation Summary (C13). */
  public sealed interface Tables permits ByDevice, Summary {}

  /** The device path's tables. */
  public record ByDevice(
      List<SlotRow> realSlots,
      MemoryRows memory,
      List<ClassHours> h200Users,
      List<ClassHours> backfillUsers,
      List<DeviceClass> deviceTypes)
      implements Tables {
    public ByDevice {
      realSlots = List.copyOf(realSlots);
      Objects.requireNonNull(memory, "memory");
      h200Users = List.copyOf(h200Users);
      backfillUsers = List.copyOf(backfillUsers);
      deviceTypes = List.copyOf(deviceTypes);
    }
  }

  /** {@code --no-group-by-device}: the six class rows of F1 (C13). */
  public record Summary(List<ClassRow> classes) implements Tables {
    public Summary {
      classes = List.copyOf(classes);
    }
  }

  /** A shown row of F1: its id, label, level (indentation) and statistic. */
  public record SlotRow(String id, String label, int level, Stat stat) {}

  /** A class row: internal name, label in its group, qualified label, statistic. */
  public record ClassRow(String className, String label, String qualifiedLabel, Stat stat) {}

  /** The memory table over classes 1–3 (C11): the TOTAL and the shown categories. */
  public record MemoryRows(Stat total, List<CategoryRow> categories) {
    public MemoryRows {
      categories = List.copyOf(categories);
    }
  }

  /** One memory category's row. */
  public record CategoryRow(String category, Stat stat) {}

  /** One class of a user table (C14), with its users; hours are bucket-GPUs × 0.25. */
  public record ClassHours(String className, String label, List<UserHours> users) {
    public ClassHours {
      users = List.copyOf(users);
    }

    public double gpuHours() {
      return users.stream().mapToLong(UserHours::bucketGpus).sum() * 0.25;
    }
  }

  /** One user's measured GPU-hours: the GPUs claimed per bucket, summed (C14). */
  public record UserHours(String user, long bucketGpus) {
    public double gpuHours() {
      return bucketGpus * 0.25;
    }
  }

  /** The devices of one class (C10 filtered), and the class row. */
  public record DeviceClass(String className, String label, Stat total, List<DeviceRow> devices) {
    public DeviceClass {
      devices = List.copyOf(devices);
    }
  }

  /** One device of a class; the raw name is empty for NULL (displayed {@code Unknown}). */
  public record DeviceRow(Optional<String> device, String displayName, Stat stat) {}

  /** F6: machines whose primary GPUs were never claimed. */
  public record ZeroActive(List<ZeroMachine> machines) {
    public ZeroActive {
      machines = List.copyOf(machines);
    }

    public int idleGpus() {
      return machines.stream().mapToInt(ZeroMachine::gpus).sum();
    }
  }

  /** One machine of F6. */
  public record ZeroMachine(
      Optional<String> machine,
      Optional<String> device,
      String displayName,
      int gpus,
      double backfillAvg,
      List<String> projects) {
    public ZeroMachine {
      projects = List.copyOf(projects);
    }
  }

  /** How much of the host table is shown (F7). */
  public enum HostTableMode {
    OFF,
    SUMMARY,
    FULL;

    /** The lower-case name of the option value. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** F7: the TOTAL, one group per device, and in full mode their hosts. */
  public record HostTable(HostTableMode mode, HostGroup total, List<HostGroup> deviceTypes) {
    public HostTable {
      deviceTypes = List.copyOf(deviceTypes);
    }
  }

  /** A group row of F7 (the TOTAL or one device) with its hosts (none in summary mode). */
  public record HostGroup(
      Optional<String> device,
      String displayName,
      int hostCount,
      int gpus,
      Stat stat,
      List<HostRow> hosts) {
    public HostGroup {
      hosts = List.copyOf(hosts);
    }
  }

  /** One host row of F7. */
  public record HostRow(Optional<String> host, boolean excluded, int gpus, Stat stat) {}

  /** F5: the draining intervals, per host (hosts share no GPU key). */
  public record Draining(List<DrainHost> hosts) {
    public Draining {
      hosts = List.copyOf(hosts);
    }

    /** Unique GPUs drained. */
    public int gpuCount() {
      return hosts.stream().mapToInt(DrainHost::gpus).sum();
    }

    public int intervalCount() {
      return hosts.stream().mapToInt(DrainHost::intervals).sum();
    }

    public double hours() {
      return hosts.stream().mapToLong(DrainHost::micros).sum() / 3.6e9;
    }
  }

  /** One host of F5. */
  public record DrainHost(Optional<String> host, int gpus, int intervals, long micros) {
    public double hours() {
      return micros / 3.6e9;
    }
  }

  /** F4: GPUs with PreventJobsReason set, or not recorded. */
  public sealed interface Prevented permits NotRecorded, Recorded {}

  /** No file read for the window records the column. */
  public record NotRecorded() implements Prevented {}

  /** The hosts with a reason set (hosts share no GPU key). */
  public record Recorded(List<PreventHost> hosts) implements Prevented {
    public Recorded {
      hosts = List.copyOf(hosts);
    }

    /** GPUs affected. */
    public int gpuCount() {
      return hosts.stream().mapToInt(PreventHost::gpus).sum();
    }
  }

  /** One host of F4; {@code lastSeen} in naive epoch microseconds. */
  public record PreventHost(
      Optional<String> host, int gpus, boolean active, long lastSeen, List<String> reasons) {
    public PreventHost {
      reasons = List.copyOf(reasons);
    }
  }

  /** One device the model filter removed (C10), with its primary Available. */
  public record FilteredModel(String device, String displayName, double availableAvg) {}
}
