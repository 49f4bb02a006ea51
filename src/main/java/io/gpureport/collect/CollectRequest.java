package io.gpureport.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The options of one {@code gpureport collect} (README, "collect options").
 *
 * @param dataDir directory of the monthly files; it must exist
 * @param input input file, {@code "-"} for standard input, or {@code null} to run condor_status
 * @param condorStatus the condor_status executable, looked up on {@code PATH} when it has no slash
 * @param pool the collector passed as {@code -pool HOST}, or {@code null}
 * @param timeout time limit for the condor_status run
 * @param verbose whether to print extra status lines
 */
public record CollectRequest(
    Path dataDir,
    String input,
    String condorStatus,
    String pool,
    Duration timeout,
    boolean verbose) {

  /** The value of {@code --input} that selects standard input. */
  public static final String STDIN = "-";

  public CollectRequest {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(condorStatus, "condorStatus");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Whether gpureport runs condor_status itself rather than reading {@code --input}. */
  public boolean runsCondorStatus() {
    return input == null;
  }
}
