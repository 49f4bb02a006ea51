package io.gpureport.cli;

import io.gpureport.sample.SampleGenerator;
import io.gpureport.sample.SampleSpec;
import io.gpureport.sample.SampleSummary;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gpureport sample}: generates realistic monthly sample files. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Generate realistic sample data: the monthly files of a simulated pool.",
      "15-minute snapshots in DIR/gpu_state_YYYY-MM.db, up to now unless --start is given;"
          + " existing files are never modified unless --force is given."
    })
public final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand GpuReportCommand parent;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for the monthly files (created if missing).")
  Path out;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "" + SampleSpec.DEFAULT_DAYS,
      description =
          "Number of days of snapshots, 1 to "
              + SampleSpec.MAX_DAYS
              + " (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + SampleSpec.DEFAULT_SEED,
      description =
          "Random seed; the same arguments with --start give the same files"
              + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--start",
      paramLabel = "DATE",
      description =
          "First snapshot, YYYY-MM-DD or 'YYYY-MM-DD HH:MM'; give it for reproducible files"
              + " (default: the --days days up to now).")
  String start;

  @Option(
      names = "--hosts",
      paramLabel = "N",
      defaultValue = "" + SampleSpec.DEFAULT_HOSTS,
      description =
          "Number of machines in the pool, "
              + SampleSpec.MIN_HOSTS
              + " to "
              + SampleSpec.MAX_HOSTS
              + " (default: ${DEFAULT-VALUE}).")
  int hosts;

  @Option(names = "--force", description = "Delete and recreate monthly files that already exist.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "No summary line on stderr (errors are still printed).")
  boolean quiet;

  @Option(names = "--verbose", description = "Stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    LocalDateTime first =
        start == null
            ? SampleSpec.startEndingAt(LocalDateTime.now(parent.context().clock()), days)
            : SampleSpec.parseStart(start);
    SampleSpec sampleSpec = new SampleSpec(out, days, seed, first, hosts, force);
    long began = System.nanoTime();
    SampleSummary summary = SampleGenerator.generate(sampleSpec);
    double seconds = (System.nanoTime() - began) / 1e9;
    if (!quiet) {
      spec.commandLine()
          .getErr()
          .println(summary.describe() + String.format(Locale.ROOT, " in %.1f s", seconds));
      spec.commandLine().getErr().flush();
    }
    return ExitCodes.OK;
  }
}
