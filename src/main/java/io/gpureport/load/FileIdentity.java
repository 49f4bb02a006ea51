package io.gpureport.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What identifies a stored file's content without reading its rows (docs/decisions/0005-rollups.md,
 * "Validity"): its size, modification time (nanoseconds, as the file system keeps it) and file key
 * (device and inode), and for SQLite the header's file change counter and the write-ahead log's
 * size and modification time. Read with plain file reads, never through a database connection.
 */
final class FileIdentity {
  private FileIdentity() {}

  static String of(Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    append(b, file);
    if (file.getFileName().toString().endsWith(".db")) {
      byte[] header = new byte[100];
      int n;
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(header, 0, 100);
      }
      if (n == 100) {
        // bytes 24-27: the file change counter, bumped by every committed write (rollback journal)
        long counter =
            ((header[24] & 0xffL) << 24)
                | ((header[25] & 0xffL) << 16)
                | ((header[26] & 0xffL) << 8)
                | (header[27] & 0xffL);
        b.append(";counter=").append(counter);
      }
      for (String suffix : new String[] {"-wal", "-journal"}) {
        Path side = file.resolveSibling(file.getFileName() + suffix);
        if (Files.exists(side, LinkOption.NOFOLLOW_LINKS)) {
          b.append(';').append(suffix).append('=');
          append(b, side);
        }
      }
    }
    return b.toString();
  }

  private static void append(StringBuilder b, Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    b.append("size=")
        .append(a.size())
        .append(",mtime=")
        .append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS))
        .append(",key=")
        .append(a.fileKey());
  }
}
