package io.gpureport.cli;

import io.gpureport.collect.CollectRequest;
import io.gpureport.collect.Collector;
import io.gpureport.errors.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gpureport collect}: appends one pool snapshot to the monthly SQLite file (docs/metrics.md,
 * "How collect builds the rows").
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Append a snapshot of the pool's GPU slots to gpu_state_YYYY-MM.db.")
public final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.ParentCommand GpuReportCommand parent;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Directory of the monthly files; it must exist (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "Read condor_status -json output from FILE, or from stdin if FILE is '-'."
              + " Without it, condor_status is run.")
  String input;

  @Option(
      names = "--condor-status",
      paramLabel = "CMD",
      defaultValue = "condor_status",
      description = "The condor_status executable (default: ${DEFAULT-VALUE}).")
  String condorStatus;

  @Option(
      names = "--pool",
      paramLabel = "HOST",
      description = "Passed to condor_status as -pool HOST.")
  String pool;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "Time limit for condor_status, at least 1 (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--verbose", description = "Stack traces and extra status lines on stderr.")
  boolean verbose;

  @Override
  public Integer call() {
    if (timeoutSeconds < 1) {
      throw new UsageException("--timeout must be at least 1 second");
    }
    CollectRequest request =
        new CollectRequest(
            dataDir, input, condorStatus, pool, Duration.ofSeconds(timeoutSeconds), verbose);
    new Collector(parent.context().clock(), () -> System.in, spec.commandLine().getErr())
        .collect(request);
    return ExitCodes.OK;
  }
}
