package io.gpureport.sample;

import java.util.Random;

/** The submitters of the simulated pool and how much each of them submits. */
final class UserDirectory {
  private static final String[] NETIDS = {
    "aabrams", "bchen27", "cdiaz", "devans4", "efischer", "fgomez", "ghoffman", "hito",
    "ijohnson8", "jkowalski", "klarsen", "lmoreau", "mnakamura", "nokafor", "opetrov", "pquinn",
    "rrossi", "ssato", "ttanaka3", "uumar", "vvolkov", "wwagner", "xxu42", "yyilmaz",
    "zzhou", "abhatt", "bcohen", "dkumar7", "egarcia2", "fhuang", "gli38", "hmuller",
    "jpark", "kschmidt", "lwang19", "mzhao", "nsharma", "pbecker", "rgupta", "swu23"
  };
  private static final String DOMAIN = "@wisc.edu";

  private final String[] emails;
  private final double[] primaryCumulative;
  private final double[] backfillCumulative;

  private UserDirectory(String[] emails, double[] primary, double[] backfill) {
    this.emails = emails;
    this.primaryCumulative = cumulative(primary);
    this.backfillCumulative = cumulative(backfill);
  }

  /** Forty users with Zipf-like activity; a handful of them also feed the backfill queue. */
  static UserDirectory create(Random rng) {
    int n = NETIDS.length;
    String[] emails = new String[n];
    double[] primary = new double[n];
    double[] backfill = new double[n];
    int[] rank = permutation(n, rng);
    for (int i = 0; i < n; i++) {
      emails[i] = NETIDS[i] + DOMAIN;
      primary[i] = 1.0 / Math.pow(rank[i] + 1, 1.1);
      backfill[i] = rank[i] % 5 == 2 ? 1.0 / (1 + rank[i] / 5.0) : 0.01;
    }
    return new UserDirectory(emails, primary, backfill);
  }

  int size() {
    return emails.length;
  }

  /** The {@code RemoteOwner} value of user {@code i}. */
  String email(int i) {
    return emails[i];
  }

  /** A user drawn by primary-job activity. */
  int pickPrimary(Random rng) {
    return pick(primaryCumulative, rng);
  }

  /** A user drawn by backfill-job activity. */
  int pickBackfill(Random rng) {
    return pick(backfillCumulative, rng);
  }

  /** {@code count} distinct users, e.g. the members of a research group. */
  int[] pickDistinct(int count, Random rng) {
    int[] p = permutation(emails.length, rng);
    return java.util.Arrays.copyOf(p, Math.min(count, p.length));
  }

  private static int pick(double[] cumulative, Random rng) {
    double r = rng.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (r < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  private static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      c[i] = sum;
    }
    return c;
  }

  private static int[] permutation(int n, Random rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
