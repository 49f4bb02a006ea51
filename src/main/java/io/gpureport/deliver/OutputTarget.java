package io.gpureport.deliver;

import io.gpureport.GpuReportException;
import io.gpureport.IoReason;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the rendered report to stdout, or to {@code --output-file} (D6): a regular file is
 * replaced atomically (temporary file + rename) keeping its permissions, a symbolic link is
 * followed, and a device or pipe is written in place.
 */
public final class OutputTarget {
  private OutputTarget() {}

  /** Writes {@code content} to {@code file}, or to {@code stdout} when {@code file} is null. */
  public static void write(String content, Path file, PrintStream stdout) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (file == null) {
      stdout.write(bytes, 0, bytes.length);
      if (stdout.checkError()) {
        throw new GpuReportException("cannot write the report to standard output");
      }
      return;
    }
    Path target = followLinks(file.toAbsolutePath());
    if (Files.isDirectory(target)) {
      throw new GpuReportException("cannot write output file " + file + ": it is a directory");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      try {
        Files.write(target, bytes); // a device or a pipe: nothing to replace atomically
      } catch (IOException e) {
        throw new GpuReportException("cannot write output file " + file + ": " + IoReason.of(e), e);
      }
      return;
    }
    try {
      replaceAtomically(target, bytes);
    } catch (IOException e) {
      throw new GpuReportException(
          "cannot write output file " + file + ": " + reason(e, target.getParent()), e);
    }
  }

  /** Writes a temporary file beside {@code target} and renames it over {@code target}. */
  private static void replaceAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(
        "." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
            + ".tmp");
    try {
      // created like any new file (the umask applies), then given the old file's permissions
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
        out.write(bytes);
      }
      if (Files.exists(target)) {
        keepPermissions(target, tmp);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the target is untouched either way
        }
      }
    }
  }

  private static void keepPermissions(Path from, Path to) throws IOException {
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the new file keeps the default permissions
    }
  }

  /** The file a symbolic link (or a chain of them) points to, existing or not. */
  static Path followLinks(Path path) {
    Path p = path;
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
      try {
        Path next = Files.readSymbolicLink(p);
        p = p.resolveSibling(next).normalize();
      } catch (IOException e) {
        return p;
      }
    }
    return p;
  }

  /** The reason, naming the directory rather than the temporary file where that is the cause. */
  private static String reason(IOException e, Path dir) {
    if (e instanceof AccessDeniedException) {
      return "permission denied in directory " + dir;
    }
    if (e instanceof NoSuchFileException) {
      return "no such directory " + dir;
    }
    return IoReason.of(e);
  }
}
