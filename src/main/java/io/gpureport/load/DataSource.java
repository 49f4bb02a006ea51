package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.errors.PathProbe;
import io.gpureport.errors.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The monthly files of a data directory, SQLite and Parquet, or one single file (docs/metrics.md,
 * "Monthly files and the data directory", "Parquet months"): which files a report reads, in
 * ascending month order. The report reads them as a {@link SlotSource}.
 */
public final class DataSource {
  private static final Pattern MONTHLY =
      Pattern.compile("gpu_state_(\\d{4})-(0[1-9]|1[0-2])(\\.db|\\.parquet)");

  /** A file of the source: its month (null for a single file), path and format. */
  record StoredFile(YearMonth month, Path path, InputFormat format) {}

  private final StoredFile single;
  private final TreeMap<YearMonth, StoredFile> monthly;

  private DataSource(StoredFile single, TreeMap<YearMonth, StoredFile> monthly) {
    this.single = single;
    this.monthly = monthly;
  }

  /** Resolves {@code --db-path} / {@code --data-dir} (at most one is non-null), both formats. */
  public static DataSource resolve(Path dbPath, Path dataDir) {
    return resolve(dbPath, dataDir, null);
  }

  /**
   * Resolves {@code --db-path} / {@code --data-dir} (at most one is non-null) for {@code
   * --input-format} {@code format} (null: both). A monthly name given as {@code --db-path} stands
   * for its directory, as {@code --data-dir} (docs/metrics.md, L2).
   */
  public static DataSource resolve(Path dbPath, Path dataDir, InputFormat format) {
    if (dbPath != null) {
      if (PathProbe.attributes(
              dbPath, "database file not found: " + dbPath, "cannot read " + dbPath)
          .isDirectory()) {
        throw new GpuReportException(
            "--db-path "
                + dbPath
                + " is a directory; give a database file, or the directory"
                + " with --data-dir");
      }
      String name = dbPath.getFileName().toString();
      InputFormat byName = InputFormat.ofFileName(name);
      if (format != null && format != byName) {
        throw new UsageException(
            "--db-path "
                + dbPath
                + " is a "
                + byName.optionValue()
                + " file, but --input-format is "
                + format.optionValue());
      }
      if (!MONTHLY.matcher(name).matches()) {
        return new DataSource(new StoredFile(null, dbPath, byName), null);
      }
      Path parent = dbPath.getParent();
      return directory(parent == null ? Path.of(".") : parent, format);
    }
    return directory(dataDir == null ? Path.of(".") : dataDir, format);
  }

  private static DataSource directory(Path dir, InputFormat format) {
    if (!PathProbe.attributes(
            dir, "data directory not found: " + dir, "cannot list data directory " + dir)
        .isDirectory()) {
      throw new GpuReportException("data directory " + dir + " is not a directory");
    }
    TreeMap<YearMonth, StoredFile> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list.sorted()::iterator) {
        Matcher m = MONTHLY.matcher(p.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(p)) {
          continue;
        }
        InputFormat kind = InputFormat.ofFileName(m.group(3));
        if (format != null && kind != format) {
          continue;
        }
        YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        StoredFile other = files.put(month, new StoredFile(month, p, kind));
        if (other != null) {
          throw new UsageException(
              "month "
                  + month
                  + " is stored twice, in "
                  + other.path()
                  + " and "
                  + p
                  + "; choose one with --input-format sqlite|parquet");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new GpuReportException("cannot list data directory " + dir + ": " + IoReason.of(e), e);
    }
    if (files.isEmpty()) {
      throw new GpuReportException("No database files found in " + dir + ".");
    }
    return new DataSource(null, files);
  }

  /** Every file of the source: the monthly files in ascending month order, or the single file. */
  List<StoredFile> stored() {
    return single != null ? List.of(single) : List.copyOf(monthly.values());
  }

  /** Whether the source is one single file rather than a directory of months. */
  boolean isSingle() {
    return single != null;
  }

  /** Every file of the source: the monthly files in ascending month order, or the single file. */
  public List<Path> allFiles() {
    return stored().stream().map(StoredFile::path).toList();
  }

  /**
   * The files named for a range's months, in ascending month order (missing months are skipped), or
   * the single file.
   */
  public List<Path> filesFor(TimeRange range) {
    return namedFor(range).stream().map(StoredFile::path).toList();
  }

  /** The files named for a range's months, in ascending month order, or the single file. */
  List<StoredFile> namedFor(TimeRange range) {
    if (single != null) {
      return List.of(single);
    }
    YearMonth first = YearMonth.from(Timestamps.toLocal(range.start()));
    YearMonth last = YearMonth.from(Timestamps.toLocal(range.end()));
    return List.copyOf(monthly.subMap(first, true, last, true).values());
  }
}
