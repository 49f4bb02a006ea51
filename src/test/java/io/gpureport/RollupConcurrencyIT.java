package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Path;
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
    RollupCacheTest.generateSample(data);
    CliResult third =
        RollupCacheTest.assertConcurrentRunsLeaveAWholeCache(
            RollupCacheTest.summary(data, cache),
            2,
            args -> Cli.childJvm().run(args.toArray(String[]::new)));
    // 80 hours to the newest row: four parts, all read back
    assertArrayEquals(new int[] {4, 0}, RollupCacheTest.use(third), third.err());
  }
}
