package io.gpureport.export;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The output file of one month, written under a temporary name and then renamed atomically, so a
 * reader sees either no file or a whole one. The temporary name, {@code
 * .gpu_state_YYYY-MM.parquet.<pid>.tmp}, starts with a dot and ends with {@code .tmp}: it is never
 * the name of a month, so no report reads it.
 */
final class MonthFile {
  private final Path target;
  private final Path temp;

  MonthFile(Path outDir, YearMonth month, ExportFormat format) {
    this.target = outDir.resolve(name(month, format));
    this.temp =
        outDir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
  }

  /** {@code gpu_state_YYYY-MM.parquet}. */
  static String name(YearMonth month, ExportFormat format) {
    return String.format(
        Locale.ROOT,
        "gpu_state_%04d-%02d%s",
        month.getYear(),
        month.getMonthValue(),
        format.extension());
  }

  Path target() {
    return target;
  }

  Path temp() {
    return temp;
  }

  /**
   * Fails unless the target may be written: it must not exist unless {@code force}, and never be a
   * directory.
   */
  void checkWritable(boolean force) {
    if (Files.isDirectory(target)) {
      throw new GpuReportException(target + " is a directory");
    }
    if (!force && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new GpuReportException(target + " exists; give --force to replace it");
    }
  }

  /** Removes a temporary file left by an earlier run of this process id. */
  void clearTemp() {
    deleteTemp();
  }

  /**
   * Forces the temporary file to disk and renames it to the target, replacing it (the caller
   * checked that it may). Deletes the temporary file on failure.
   */
  void commit(boolean force) {
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      checkWritable(force);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteTemp();
      throw new GpuReportException("cannot write " + target + ": " + IoReason.of(e), e);
    } catch (RuntimeException e) {
      deleteTemp();
      throw e;
    }
    syncDirectory(target.getParent());
  }

  /** Deletes the temporary file, if any; never fails. */
  void deleteTemp() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // best effort: a leftover temporary file is never read as a month
    }
  }

  /** Forces the rename to disk where the platform allows it (Linux, macOS); best effort. */
  private static void syncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not possible on this platform: the rename is still atomic
    }
  }
}
