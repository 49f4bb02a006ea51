package io.gpureport.collect;

import io.gpureport.GpuReportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code condor_status -json} document of one run, readable twice (validation pass, then
 * write pass) without holding it in memory: an input file, or a temporary spool file that {@link
 * #close()} deletes.
 */
final class SnapshotInput implements AutoCloseable {
  private final Path path;
  private final boolean temporary;
  private final String description;

  private SnapshotInput(Path path, boolean temporary, String description) {
    this.path = path;
    this.temporary = temporary;
    this.description = description;
  }

  /** An existing input file, read in place. */
  static SnapshotInput file(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new GpuReportException("input file not found: " + file);
    }
    return new SnapshotInput(file, false, "input file " + file);
  }

  /** Copies a stream (standard input) to a temporary file. */
  static SnapshotInput spool(InputStream in, String description) {
    Path spool = createSpool();
    try {
      Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
      return new SnapshotInput(spool, true, description);
    } catch (IOException e) {
      deleteQuietly(spool);
      throw new GpuReportException(
          "cannot read " + description + ": " + ErrorText.oneLine(e.getMessage()), e);
    }
  }

  /** Takes ownership of a temporary file that already holds the document. */
  static SnapshotInput temporary(Path spool, String description) {
    return new SnapshotInput(spool, true, description);
  }

  /** A new empty temporary file for a spool. */
  static Path createSpool() {
    try {
      return Files.createTempFile("gpureport-collect-", ".json");
    } catch (IOException e) {
      throw new GpuReportException(
          "cannot create a temporary file: " + ErrorText.oneLine(e.getMessage()), e);
    }
  }

  /** A fresh stream over the whole document. */
  InputStream open() {
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new GpuReportException("input file not found: " + path, e);
    } catch (IOException e) {
      throw new GpuReportException(
          "cannot read " + description + ": " + ErrorText.oneLine(e.getMessage()), e);
    }
  }

  /** Names the input in messages, e.g. {@code input file x.json} or {@code standard input}. */
  String description() {
    return description;
  }

  @Override
  public void close() {
    if (temporary) {
      deleteQuietly(path);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless
    }
  }
}
