package io.gpureport.collect;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The attributes of the condor_status projection, in {@code gpu_state} column order, where {@code
 * timestamp} sits between {@code GlobalJobId} and {@code PreventJobsReason} (docs/metrics.md, "How
 * collect builds the rows").
 */
enum SlotAttribute {
  NAME("Name"),
  ASSIGNED_GPUS("AssignedGPUs"),
  AVAILABLE_GPUS("AvailableGPUs"),
  STATE("State"),
  DEVICE_NAME("GPUs_DeviceName"),
  GLOBAL_MEMORY_MB("GPUs_GlobalMemoryMb"),
  PRIORITIZED_PROJECTS("PrioritizedProjects"),
  AVERAGE_USAGE("GPUsAverageUsage"),
  MACHINE("Machine"),
  REMOTE_OWNER("RemoteOwner"),
  GLOBAL_JOB_ID("GlobalJobId"),
  PREVENT_JOBS_REASON("PreventJobsReason"),
  DISK("Disk");

  private static final Map<String, SlotAttribute> BY_FOLDED_NAME = new HashMap<>();

  static {
    for (SlotAttribute a : values()) {
      BY_FOLDED_NAME.put(fold(a.classAdName), a);
    }
  }

  /** The attribute and column name, in the case the legacy table uses. */
  final String classAdName;

  SlotAttribute(String classAdName) {
    this.classAdName = classAdName;
  }

  /** The attribute of a JSON key, matched case-insensitively; {@code null} when not projected. */
  static SlotAttribute lookup(String key) {
    return BY_FOLDED_NAME.get(fold(key));
  }

  /** The comma-joined list for {@code condor_status -attributes}. */
  static String projection() {
    return Stream.of(values()).map(a -> a.classAdName).collect(Collectors.joining(","));
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
