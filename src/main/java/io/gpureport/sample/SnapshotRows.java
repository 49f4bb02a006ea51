package io.gpureport.sample;

import io.gpureport.sample.JobSimulator.HostState;
import java.util.List;
import java.util.Random;

/**
 * Turns the simulator state at one step into the rows of one snapshot, machine by machine, as the
 * collector would store them (docs/metrics.md, "Why a GPU has several rows", "How collect builds
 * the rows"): primary p-slot, primary d-slots, backfill p-slot, backfill d-slots.
 */
final class SnapshotRows {
  private static final String CLAIMED = "Claimed";
  private static final String UNCLAIMED = "Unclaimed";
  private static final double USAGE_NOISE = 0.06;

  /** {@code PreventJobsReason} of every slot of a machine drained for maintenance. */
  static final String MAINTENANCE = "Node maintenance";

  /** {@code PreventJobsReason} of every slot of a machine reserved for some hours. */
  static final String RESERVED = "Reserved for benchmarking";

  private final List<Host> hosts;
  private final JobSimulator sim;
  private final Random rng;

  SnapshotRows(PoolModel pool, JobSimulator sim, Random rng) {
    this.hosts = pool.hosts();
    this.sim = sim;
    this.rng = rng;
  }

  /** Emits every row of the snapshot at {@code step}. */
  void emit(int step, RowSink sink) {
    for (int h = 0; h < hosts.size(); h++) {
      HostState state = sim.state(h, step);
      primaryRows(h, state, sink);
      if (hosts.get(h).hasBackfill()) {
        backfillRows(h, state, sink);
      }
    }
  }

  private void primaryRows(int h, HostState state, RowSink sink) {
    Host host = hosts.get(h);
    String pp = host.prioritizedProjects();
    StringBuilder available = new StringBuilder();
    for (int g = 0; g < host.gpuCount(); g++) {
      if (sim.primary(h, g) == null) {
        appendId(available, host.availableId(g));
      }
    }
    String slotState =
        switch (state) {
          case OWNER -> "Owner";
          case DRAINED -> "Drained";
          case NORMAL, RESERVED -> UNCLAIMED;
        };
    String availableGpus = available.toString();
    String reason = reason(state);
    for (int g = 0; g < host.gpuCount(); g++) {
      sink.row(
          host.partitionableName(),
          host.gpuId(g),
          availableGpus,
          slotState,
          reason,
          host,
          pp,
          Double.NaN,
          null,
          null);
    }
    for (int n = 1; n <= host.gpuCount(); n++) {
      int g = sim.primaryGpuOfSlot(h, n);
      if (g >= 0) {
        Job job = sim.primary(h, g);
        sink.row(
            host.dynamicName(n),
            host.gpuId(g),
            "",
            CLAIMED,
            reason,
            host,
            pp,
            usage(job),
            job.owner(),
            job.globalJobId());
      }
    }
  }

  private void backfillRows(int h, HostState state, RowSink sink) {
    Host host = hosts.get(h);
    String pp = host.backfillProjects();
    String slotState = state == HostState.DRAINED ? "Drained" : UNCLAIMED;
    String reason = reason(state);
    StringBuilder available = new StringBuilder();
    int idle = 0;
    if (state == HostState.NORMAL || state == HostState.RESERVED) {
      for (int g = 0; g < host.gpuCount(); g++) {
        if (sim.primary(h, g) == null && sim.backfill(h, g) == null) {
          appendId(available, host.availableId(g));
          idle++;
        }
      }
    }
    if (idle == 0) {
      sink.row(host.backfillName(), "", "", slotState, reason, host, pp, Double.NaN, null, null);
    } else {
      String availableGpus = available.toString();
      for (int g = 0; g < host.gpuCount(); g++) {
        if (sim.primary(h, g) == null && sim.backfill(h, g) == null) {
          sink.row(
              host.backfillName(),
              host.gpuId(g),
              availableGpus,
              slotState,
              reason,
              host,
              pp,
              Double.NaN,
              null,
              null);
        }
      }
    }
    for (int n = 1; n <= host.gpuCount(); n++) {
      int g = sim.backfillGpuOfSlot(h, n);
      if (g >= 0) {
        Job job = sim.backfill(h, g);
        sink.row(
            host.backfillDynamicName(n),
            host.gpuId(g),
            host.availableId(g),
            CLAIMED,
            reason,
            host,
            pp,
            usage(job),
            job.owner(),
            job.globalJobId());
      }
    }
  }

  /**
   * Why the machine's slots take no new jobs: maintenance while drained, a reservation, or none.
   */
  private static String reason(HostState state) {
    return switch (state) {
      case DRAINED -> MAINTENANCE;
      case RESERVED -> RESERVED;
      case NORMAL, OWNER -> null;
    };
  }

  private double usage(Job job) {
    double u = job.baseUsage() + USAGE_NOISE * rng.nextGaussian();
    return Math.round(Math.max(0, Math.min(1, u)) * 10_000) / 10_000.0;
  }

  private static void appendId(StringBuilder b, String id) {
    if (b.length() > 0) {
      b.append(',');
    }
    b.append(id);
  }
}
