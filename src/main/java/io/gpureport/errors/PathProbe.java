package io.gpureport.errors;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Looks up a file or directory the user named, telling a missing one from an unreachable one. */
public final class PathProbe {
  private PathProbe() {}

  /**
   * The attributes of {@code path} (links followed). Fails with {@code notFound} when it does not
   * exist, and with {@code cannot + ": permission denied"} when a directory on the way may not be
   * searched; any other cause (a symbolic link loop, say) is named after {@code cannot}.
   */
  public static BasicFileAttributes attributes(Path path, String notFound, String cannot) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new GpuReportException(notFound, e);
    } catch (AccessDeniedException e) {
      throw new GpuReportException(cannot + ": permission denied", e);
    } catch (IOException e) {
      throw new GpuReportException(cannot + ": " + IoReason.of(e), e);
    }
  }
}
