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

/** Writes the rendered report to stdout, or atomically to {@code --output-file} (D6). */
public final class OutputTarget {
  private OutputTarget() {}

  /** Writes {@code content} to {@code file} (temporary file + rename), or to {@code stdout}. */
  public static void write(String content, Path file, PrintStream stdout) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (file == null) {
      stdout.write(bytes, 0, bytes.length);
      stdout.flush();
      return;
    }
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(bytes);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new GpuReportException("cannot write output file " + file + ": " + reason(e, dir), e);
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
