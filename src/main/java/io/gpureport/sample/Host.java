package io.gpureport.sample;

import java.util.List;

/** One execute machine of the simulated pool: its GPUs, owner and advertised slot attributes. */
final class Host {
  private static final long DISK_KIB_PER_GPU = 100L * 1024 * 1024;

  private final String machine;
  private final Ownership ownership;
  private final GpuModel model;
  private final List<String> gpuIds;
  private final List<String> availableIds;
  private final String prioritizedProjects;
  private final String backfillProjects;
  private final boolean backfill;
  private final boolean ownerOnly;
  private final double demand;
  private final int[] members;
  private final double memberShare;
  private final String partitionableName;
  private final String backfillName;
  private final String[] dynamicNames;
  private final String[] backfillDynamicNames;

  Host(Builder b) {
    this.machine = b.machine;
    this.ownership = b.ownership;
    this.model = b.model;
    this.gpuIds = List.copyOf(b.gpuIds);
    this.availableIds = gpuIds.stream().map(id -> id.replace('-', '_')).toList();
    this.prioritizedProjects = b.prioritizedProjects;
    this.backfillProjects = b.backfillProjects;
    this.backfill = b.backfill;
    this.ownerOnly = b.ownerOnly;
    this.demand = b.demand;
    this.members = b.members.clone();
    this.memberShare = b.memberShare;
    this.partitionableName = "slot1@" + machine;
    this.backfillName = "backfill2@" + machine;
    this.dynamicNames = new String[gpuIds.size() + 1];
    this.backfillDynamicNames = new String[gpuIds.size() + 1];
    for (int n = 1; n <= gpuIds.size(); n++) {
      dynamicNames[n] = "slot1_" + n + "@" + machine;
      backfillDynamicNames[n] = "backfill2_" + n + "@" + machine;
    }
  }

  String machine() {
    return machine;
  }

  Ownership ownership() {
    return ownership;
  }

  GpuModel model() {
    return model;
  }

  int gpuCount() {
    return gpuIds.size();
  }

  /** The id of GPU {@code i} as in {@code AssignedGPUs}, e.g. {@code GPU-5a3b8c9d}. */
  String gpuId(int i) {
    return gpuIds.get(i);
  }

  /** The id of GPU {@code i} as in {@code AvailableGPUs}, e.g. {@code GPU_5a3b8c9d}. */
  String availableId(int i) {
    return availableIds.get(i);
  }

  /**
   * The machine's scratch disk in KiB as every slot advertises it in {@code Disk}: 100 GiB per GPU,
   * drawn from no random stream so the other columns stay as they were.
   */
  long diskKib() {
    return DISK_KIB_PER_GPU * gpuIds.size();
  }

  /** PrioritizedProjects of the primary slots; null when not advertised. */
  String prioritizedProjects() {
    return prioritizedProjects;
  }

  /** PrioritizedProjects of the backfill slots; null when not advertised. */
  String backfillProjects() {
    return backfillProjects;
  }

  /** Whether the machine runs a backfill startd ({@code backfill2@}). */
  boolean hasBackfill() {
    return backfill;
  }

  /** Whether the machine is held by its owner (state {@code Owner}) and never runs jobs. */
  boolean ownerOnly() {
    return ownerOnly;
  }

  /** Probability per snapshot interval that an idle GPU gets a new primary job, at mean load. */
  double demand() {
    return demand;
  }

  /** User indexes of the machine's own group; may be empty. */
  int[] members() {
    return members;
  }

  /** Share of primary jobs that come from the machine's own group. */
  double memberShare() {
    return memberShare;
  }

  String partitionableName() {
    return partitionableName;
  }

  String backfillName() {
    return backfillName;
  }

  /** {@code slot1_n@machine}, n from 1 to the GPU count. */
  String dynamicName(int n) {
    return dynamicNames[n];
  }

  /** {@code backfill2_n@machine}, n from 1 to the GPU count. */
  String backfillDynamicName(int n) {
    return backfillDynamicNames[n];
  }

  /** Mutable construction helper. */
  static final class Builder {
    private final String machine;
    private final Ownership ownership;
    private final GpuModel model;
    private List<String> gpuIds = List.of();
    private String prioritizedProjects = "";
    private String backfillProjects = "";
    private boolean backfill = true;
    private boolean ownerOnly;
    private double demand;
    private int[] members = new int[0];
    private double memberShare;

    Builder(String machine, Ownership ownership, GpuModel model) {
      this.machine = machine;
      this.ownership = ownership;
      this.model = model;
    }

    Builder gpus(List<String> ids) {
      this.gpuIds = ids;
      return this;
    }

    /** Sets the same PrioritizedProjects on primary and backfill slots. */
    Builder projects(String pp) {
      this.prioritizedProjects = pp;
      this.backfillProjects = pp;
      return this;
    }

    Builder backfillProjects(String pp) {
      this.backfillProjects = pp;
      return this;
    }

    Builder backfill(boolean value) {
      this.backfill = value;
      return this;
    }

    Builder ownerOnly(boolean value) {
      this.ownerOnly = value;
      return this;
    }

    Builder demand(double value) {
      this.demand = value;
      return this;
    }

    Builder members(int[] users, double share) {
      this.members = users;
      this.memberShare = share;
      return this;
    }

    Host build() {
      return new Host(this);
    }
  }
}
