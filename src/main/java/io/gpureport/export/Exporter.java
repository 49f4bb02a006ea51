package io.gpureport.export;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.errors.NoDataException;
import io.gpureport.errors.PathProbe;
import io.gpureport.errors.UsageException;
import io.gpureport.load.DataSource;
import io.gpureport.load.InputFormat;
import io.gpureport.load.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Exports SQLite months to one Parquet file per calendar month of the rows' timestamps ({@code
 * gpureport export}).
 *
 * <p>Each source file is first read once for its census ({@link SourceFile}): the months its rows
 * fall in, so that stray rows of another month go to that month's file. A month is then read from
 * every source file that has rows in it, each {@code ORDER BY timestamp, rowid} on a read-only
 * connection, merged into load order ({@link RowMerge}) and streamed to the writer: memory holds
 * one run of rows of one instant per file and the writer's current row group, never a month.
 *
 * <p>The only rows not exported are those without a readable timestamp (NULL, a number, a blob, or
 * text not of the stored form {@code YYYY-MM-DD HH:MM:SS[.f]}): no report can read them either. A
 * {@code Warning:} line per source file counts them.
 */
public final class Exporter {
  private static final Pattern MONTH_NAME =
      Pattern.compile("gpu_state_(\\d{4}-(?:0[1-9]|1[0-2]))\\.db");

  /** The dictionary page size: large enough for a month's GlobalJobId (decision 0004). */
  static final int DICTIONARY_PAGE_BYTES = 8 << 20;

  /** Bounds of the rows per row group (about one day of the month's rows). */
  static final int MIN_ROW_GROUP_ROWS = 1_000;

  static final int MAX_ROW_GROUP_ROWS = 2_000_000;

  private static final int PROGRESS_STEP = 4096;

  private final PrintWriter err;
  private final boolean interactive;

