package io.gpureport.export;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new GpuReportException(target + " exists; give --force to replace it");
    }
  }

  /**
   * Removes temporary files of this month left by this process id or by an export that is no longer
   * running (killed before it could clean up): {@code .gpu_state_YYYY-MM.parquet.<pid>.tmp} whose
   * process is gone.
   */
  void clearTemp() {
    deleteTemp();
    String prefix = "." + target.getFileName() + ".";
    try (var files = Files.list(temp.getParent())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".tmp")) {
          String pid = name.substring(prefix.length(), name.length() - ".tmp".length());
          if (pid.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      // a stale temporary file is harmless: its name is never a month's
    }
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
