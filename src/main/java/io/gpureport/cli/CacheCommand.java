package io.gpureport.cli;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.UsageException;
import io.gpureport.rollup.RollupStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gpureport cache stats|clear}: the rollup cache's entries and size, or deletes them
 * (docs/decisions/0005-rollups.md).
 */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Show or clear the rollup cache of `report`.",
      "stats prints the cache's directory, entries and size; clear deletes every entry (reports"
          + " then compute their days from rows again and store them anew)."
    })
public final class CacheCommand implements Callable<Integer> {
  @ParentCommand GpuReportCommand parent;

  @Parameters(index = "0", paramLabel = "ACTION", description = "stats or clear.")
  String action;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Directory of the rollup cache (default: $XDG_CACHE_HOME/gpureport, else"
              + " ~/.cache/gpureport).")
  Path cacheDir;

  @Option(names = "--verbose", description = "Stack traces on errors.")
  boolean verbose;

  /**
   * The default cache directory in {@code env}: {@code $XDG_CACHE_HOME/gpureport} (an absolute
   * path), else {@code $HOME/.cache/gpureport}; null (no cache) when neither is set, as in the
   * in-process tests' empty environment.
   */
  static Path defaultDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "gpureport");
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      return null;
    }
    return Path.of(home, ".cache", "gpureport");
  }

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    PrintStream out = ctx.out();
    Path dir = cacheDir != null ? cacheDir : defaultDir(ctx.env());
    if (dir == null) {
      throw new UsageException("no cache directory: set HOME or XDG_CACHE_HOME, or --cache-dir");
    }
    RollupStore store = RollupStore.open(dir, w -> ctx.err().println("Warning: " + w));
    switch (action) {
      case "stats" -> {
        RollupStore.Stats s = store.stats();
        out.println("Rollup cache: " + s.dir());
        out.println("Entries: " + s.entries());
        out.println(
            String.format(
                Locale.ROOT,
                "Size: %.1f MiB of at most %d MiB",
                s.bytes() / (1024.0 * 1024.0),
                RollupStore.DEFAULT_MAX_BYTES >> 20));
      }
      case "clear" -> {
        try {
          int n = store.clear();
          out.println("Deleted " + n + " entries from " + store.stats().dir());
        } catch (IOException e) {
          throw new GpuReportException("cannot clear the rollup cache: " + e.getMessage(), e);
        }
      }
      default -> throw new UsageException("unknown cache action '" + action + "': stats or clear");
    }
    return ExitCodes.OK;
  }
}
