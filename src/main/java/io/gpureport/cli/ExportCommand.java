package io.gpureport.cli;

import io.gpureport.errors.UsageException;
import io.gpureport.export.ExportFormat;
import io.gpureport.export.ExportRequest;
import io.gpureport.export.Exporter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code gpureport export}: copies the SQLite months to monthly Parquet files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Export the monthly SQLite files to Parquet: one zstd file DIR2/gpu_state_YYYY-MM.parquet"
          + " per calendar month of the rows' timestamps, in the report's load order (timestamp,"
          + " file month, insertion order) and with the values the report reads, so a report on"
          + " the export gives the same output.",
      "Rows stored in another month's file go to their own month's file. Rows without a readable"
          + " timestamp (NULL, a number, or text not YYYY-MM-DD HH:MM:SS[.f]) are the only data"
          + " not exported: no report reads them either; a warning counts them per file. The source"
          + " files are opened read-only. Each month is written under a temporary name"
          + " (.gpu_state_YYYY-MM.parquet.PID.tmp) and renamed when complete; an existing month file"
          + " is replaced only with --force."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand GpuReportCommand parent;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Directory of the monthly gpu_state_YYYY-MM.db files (default: the current directory).")
  Path dataDir;

  @Option(
      names = "--db-path",
      paramLabel = "FILE",
      description = "Export this one SQLite file instead of a data directory.")
  Path dbPath;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR2",
      description = "Directory for the month files (created if missing).")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "parquet",
      converter = FormatConverter.class,
      description = "File format; parquet is the only one (default: ${DEFAULT-VALUE}).")
  ExportFormat format;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description = "Export only rows from this local date on (inclusive).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description = "Export only rows up to this local date (inclusive).")
  LocalDate to;

  @Option(names = "--force", description = "Replace month files that already exist in DIR2.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "No progress line and no summary lines (warnings and errors are still printed).")
  boolean quiet;

  @Option(names = "--verbose", description = "Stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    if (dbPath != null && dataDir != null) {
      throw new UsageException("give --db-path or --data-dir, not both");
    }
    CliContext ctx = parent.context();
    boolean interactive = ctx.interactive();
    ExportRequest request =
        new ExportRequest(
            dbPath,
            dbPath == null ? (dataDir == null ? Path.of(".") : dataDir) : null,
            out,
            format,
            from,
            to,
            force,
            quiet);
    new Exporter(spec.commandLine().getErr(), interactive).export(request);
    return ExitCodes.OK;
  }

  /** Accepts parquet. */
  static final class FormatConverter implements ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String v) {
      for (ExportFormat f : ExportFormat.values()) {
        if (f.id().equals(v)) {
          return f;
        }
      }
      throw new TypeConversionException("expected parquet but was '" + v + "'");
    }
  }

  /** Accepts YYYY-MM-DD. */
  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String v) {
      try {
        if (v.length() == 10) {
          return LocalDate.parse(v);
        }
      } catch (DateTimeParseException e) {
        // fall through to the message
      }
      throw new TypeConversionException("expected a date YYYY-MM-DD but was '" + v + "'");
    }
  }
}
