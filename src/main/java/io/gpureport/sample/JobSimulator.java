package io.gpureport.sample;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/**
 * Advances the jobs on every GPU one 15-minute step at a time: primary arrivals under a diurnal
 * load, backfill jobs on otherwise idle GPUs, completions, and machines drained for some hours.
 */
final class JobSimulator {
  static final int STEPS_PER_DAY = 96;
  static final int MINUTES_PER_STEP = 15;

  /** The slot-level condition of a machine at one step. */
  enum HostState {
    NORMAL,
    DRAINED,
    /** Reserved (e.g. for benchmarking): PreventJobsReason set, running jobs go on, none start. */
    RESERVED,
    OWNER
  }

  private static final int RETIREMENT_STEPS = 8;
  private static final double BACKFILL_RATE = 0.12;
  private static final double PRIMARY_MEDIAN_STEPS = 12;
  private static final double PRIMARY_SIGMA = 1.0;
  private static final int PRIMARY_MAX_STEPS = 288;
  private static final double BACKFILL_MEDIAN_STEPS = 4;
  private static final double BACKFILL_SIGMA = 0.8;
  private static final int BACKFILL_MAX_STEPS = 48;

  private final List<Host> hosts;
  private final UserDirectory users;
  private final Random rng;
  private final JobIds jobIds;
  private final LocalDateTime origin;
  private final Job[][] primary;
  private final Job[][] backfill;
  private final int[][] primarySlot;
  private final int[][] backfillSlot;
  private final int[] drainStart;
  private final int[] drainEnd;
  private final int[] reserveStart;
  private final int[] reserveEnd;

  JobSimulator(PoolModel pool, UserDirectory users, Random rng, LocalDateTime origin) {
    this.hosts = pool.hosts();
    this.users = users;
    this.rng = rng;
    this.jobIds = new JobIds(users.size(), rng);
    this.origin = origin;
    int n = hosts.size();
    this.primary = new Job[n][];
    this.backfill = new Job[n][];
    this.primarySlot = new int[n][];
    this.backfillSlot = new int[n][];
    for (int h = 0; h < n; h++) {
      int g = hosts.get(h).gpuCount();
      primary[h] = new Job[g];
      backfill[h] = new Job[g];
      primarySlot[h] = new int[g];
      backfillSlot[h] = new int[g];
    }
    this.drainStart = new int[n];
    this.drainEnd = new int[n];
    java.util.Arrays.fill(drainStart, Integer.MIN_VALUE);
    java.util.Arrays.fill(drainEnd, Integer.MIN_VALUE);
    this.reserveStart = new int[n];
    this.reserveEnd = new int[n];
    java.util.Arrays.fill(reserveStart, Integer.MIN_VALUE);
    java.util.Arrays.fill(reserveEnd, Integer.MIN_VALUE);
  }

  /** The start time of step {@code step} (step 0 is the origin; warm-up steps are negative). */
  LocalDateTime time(int step) {
    return origin.plusMinutes((long) MINUTES_PER_STEP * step);
  }

  /** Moves every GPU to its state at {@code step}; steps must be visited in order. */
  void advance(int step) {
    if (Math.floorMod(step, STEPS_PER_DAY) == 0) {
      planDrains(step);
    }
    LocalDateTime now = time(step);
    double load = DiurnalLoad.factor(now);
    for (int h = 0; h < hosts.size(); h++) {
      advanceHost(h, step, now, load);
    }
  }

  HostState state(int h, int step) {
    if (hosts.get(h).ownerOnly()) {
      return HostState.OWNER;
    }
    if (step >= drainStart[h] && step < drainEnd[h]) {
      return HostState.DRAINED;
    }
    return step >= reserveStart[h] && step < reserveEnd[h] ? HostState.RESERVED : HostState.NORMAL;
  }

  /** The primary job on GPU {@code g} of host {@code h}, or null. */
  Job primary(int h, int g) {
    return primary[h][g];
  }

  /** The backfill job on GPU {@code g} of host {@code h}, or null. */
  Job backfill(int h, int g) {
    return backfill[h][g];
  }

  /** The GPU index whose primary d-slot is {@code slot1_n}, or -1. */
  int primaryGpuOfSlot(int h, int n) {
    return indexOf(primarySlot[h], n);
  }

  /** The GPU index whose backfill d-slot is {@code backfill2_n}, or -1. */
  int backfillGpuOfSlot(int h, int n) {
    return indexOf(backfillSlot[h], n);
  }

