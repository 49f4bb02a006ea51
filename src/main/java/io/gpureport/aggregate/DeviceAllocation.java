package io.gpureport.aggregate;

import java.util.List;

/**
 * The device-path allocation result (docs/metrics.md, "Allocation report (device tables)"). {@code
 * real}, {@code backfill} and {@code memory} are null when no class is included (the Real Slots
 * block is not printed: docs/metrics.md, "Which sections appear"); the user tables are empty then
 * too. {@code buckets} is the chart-only allocation-over-time series of the same pass ({@link
 * BucketSeries}).
 */
public record DeviceAllocation(
    SlotsTable real,
    MemoryTable memory,
    SlotsTable backfill,
    List<DeviceTable> devices,
    UserTable h200Users,
    UserTable backfillUsers,
    List<Double> subjectPercents,
    BucketSeries buckets) {}
