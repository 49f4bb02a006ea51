package io.gpureport.load;

/**
 * Which columns a load reads. The allocation metrics only test {@code Name} (backfill or not) and
 * PrioritizedProjects (NULL, empty or not), so those arrive as placeholders ({@code "backfill"} or
 * {@code ""}; {@code ""} or {@code "*"}) unless the real text is needed.
 */
public enum Projection {
  /** Name, AssignedGPUs, State, device, memory, PP, Machine, RemoteOwner, timestamp. */
  ALLOCATION,
  /** ALLOCATION with the slot names themselves, for a {@code --host} filter. */
  ALLOCATION_WITH_NAMES,
  /** ALLOCATION plus GPUsAverageUsage and GlobalJobId. */
  FULL
}
