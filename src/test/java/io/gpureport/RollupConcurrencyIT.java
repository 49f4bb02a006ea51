package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code gpureport report} processes (cron overlaps) write one cold rollup cache at once
 * (docs/decisions/0005-rollups.md, "Store"): both print the numbers of {@code --no-cache}, and the
 * cache they leave is whole: a third run reuses every part and prints the same bytes.
 */
class RollupConcurrencyIT {
  @TempDir Path data;

  @TempDir Path cache;

  @Test
  void twoProcessesWritingOneCacheLeaveItWhole() throws Exception {
    RollupCacheTest.run(
        List.of(
            "sample",
            "--out",
            data.toString(),
            "--days",
            "5",
            "--start",
            "2025-10-29",
            "--hosts",
            "30",
            "-q"));
    List<String> args = RollupCacheTest.summary(data, cache);
    String expected = RollupCacheTest.run(RollupCacheTest.with(args, "--no-cache")).out();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<CliResult>> runs =
          List.of(
              CompletableFuture.supplyAsync(() -> child(args), pool),
              CompletableFuture.supplyAsync(() -> child(args), pool));
      for (CompletableFuture<CliResult> run : runs) {
        CliResult r = run.join();
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(expected, r.out());
        assertFalse(r.err().contains("Warning:"), r.err());
      }
    } finally {
      pool.shutdown();
    }
    CliResult third = RollupCacheTest.run(args);
    assertEquals(expected, third.out());
    int[] use = RollupCacheTest.use(third);
    assertArrayEquals(new int[] {use[0], 0}, use, third.err());
    assertEquals(4, use[0], third.err());
  }

  private static CliResult child(List<String> args) {
    return Cli.childJvm().run(args.toArray(String[]::new));
  }
}
