package io.gpureport;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The hand-checked timeline case: hosts h1 (researcher-owned, GPU-1 and GPU-2) and h2 (open
 * capacity, GPU-3), 15-minute buckets 10:00 to 11:00 of 2025-11-03 (the first snapshot at 10:00:01:
 * the loader compares stored text, and a stamp without microseconds at the window's very start
 * would sort before it) with {@code --end-time "2025-11-03 11:00:00" --hours-back 1}. Expected
 * cells, worked out by hand from the rule (docs/metrics.md "Timeline cells"):
 *
 * <pre>
 * bucket  10:00                  10:15    10:30          10:45          11:00
 * GPU-1   R (busy 10:00 beats    . (gap)  r              R              r
 *            idle 10:05)
 * GPU-2   B (backfill 10:05      .        x (Owner)      r              r
 *            beats idle 10:00)
 * GPU-3   o (idle 10:05 beats    .        x (Drained)    . (h2 absent)  o
 *            Drained 10:00)
 * </pre>
 */
final class TimelineData {
  static final String DAY = "2025-11-03 ";

  private TimelineData() {}

  /** The rows, with {@code h1} and {@code h2} replaced by the given host names. */
  static Path write(Path file, String h1, String h2, String user) throws SQLException {
    String l40s = "NVIDIA L40S";
    return new TestDb()
        .row("slot1@" + h1, "GPU-1", "Unclaimed", l40s, "P", h1, null, DAY + "10:00:01")
        .row("slot1_1@" + h1, "GPU-1", "Claimed", l40s, "P", h1, user, DAY + "10:00:01")
        .row("slot1@" + h1, "GPU-2", "Unclaimed", l40s, "P", h1, null, DAY + "10:00:01")
        .row("slot1@" + h2, "GPU-3", "Drained", l40s, "", h2, null, DAY + "10:00:01")
        .row("slot1@" + h1, "GPU-1", "Unclaimed", l40s, "P", h1, null, DAY + "10:05:00")
        .row("slot1@" + h1, "GPU-2", "Unclaimed", l40s, "P", h1, null, DAY + "10:05:00")
        .row("backfill2@" + h1, "GPU-2", "Claimed", l40s, "P", h1, "eve", DAY + "10:05:00")
        .row("slot1@" + h2, "GPU-3", "Unclaimed", l40s, "", h2, null, DAY + "10:05:00")
        .row("slot1@" + h1, "GPU-1", "Unclaimed", l40s, "P", h1, null, DAY + "10:30:00")
        .row("slot1@" + h1, "GPU-2", "Owner", l40s, "P", h1, null, DAY + "10:30:00")
        .row("slot1@" + h2, "GPU-3", "Drained", l40s, "", h2, null, DAY + "10:30:00")
        .row("slot1_1@" + h1, "GPU-1", "Claimed", l40s, "P", h1, user, DAY + "10:45:00")
        .row("slot1@" + h1, "GPU-2", "Unclaimed", l40s, "P", h1, null, DAY + "10:45:00")
        .row("slot1@" + h1, "GPU-1", "Unclaimed", l40s, "P", h1, null, DAY + "11:00:00")
        .row("slot1@" + h1, "GPU-2", "Unclaimed", l40s, "P", h1, null, DAY + "11:00:00")
        .row("slot1@" + h2, "GPU-3", "Unclaimed", l40s, "", h2, null, DAY + "11:00:00")
        .write(file);
  }
}
