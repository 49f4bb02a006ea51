package io.gpureport.collect;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.errors.PathProbe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The {@code condor_status -json} document of one run, readable twice (validation pass, then write
 * pass) without holding it in memory: an input file, or a temporary spool file that {@link
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

  /**
   * An existing input file: a regular file is read in place; a pipe or device ({@code <(cmd)},
   * {@code /dev/stdin}) can be read only once, so it is spooled like standard input.
   */
  static SnapshotInput file(Path file) {
    String description = "input file " + file;
    BasicFileAttributes attributes =
        PathProbe.attributes(file, "input file not found: " + file, "cannot read " + description);
    if (attributes.isDirectory()) {
      throw new GpuReportException("cannot read " + description + ": it is a directory");
    }
    if (!Files.isReadable(file)) {
      throw new GpuReportException("cannot read " + description + ": permission denied");
    }
    if (attributes.isRegularFile()) {
      return new SnapshotInput(file, false, description);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return spool(in, description);
    } catch (IOException e) {
      throw new GpuReportException("cannot read " + description + ": " + IoReason.of(e), e);
    }
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
          "cannot read " + description + ": " + IoReason.oneLine(e.getMessage()), e);
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
          "cannot create a temporary file: " + IoReason.oneLine(e.getMessage()), e);
    }
  }

  /** A fresh stream over the whole document. */
  InputStream open() {
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new GpuReportException("input file not found: " + path, e);
    } catch (IOException e) {
      throw new GpuReportException("cannot read " + description + ": " + IoReason.of(e), e);
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