  /**
   * An exporter that prints its warnings, summary lines and (when {@code interactive}, i.e. stderr
   * is a terminal) its progress line on {@code err}.
   */
  public Exporter(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  /** Runs the export; fails with a one-line {@link GpuReportException}. */
  public ExportSummary export(ExportRequest request) {
    List<Path> paths = sources(request);
    checkOutDir(request.outDir(), paths);
    try (ExportProgress progress = new ExportProgress(err, interactive && !request.quiet())) {
      List<SourceFile> files = new ArrayList<>();
      for (int i = 0; i < paths.size(); i++) {
        progress.stage("reading the months of " + paths.get(i).getFileName());
        files.add(SourceFile.census(paths.get(i), i));
      }
      for (SourceFile f : files) {
        String moved = strays(f);
        if (moved != null) {
          progress.println(moved);
        }
      }
      TreeMap<YearMonth, List<SourceFile>> months = months(files, request);
      if (months.isEmpty()) {
        throw new NoDataException(noRows(request));
      }
      List<MonthFile> targets = new ArrayList<>();
      for (YearMonth month : months.keySet()) {
        MonthFile target = new MonthFile(request.outDir(), month, request.format());
        target.checkWritable(request.force());
        if (Files.exists(target.target()) && cuts(request, month)) {
          throw new GpuReportException(
              target.target()
                  + " exists and --from/--to cover only part of "
                  + month
                  + "; --force would replace the whole month with that part");
        }
        targets.add(target);
      }
      createOutDir(request.outDir());
      long[] skipped = new long[files.size()];
      List<ExportSummary.Month> written = new ArrayList<>();
      int m = 0;
      for (Map.Entry<YearMonth, List<SourceFile>> e : months.entrySet()) {
        MonthFile target = targets.get(m++);
        progress.stage(
            String.format(
                Locale.ROOT,
                "month %d of %d (%s)",
                m,
                months.size(),
                target.target().getFileName()));
        ExportSummary.Month done =
            writeMonth(e.getKey(), e.getValue(), files, target, request, skipped, progress);
        if (done != null) {
          written.add(done);
          if (!request.quiet()) {
            progress.println(
                String.format(
                    Locale.ROOT,
                    "Wrote %s: %,d rows, %.1f MiB in %.1f s",
                    done.file(),
                    done.rows(),
                    done.bytes() / (1024.0 * 1024.0),
                    done.seconds()));
          }
        }
      }
      long totalSkipped = 0;
      for (SourceFile f : files) {
        long n = f.unreadable() + skipped[f.order()];
        totalSkipped += n;
        if (n > 0) {
          progress.println(
              String.format(
                  Locale.ROOT,
                  "Warning: %s: %,d %s without a readable timestamp not exported",
                  f.path(),
                  n,
                  n == 1 ? "row" : "rows"));
        }
      }
      if (written.isEmpty()) {
        throw new NoDataException(noRows(request));
      }
      return new ExportSummary(written, totalSkipped);
    }
  }

  /** The source files, in load order: the one {@code --db-path}, or the monthly files. */
  private static List<Path> sources(ExportRequest request) {
    Path db = request.dbPath();
    if (db == null) {
      return DataSource.resolve(null, request.dataDir(), InputFormat.SQLITE).allFiles();
    }
    if (PathProbe.attributes(db, "database file not found: " + db, "cannot read " + db)
        .isDirectory()) {
      throw new GpuReportException(
          "--db-path "
              + db
              + " is a directory; give a database file, or the directory with"
              + " --data-dir");
    }
    return List.of(db);
  }

  /**
   * Fails unless {@code out} can take the months: not a file, and not the directory of a source
   * (its months would then be stored twice, which every later report refuses).
   */
  private static void checkOutDir(Path out, List<Path> sources) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new GpuReportException("--out " + out + " is not a directory");
    }
    for (Path source : sources) {
      Path dir = source.toAbsolutePath().getParent();
      if (dir != null && Files.exists(out) && sameFile(dir, out)) {
        throw new UsageException(
            "--out "
                + out
                + " holds the source "
                + source.getFileName()
                + "; export to another directory (a month stored as .db and .parquet side by"
                + " side needs --input-format in every report)");
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static void createOutDir(Path out) {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new GpuReportException("cannot create " + out + ": " + IoReason.of(e), e);
    }
  }

  /**
   * A warning for a monthly file with rows stamped in other months, which the export moves to the
   * files of their months (docs/metrics.md, "Parquet months"); null when it has none.
   */
  private static String strays(SourceFile f) {
    Matcher m = MONTH_NAME.matcher(f.path().getFileName().toString());
    if (!m.matches()) {
      return null;
    }
    YearMonth named = YearMonth.parse(m.group(1));
    long moved = 0;
    for (Map.Entry<YearMonth, SourceFile.MonthCensus> e : f.months().entrySet()) {
      if (!e.getKey().equals(named)) {
        moved += e.getValue().rows();
      }
    }
    return moved == 0
        ? null
        : String.format(
            Locale.ROOT,
            "Warning: %s: rows stamped outside %s: %,d, written to the files of the months they"
                + " are stamped in; reports on the export read them in windows of their time,"
                + " reports on the SQLite files only in windows that include %s",
            f.path(),
            named,
            moved,
            named);
  }

  /** Whether {@code --from}/{@code --to} leave out some days of {@code month}. */
  private static boolean cuts(ExportRequest request, YearMonth month) {
    return request.from() != null && request.from().isAfter(month.atDay(1))
        || request.to() != null && request.to().isBefore(month.atEndOfMonth());
  }

  /** The months to write and, for each, the source files that have rows in it. */
  private static TreeMap<YearMonth, List<SourceFile>> months(
      List<SourceFile> files, ExportRequest request) {
    YearMonth first = request.from() == null ? null : YearMonth.from(request.from());
    YearMonth last = request.to() == null ? null : YearMonth.from(request.to());
    TreeMap<YearMonth, List<SourceFile>> months = new TreeMap<>();
    for (SourceFile f : files) {
      for (YearMonth month : f.months().keySet()) {
        if ((first == null || !month.isBefore(first)) && (last == null || !month.isAfter(last))) {
          months.computeIfAbsent(month, k -> new ArrayList<>()).add(f);
        }
      }
    }
    return months;
  }

  /** Writes one month; null when the window leaves it no row (nothing is written then). */
  private ExportSummary.Month writeMonth(
      YearMonth month,
      List<SourceFile> sources,
      List<SourceFile> files,
      MonthFile target,
      ExportRequest request,
      long[] skipped,
      ExportProgress progress) {
    long began = System.nanoTime();
    long start = Timestamps.of(month.atDay(1).atStartOfDay());
    long end = Timestamps.of(month.plusMonths(1).atDay(1).atStartOfDay());
    if (request.from() != null) {
      start = Math.max(start, Timestamps.of(request.from().atStartOfDay()));
    }
    if (request.to() != null) {
      end = Math.min(end, Timestamps.of(request.to().plusDays(1).atStartOfDay()));
    }
    boolean prevent = false;
    boolean disk = false;
    boolean fractional = false;
    long censusRows = 0;
    long days = 0;
    for (SourceFile f : sources) {
      SourceFile.MonthCensus c = f.months().get(month);
      prevent |= f.hasPrevent();
      disk |= f.hasDisk();
      fractional |= c.fractionalMemory();
      censusRows += c.rows();
      days |= c.days();
    }
    ExportSchema schema = new ExportSchema(prevent, disk, fractional);
    int rowGroupRows = rowGroupRows(censusRows, Long.bitCount(days));
    target.clearTemp();
    long rows = 0;
    List<FileCursor> cursors = new ArrayList<>();
    try {
      for (SourceFile f : sources) {
        cursors.add(new FileCursor(f, start, end));
      }
      RowMerge merge = new RowMerge(cursors);
      try (ParquetWriter<ExportRow> writer = writer(target.temp(), schema, sources, rowGroupRows)) {
        for (ExportRow r = merge.next(); r != null; r = merge.next()) {
          writer.write(r);
          if (++rows % PROGRESS_STEP == 0) {
            progress.add(PROGRESS_STEP);
          }
        }
      }
      progress.add(rows % PROGRESS_STEP);
      for (FileCursor c : cursors) {
        skipped[c.source().order()] += c.skipped();
      }
      if (rows == 0) {
        target.deleteTemp();
        return null;
      }
      target.commit(request.force());
      long bytes = Files.size(target.target());
      return new ExportSummary.Month(
          target.target(), rows, bytes, (System.nanoTime() - began) / 1e9);
    } catch (IOException e) {
      target.deleteTemp();
      throw new GpuReportException("cannot write " + target.temp() + ": " + IoReason.of(e), e);
    } catch (RuntimeException | Error e) {
      target.deleteTemp();
      throw e;
    } finally {
      for (FileCursor c : cursors) {
        c.close();
      }
    }
  }

  /** About one day of the month's rows per row group, within the bounds. */
  static int rowGroupRows(long monthRows, int daysWithRows) {
    long perDay = -Math.floorDiv(-monthRows, Math.max(1, daysWithRows));
    return (int) Math.max(MIN_ROW_GROUP_ROWS, Math.min(MAX_ROW_GROUP_ROWS, perDay));
  }

  private static ParquetWriter<ExportRow> writer(
      Path file, ExportSchema schema, List<SourceFile> sources, int rowGroupRows)
      throws IOException {
    Map<String, String> metadata =
        Map.of(
            "gpureport.sources",
            sources.stream().map(SourceFile::name).collect(Collectors.joining(",")));
    RowWriteSupport support = new RowWriteSupport(schema, metadata, allFiles(sources));
    return new Builder(new LocalOutputFile(file), support)
        .withConf(new PlainParquetConfiguration())
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withDictionaryEncoding(true)
        .withDictionaryPageSize(DICTIONARY_PAGE_BYTES)
        .withRowGroupRowCountLimit(rowGroupRows)
        .withStatisticsEnabled(true)
        .build();
  }

  /** The sources by {@link SourceFile#order}, for messages that name a row's file. */
  private static List<SourceFile> allFiles(List<SourceFile> sources) {
    int size = sources.stream().mapToInt(SourceFile::order).max().orElse(-1) + 1;
    List<SourceFile> byOrder = new ArrayList<>(Collections.nCopies(size, null));
    for (SourceFile f : sources) {
      byOrder.set(f.order(), f);
    }
    return byOrder;
  }

  private static String noRows(ExportRequest request) {
    Path where =
        request.dbPath() != null
            ? request.dbPath()
            : request.dataDir() != null ? request.dataDir() : Path.of(".");
    String window = "";
    if (request.from() != null || request.to() != null) {
      window =
          " from "
              + (request.from() == null ? "the start" : request.from())
              + " to "
              + (request.to() == null ? "the end" : request.to());
    }
    return "No rows to export in " + where + window + ".";
  }

  /** The builder of a writer of {@link ExportRow}s on a local file. */
  private static final class Builder extends ParquetWriter.Builder<ExportRow, Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Required by the builder; the writer is built without Hadoop and calls the other one. */
    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    protected WriteSupport<ExportRow> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<ExportRow> getWriteSupport(
        org.apache.parquet.conf.ParquetConfiguration conf) {
      return support;
    }
  }
}
