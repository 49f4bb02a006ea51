package io.gpureport.aggregate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The device-path allocation result (docs/metrics.md, "Allocation report (device tables)"): the
 * class tables when a class is included, the device tables, the subject's percentages, and the
 * chart-only allocation-over-time series of the same pass ({@link BucketSeries}).
 */
public record DeviceAllocation(
    ClassTables classes,
    List<DeviceTable> devices,
    List<Double> subjectPercents,
    BucketSeries buckets) {

  public DeviceAllocation {
    Objects.requireNonNull(classes, "classes");
    devices = List.copyOf(devices);
    subjectPercents = List.copyOf(subjectPercents);
    Objects.requireNonNull(buckets, "buckets");
  }

  /**
   * The Real and Backfill slot tables, the memory table and the user tables, or none of them when
   * no class is included (the Real Slots block is not printed: docs/metrics.md, "Which sections
   * appear").
   */
  public sealed interface ClassTables permits Included, NoneIncluded {}

  /**
   * The class tables; {@code memory} is empty when no memory category has data (docs/metrics.md,
   * "Memory categories").
   */
  public record Included(
      SlotsTable real,
      Optional<MemoryTable> memory,
      SlotsTable backfill,
      UserTable h200Users,
      UserTable backfillUsers)
      implements ClassTables {
    public Included {
      Objects.requireNonNull(real, "real");
      Objects.requireNonNull(memory, "memory");
      Objects.requireNonNull(backfill, "backfill");
      Objects.requireNonNull(h200Users, "h200Users");
      Objects.requireNonNull(backfillUsers, "backfillUsers");
    }
  }

  /** No class is included: only the device tables are reported. */
  public record NoneIncluded() implements ClassTables {}
}
