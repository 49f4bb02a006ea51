package io.gpureport.cli;

import io.gpureport.errors.UsageException;
import io.gpureport.load.InputFormat;
import io.gpureport.load.Timestamps;
import io.gpureport.report.ReportRequest;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The window and source options of the commands that fold a window ({@code report}, {@code hosts}):
 * length, end, the monthly files and {@code --host} (README, "report options"), with their checks
 * (docs/metrics.md, "Checks, messages and exit status").
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

  @Option(
      names = "--db-path",
      paramLabel = "FILE",
      description =
          "A database file (or a .parquet file) instead of --data-dir; a"
              + " gpu_state_YYYY-MM.db (.parquet) name stands for its whole directory, in"
              + " both formats (legacy rule L2).")
  Path dbPath;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Directory of the monthly files (default: the current directory).")
  Path dataDir;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      converter = InputFormatConverter.class,
      description =
          "Read only sqlite (.db) or parquet monthly files (default: both; a month stored in"
              + " both forms needs this option).")
  InputFormat inputFormat;

  @Option(
      names = "--host",
      paramLabel = "REGEX",
      defaultValue = "",
      description = "Only slots whose name matches this regex (default: no filter).")
  String host;

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
    if (endTime == null || endTime.isEmpty()) {
      return null;
    }
    long t = Timestamps.parseUser(endTime);
    if (t == Long.MIN_VALUE) {
      throw new UsageException("Invalid end_time format. Use YYYY-MM-DD HH:MM:SS");
    }
    return t;
  }

  /** An invalid {@code --host} regular expression is a usage error. */
  void checkHost() {
    try {
      Pattern.compile(host);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "invalid --host regular expression '" + host + "': " + e.getDescription());
    }
  }

  /** Both {@code --db-path} and {@code --data-dir} is a usage error. */
  void checkOneSource() {
    if (dbPath != null && dataDir != null) {
      throw new UsageException("Cannot use both --db-path and --data-dir. Choose one.");
    }
  }

  /** The monthly files: {@code --db-path}, else {@code --data-dir} (default {@code .}). */
  ReportRequest.Source source() {
    return (dbPath != null
            ? ReportRequest.Source.dbPath(dbPath)
            : ReportRequest.Source.dataDir(dataDir != null ? dataDir : Path.of(".")))
        .in(inputFormat);
  }

  /** The window of {@code --hours-back} hours ending at {@code end} ({@link #end()}). */
  ReportRequest.Window window(Long end) {
    return new ReportRequest.Window(hoursBack, end);
  }

  /** Accepts sqlite and parquet. */
  static final class InputFormatConverter implements ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String v) {
      for (InputFormat f : InputFormat.values()) {
        if (f.optionValue().equals(v)) {
          return f;
        }
      }
      throw new TypeConversionException("expected sqlite or parquet but was '" + v + "'");
    }
  }
}
