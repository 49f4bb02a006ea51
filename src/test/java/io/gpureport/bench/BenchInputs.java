package io.gpureport.bench;

import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.config.ExclusionMap;
import io.gpureport.load.DataSource;
import io.gpureport.load.SlotSource;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared inputs of the backends: configuration and the files of a window. */
public final class BenchInputs {
  private BenchInputs() {}

  /** Exclusion map and CHTC-owned list, as the report uses them. */
  public record Rules(ExclusionMap exclusions, ChtcOwnedHosts chtcOwned) {
    /**
     * The shipped files of the repository root {@code root}: {@code masked_hosts.yaml} (voyles2000,
     * gpulab2003) and {@code chtc_owned_hosts.txt}.
     */
    public static Rules shipped(Path root) {
      return new Rules(
          ExclusionLoader.fromFile(root.resolve("masked_hosts.yaml"), true),
          ChtcOwnedHosts.fromFile(root.resolve("chtc_owned_hosts.txt"), true, System.err));
    }
  }

  /**
   * {@code data} as a data source: a directory, a monthly file (its directory) or a single file.
   */
  public static DataSource source(Path data) {
    return Files.isDirectory(data)
        ? DataSource.resolve(null, data)
        : DataSource.resolve(data, null);
  }

  /** The files to read for the closed window, in ascending month order. */
  public static List<Path> files(Path data, long start, long end) {
    return source(data).filesFor(TimeRange.closed(start, end));
  }

  /** The newest stored timestamp (SEMANTICS §4.3). */
  public static long defaultEnd(Path data) {
    return (Files.isDirectory(data)
            ? SlotSource.open(null, data, 1)
            : SlotSource.open(data, null, 1))
        .defaultEndTime()
        .orElseThrow(() -> new IllegalStateException("no rows in " + data));
  }

  /** {@code end} minus {@code hours} on the naive local date-time (SEMANTICS §4.4). */
  public static long startOf(long end, int hours) {
    return Timestamps.of(Timestamps.toLocal(end).minusHours(hours));
  }

  static void log(PrintStream out, String fmt, Object... args) {
    out.printf(fmt + "%n", args);
    out.flush();
  }
}
