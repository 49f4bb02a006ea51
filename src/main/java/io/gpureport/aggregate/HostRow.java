package io.gpureport.aggregate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One host of {@code gpureport hosts} over the window: its category, devices (raw names, first seen
 * first), distinct GPU ids, Allocated % (the report's Real Slots TOTAL restricted to the host's
 * rows, docs/metrics.md "Real Slots and Backfill Slots"), its GPU-snapshots by state, the GPUs
 * never Claimed, the longest idle stretch (null: none) and the last snapshot it was in.
 */
public record HostRow(
    String host,
    HostCategory category,
    List<String> devices,
    int gpus,
    double allocatedPercent,
    long gpuSnapshots,
    long busy,
    long backfill,
    long idle,
    long unavailable,
    Map<String, Long> unavailableByState,
    long absent,
    long noData,
    int neverClaimed,
    IdleStretch longestIdle,
    long lastSeen) {
  public HostRow {
    devices = List.copyOf(devices);
    unavailableByState = Collections.unmodifiableMap(new TreeMap<>(unavailableByState));
  }

  /** {@code count} as a percentage of the host's GPU-snapshots (division first; 0 if none). */
  public double percent(long count) {
    return gpuSnapshots > 0 ? ((double) count / gpuSnapshots) * 100 : 0;
  }

  /** The first device's raw name, or "" if none. */
  public String device() {
    return devices.isEmpty() ? "" : devices.get(0);
  }
}
