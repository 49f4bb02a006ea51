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
  FULL,
  /**
   * For the {@code corrected} rules (CORRECTED.md, F8): ALLOCATION with the real Name and
   * PrioritizedProjects, State "Drained" kept apart from "Other", and {@link SlotTable#PREVENT}
   * with its per-row {@link SlotTable#preventRecorded() recorded} flag; no usage or job.
   */
  CORRECTED,
  /**
   * For {@code gpureport timeline}: CORRECTED plus GPUsAverageUsage and GlobalJobId, whose job ids
   * its HTML shows.
   */
  TIMELINE;

  /** Whether Name is read as its text (else a placeholder). */
  boolean realNames() {
    return this != ALLOCATION;
  }

  /** Whether PrioritizedProjects is read as its text (else a placeholder). */
  boolean realProjects() {
    return this == FULL || this == CORRECTED || this == TIMELINE;
  }

  /** Whether GPUsAverageUsage and GlobalJobId are read. */
  boolean usage() {
    return this == FULL || this == TIMELINE;
  }

  /** Whether PreventJobsReason and its recorded flag are read, and State keeps "Drained". */
  boolean prevent() {
    return this == CORRECTED || this == TIMELINE;
  }
}
