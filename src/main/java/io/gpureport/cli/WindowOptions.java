package io.gpureport.cli;

import io.gpureport.errors.UsageException;
import io.gpureport.report.ReportRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The window and source options of the commands that fold the report's window ({@code report},
 * {@code hosts}): length and end, then the monthly files and {@code --host} ({@link
 * SourceOptions}), in the report's help order (README, "report options").
 */
final class WindowOptions {
  @Option(
      names = "--hours-back",
      paramLabel = "INT",
      defaultValue = "24",
      description =
          "Window length in hours, >= 0; 0 is the last snapshot only"
              + " (default: ${DEFAULT-VALUE}).")
  int hoursBack;

  @Option(
      names = "--end-time",
      paramLabel = "TEXT",
      description = "End of the window, \"YYYY-MM-DD HH:MM:SS\" (default: the newest data).")
  String endTime;

  @Mixin SourceOptions files;

  /** A negative {@code --hours-back} is a usage error. */
  void checkHoursBack() {
    if (hoursBack < 0) {
      throw new UsageException("--hours-back must be >= 0, was " + hoursBack);
    }
  }

  /**
   * The parsed {@code --end-time}, null without one (the newest data); a bad one is a usage error.
   */
  Long end() {
    return SourceOptions.endTime(endTime);
  }

  /** An invalid {@code --host} regular expression is a usage error. */
  void checkHost() {
    files.checkHost();
  }

  /** Both {@code --db-path} and {@code --data-dir} is a usage error. */
  void checkOneSource() {
    files.checkOneSource();
  }

  /** The {@code --host} regex as given (empty: every slot). */
  String host() {
    return files.host;
  }

  /** The monthly files: {@code --db-path}, else {@code --data-dir} (default {@code .}). */
  ReportRequest.Source source() {
    return files.source();
  }

  /** The window of {@code --hours-back} hours ending at {@code end} ({@link #end()}). */
  ReportRequest.Window window(Long end) {
    return new ReportRequest.Window(hoursBack, end);
  }
}