  private void planDrains(int step) {
    int count = 1 + rng.nextInt(Math.max(1, hosts.size() / 40));
    for (int i = 0; i < count; i++) {
      int h = rng.nextInt(hosts.size());
      int start = step + rng.nextInt(STEPS_PER_DAY);
      int length = 8 + rng.nextInt(33);
      if (!hosts.get(h).ownerOnly() && drainEnd[h] <= step) {
        drainStart[h] = start;
        drainEnd[h] = start + length;
      }
    }
    // now and then a machine is reserved for some hours: its idle GPUs are prevented, not drained
    int reservations = 1 + rng.nextInt(Math.max(1, hosts.size() / 60));
    for (int i = 0; i < reservations; i++) {
      int h = rng.nextInt(hosts.size());
      int start = step + rng.nextInt(STEPS_PER_DAY);
      if (!hosts.get(h).ownerOnly() && reserveEnd[h] <= step) {
        reserveStart[h] = start;
        reserveEnd[h] = start + 4 + rng.nextInt(21);
      }
    }
  }

  private void advanceHost(int h, int step, LocalDateTime now, double load) {
    Host host = hosts.get(h);
    for (int g = 0; g < host.gpuCount(); g++) {
      if (primary[h][g] != null && primary[h][g].endStep() <= step) {
        endPrimary(h, g);
      }
      if (backfill[h][g] != null && backfill[h][g].endStep() <= step) {
        endBackfill(h, g);
      }
    }
    HostState state = state(h, step);
    if (state == HostState.OWNER) {
      return;
    }
    if (state == HostState.DRAINED) {
      drain(h, step);
      return;
    }
    if (state == HostState.RESERVED) {
      return; // running jobs go on, no new one starts
    }
    double primaryRate = host.demand() * load;
    for (int g = 0; g < host.gpuCount(); g++) {
      if (primary[h][g] != null) {
        continue;
      }
      if (rng.nextDouble() < primaryRate) {
        if (backfill[h][g] != null) {
          endBackfill(h, g);
        }
        startPrimary(h, g, step, now);
      } else if (host.hasBackfill() && backfill[h][g] == null && rng.nextDouble() < BACKFILL_RATE) {
        startBackfill(h, g, step, now);
      }
    }
  }

  private void drain(int h, int step) {
    int deadline = drainStart[h] + RETIREMENT_STEPS;
    for (int g = 0; g < primary[h].length; g++) {
      if (backfill[h][g] != null) {
        endBackfill(h, g);
      }
      if (primary[h][g] != null) {
        primary[h][g] = primary[h][g].endingBy(deadline);
        if (primary[h][g].endStep() <= step) {
          endPrimary(h, g);
        }
      }
    }
  }

  private void startPrimary(int h, int g, int step, LocalDateTime now) {
    Host host = hosts.get(h);
    int[] members = host.members();
    int user =
        members.length > 0 && rng.nextDouble() < host.memberShare()
            ? members[rng.nextInt(members.length)]
            : users.pickPrimary(rng);
    int length = duration(PRIMARY_MEDIAN_STEPS, PRIMARY_SIGMA, PRIMARY_MAX_STEPS);
    double usage =
        rng.nextDouble() < 0.12 ? 0.01 + 0.1 * rng.nextDouble() : 0.45 + 0.5 * rng.nextDouble();
    primary[h][g] = new Job(users.email(user), jobIds.next(user, now, rng), step + length, usage);
    primarySlot[h][g] = lowestFree(primarySlot[h]);
  }

  private void startBackfill(int h, int g, int step, LocalDateTime now) {
    int user = users.pickBackfill(rng);
    int length = duration(BACKFILL_MEDIAN_STEPS, BACKFILL_SIGMA, BACKFILL_MAX_STEPS);
    double usage = 0.3 + 0.65 * rng.nextDouble();
    backfill[h][g] = new Job(users.email(user), jobIds.next(user, now, rng), step + length, usage);
    backfillSlot[h][g] = lowestFree(backfillSlot[h]);
  }

  private void endPrimary(int h, int g) {
    primary[h][g] = null;
    primarySlot[h][g] = 0;
  }

  private void endBackfill(int h, int g) {
    backfill[h][g] = null;
    backfillSlot[h][g] = 0;
  }

  private int duration(double median, double sigma, int max) {
    long steps = Math.round(median * Math.exp(sigma * rng.nextGaussian()));
    return (int) Math.max(1, Math.min(max, steps));
  }

  private static int lowestFree(int[] slots) {
    for (int n = 1; ; n++) {
      if (indexOf(slots, n) < 0) {
        return n;
      }
    }
  }

  private static int indexOf(int[] slots, int n) {
    for (int g = 0; g < slots.length; g++) {
      if (slots[g] == n) {
        return g;
      }
    }
    return -1;
  }
}
