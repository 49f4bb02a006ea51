package io.gpureport.render;

import io.gpureport.aggregate.UserRow;
import io.gpureport.aggregate.UsersTable;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.List;

/**
 * {@code gpureport users} as CSV ({@link Csv}): one row per user and class (and device), or with
 * {@code --series} one row per user, class, device and bucket of the window; numbers unrounded.
 */
public final class UsersCsv {
  private UsersCsv() {}

  /** One row per user row of the table. */
  public static String users(UsersTable t) {
    StringBuilder b = new StringBuilder();
    Csv.row(
        b,
        List.of(
            "class",
            "user",
            "device",
            "peak_gpus",
            "peak_at",
            "mean_gpus",
            "gpu_hours",
            "jobs",
            "share_percent"));
    for (UserRow r : t.rows()) {
      Csv.row(
          b,
          List.of(
              r.poolClass().key(),
              r.user(),
              device(r),
              Integer.toString(r.peakGpus()),
              Timestamps.formatSeconds(r.peakAt()),
              Numbers.json(r.meanGpus()),
              Numbers.json(r.gpuHours()),
              Long.toString(r.jobs()),
              Numbers.json(r.sharePercent())));
    }
    return b.toString();
  }

  /** One row per user row and bucket of the window ({@code --series}), zeros included. */
  public static String series(UsersTable t) {
    StringBuilder b = new StringBuilder();
    Csv.row(b, List.of("class", "user", "device", "bucket", "gpus"));
    for (UserRow r : t.rows()) {
      for (int i = 0; i < t.buckets().size(); i++) {
        Csv.row(
            b,
            List.of(
                r.poolClass().key(),
                r.user(),
                device(r),
                Timestamps.formatSeconds(t.buckets().get(i)),
                Integer.toString(r.series().get(i))));
      }
    }
    return b.toString();
  }

  private static String device(UserRow r) {
    return r.device().isEmpty() ? "" : DeviceModels.displayName(r.device());
  }
}
