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
 * The monthly files and {@code --host} of every command that reads slots through the report's
 * loader (README, "report options"), with their checks (docs/metrics.md, "Checks, messages and exit
 * status"); {@link WindowOptions} adds the window for the commands that take the report's.
 */
final class SourceOptions {
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

  /** Both {@code --db-path} and {@code --data-dir} is a usage error. */
  void checkOneSource() {
    if (dbPath != null && dataDir != null) {
      throw new UsageException("Cannot use both --db-path and --data-dir. Choose one.");
    }
  }

  /** An invalid {@code --host} regular expression is a usage error. */
  void checkHost() {
    regex(host, "--host");
  }

  /** The checked {@code --host} regex (empty: every slot). */
  String host() {
    checkHost();
    return host;
  }

  /**
   * The monthly files: {@code --db-path}, else {@code --data-dir} (default {@code .}); both is a
   * usage error.
   */
  ReportRequest.Source source() {
    checkOneSource();
    return (dbPath != null
            ? ReportRequest.Source.dbPath(dbPath)
            : ReportRequest.Source.dataDir(dataDir != null ? dataDir : Path.of(".")))
        .in(inputFormat);
  }

  /** A regular expression of an option, or a usage error. */
  static Pattern regex(String r, String option) {
    try {
      return Pattern.compile(r);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "invalid " + option + " regular expression '" + r + "': " + e.getDescription());
    }
  }

  /** {@code --end-time} as naive epoch microseconds, null when not given; bad is a usage error. */
  static Long endTime(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    long t = Timestamps.parseUser(text);
    if (t == Long.MIN_VALUE) {
      throw new UsageException("Invalid end_time format. Use YYYY-MM-DD HH:MM:SS");
    }
    return t;
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
