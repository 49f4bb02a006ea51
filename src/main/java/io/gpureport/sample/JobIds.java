package io.gpureport.sample;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;

/** Hands out GlobalJobIds: each user submits clusters of procs to one access point. */
final class JobIds {
  private static final String SCHEDD = "ap40.chtc.wisc.edu";
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final int[] CLUSTER_SIZES = {1, 1, 1, 1, 2, 3, 5, 10, 20, 50};

  private long lastCluster;
  private final long[] cluster;
  private final long[] queueDate;
  private final int[] nextProc;
  private final int[] procsLeft;

  JobIds(int users, Random rng) {
    this.lastCluster = 2_300_000L + rng.nextInt(200_000);
    this.cluster = new long[users];
    this.queueDate = new long[users];
    this.nextProc = new int[users];
    this.procsLeft = new int[users];
  }

  /** {@code ap40.chtc.wisc.edu#<cluster>.<proc>#<qdate>} for a job of {@code user} starting now. */
  String next(int user, LocalDateTime now, Random rng) {
    if (procsLeft[user] == 0) {
      lastCluster += 1 + rng.nextInt(40);
      cluster[user] = lastCluster;
      nextProc[user] = 0;
      procsLeft[user] = CLUSTER_SIZES[rng.nextInt(CLUSTER_SIZES.length)];
      queueDate[user] = now.atZone(ZONE).toEpochSecond() - rng.nextInt(1200);
    }
    procsLeft[user]--;
    return SCHEDD + "#" + cluster[user] + "." + nextProc[user]++ + "#" + queueDate[user];
  }
}
