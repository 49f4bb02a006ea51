package io.gpureport.deliver;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the rendered report to stdout, or to {@code --output-file} (docs/metrics.md D6). A regular
 * file is replaced atomically (temporary file + rename) and keeps its permissions; a symbolic link
 * is followed and stays a link; a device, a pipe or a descriptor path ({@code /dev/stdout}, {@code
 * /dev/fd/N}) is written in place, appending, as a shell redirection would.
 */
public final class OutputTarget {
  /** Symbolic links followed before giving up, as the kernel does (ELOOP). */
  private static final int MAX_LINKS = 40;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private OutputTarget() {}

  /** Writes {@code content} to {@code file}, or to {@code stdout} when {@code file} is null. */
  public static void write(String content, Path file, PrintStream stdout) {
    write(content.getBytes(StandardCharsets.UTF_8), file, stdout);
  }

  /** {@link #write(String, Path, PrintStream)} for bytes (a PNG image). */
  public static void write(byte[] bytes, Path file, PrintStream stdout) {
    if (file == null) {
      stdout.write(bytes, 0, bytes.length);
      if (stdout.checkError()) {
        throw new GpuReportException("cannot write the report to standard output");
      }
      return;
    }
    Path given = file.toAbsolutePath();
    Destination destination = destination(file, given);
    if (destination.stream()) {
      writeInPlace(file, given, bytes);
      return;
    }
    Path target = destination.path();
    if (Files.isDirectory(target)) {
      throw new GpuReportException("cannot write output file " + file + ": it is a directory");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new GpuReportException("cannot write output file " + file + ": permission denied");
    }
    try {
      replaceAtomically(target, bytes);
    } catch (IOException e) {
      throw new GpuReportException(
          "cannot write output file " + file + ": " + reason(e, target.getParent()), e);
    }
  }

  /**
   * Where a path leads: the file at the end of its symbolic links, or a stream to write in place.
   */
  private record Destination(Path path, boolean stream) {}

  /**
   * Follows the symbolic links of {@code given} as the kernel does (a link's target is resolved
   * against the real directory of the link), to the file it names, existing or not (a dangling link
   * names the file it would create). It is a stream, written through {@code given} and not
   * replaced, when it is a device, a named pipe or a socket, or a file descriptor reached through
   * {@code /dev/fd}, {@code /proc/<pid>/fd} or a link to them such as {@code /dev/stdout} (its
   * target is a pipe or the caller's redirection).
   */
  private static Destination destination(Path file, Path given) {
    Path p = given;
    for (int hops = 0; hops <= MAX_LINKS; hops++) {
      if (isDescriptor(p)) {
        return new Destination(given, true);
      }
      if (!Files.isSymbolicLink(p)) {
        boolean special = Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p);
        return new Destination(special ? given : p, special);
      }
      try {
        p = p.getParent().toRealPath().resolve(Files.readSymbolicLink(p));
      } catch (IOException e) {
        throw new GpuReportException("cannot write output file " + file + ": " + IoReason.of(e), e);
      }
    }
    throw new GpuReportException(
        "cannot write output file " + file + ": too many levels of symbolic links");
  }

  private static boolean isDescriptor(Path p) {
    Path parent = p.getParent();
    return parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("fd")
        && (p.startsWith("/dev") || p.startsWith("/proc"));
  }

  private static void writeInPlace(Path file, Path given, byte[] bytes) {
    try {
      Files.write(given, bytes, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new GpuReportException("cannot write output file " + file + ": " + IoReason.of(e), e);
    }
  }

  /**
   * Writes a temporary file beside {@code target} and renames it over {@code target}. When a file
   * is replaced, the temporary file is private until it is complete and then takes the old file's
   * permissions; a new file is created like any other (the umask applies).
   */
  private static void replaceAtomically(Path target, byte[] bytes) throws IOException {
    Set<PosixFilePermission> previous = Files.exists(target) ? permissions(target) : null;
    Path tmp = createTemporary(target.getParent(), previous != null);
    try {
      try (SeekableByteChannel out = Files.newByteChannel(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
      if (previous != null) {
        Files.setPosixFilePermissions(tmp, previous);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  /** A new empty file with a short unique name in {@code dir}, owner-only when {@code private}. */
  private static Path createTemporary(Path dir, boolean ownerOnly) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String name =
          ".gpureport-"
              + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
              + ".tmp";
      Path tmp = dir.resolve(name);
      try {
        if (ownerOnly && supportsPosix(dir)) {
          return Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 10) {
          throw e;
        }
      }
    }
  }

  private static boolean supportsPosix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    try {
      return EnumSet.copyOf(Files.getPosixFilePermissions(file));
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return null; // not a POSIX file system: the new file keeps the default permissions
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // best effort: the target is untouched either way
    }
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
