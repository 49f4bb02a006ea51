package io.gpureport.cli;

import io.gpureport.collect.TimestampIndex;
import io.gpureport.load.DataSource;
import io.gpureport.load.InputFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpureport index}: adds the timestamp index to monthly files written without it. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Add the timestamp index to monthly files that lack it.",
      "Files of the legacy collector have none, so every report scans them whole; with the index a"
          + " 24-hour report reads only its window. Rows are not changed; files that have the index"
          + " are left alone. Run it once, e.g. between two collector runs (it waits for a busy file)."
    })
public final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "Directory of the monthly gpu_state_YYYY-MM.db files (default: the current"
              + " directory).")
  Path dataDir;

  @Option(names = "--verbose", description = "Stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    for (Path file : DataSource.resolve(null, dataDir, InputFormat.SQLITE).allFiles()) {
      TimestampIndex.Outcome o = TimestampIndex.ensure(file);
      err.println(
          o.added()
              ? String.format(Locale.ROOT, "Indexed %s in %.1f s", file.getFileName(), o.seconds())
              : file.getFileName() + " already has the timestamp index");
      err.flush();
    }
    return ExitCodes.OK;
  }
}
