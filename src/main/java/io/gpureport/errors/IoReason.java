package io.gpureport.errors;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The one-line reason of a failed file operation, worded for an {@code Error:} line. */
public final class IoReason {
  private IoReason() {}

  /**
   * {@code "permission denied: /path"} and the like for an {@link java.io.IOException} (also when
   * wrapped in an {@link UncheckedIOException}); the message on one line otherwise.
   */
  public static String of(Exception e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return of(u.getCause());
    }
    if (e instanceof AccessDeniedException) {
      return withFile("permission denied", (FileSystemException) e);
    }
    if (e instanceof NoSuchFileException) {
      return withFile("no such file or directory", (FileSystemException) e);
    }
    if (e instanceof NotDirectoryException) {
      return withFile("not a directory", (FileSystemException) e);
    }
    if (e instanceof FileSystemException fs && isLinkLoop(fs)) {
      return withFile("too many levels of symbolic links", fs);
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return withFile(fs.getReason(), fs);
    }
    return oneLine(e.getMessage(), e);
  }

  /** ELOOP, which the JDK words "Too many levels of symbolic links or unable to access ...". */
  private static boolean isLinkLoop(FileSystemException e) {
    return e.getReason() != null && e.getReason().startsWith("Too many levels of symbolic links");
  }

  private static String withFile(String reason, FileSystemException e) {
    return e.getFile() == null ? reason : reason + ": " + e.getFile();
  }

  private static String oneLine(String message, Exception e) {
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : oneLine(message);
  }

  /** {@code message} on one line: surrounding blanks stripped, line breaks folded to spaces. */
  public static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
