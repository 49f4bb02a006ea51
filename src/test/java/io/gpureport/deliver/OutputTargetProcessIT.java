package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output targets that only a process of its own can show: its real standard output (a pipe, or a
 * log it appends to) and file permissions that bind it.
 */
class OutputTargetProcessIT {
  @TempDir Path dir;

  @Test
  void devStdoutIntoAPipeIsWrittenThrough() throws Exception {
    ExampleData.build(dir);
    CliResult r =
        Cli.childJvm().run("report", "--data-dir", dir.toString(), "--output-file", "/dev/stdout");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("REAL SLOTS"), r.out());
  }

  @Test
  void devStdoutAppendedToALogKeepsTheLog() throws Exception {
    ExampleData.build(dir);
    Path log = Files.writeString(dir.resolve("cron.log"), "earlier lines\n");
    Object inode = Files.getAttribute(log, "unix:ino");
    CliResult r =
        Cli.childJvm()
            .appendStdoutTo(log)
            .run("report", "--data-dir", dir.toString(), "--output-file", "/dev/stdout");
    assertEquals(0, r.exitCode(), r.err());
    String content = Files.readString(log);
    assertTrue(content.startsWith("earlier lines\n"), content);
    assertTrue(content.contains("REAL SLOTS"), content);
    assertEquals(inode, Files.getAttribute(log, "unix:ino"), "the same file, not a replacement");
  }

  @Test
  void aReadOnlyFileIsNotReplaced() throws Exception {
    ExampleData.build(dir);
    Path target = Files.writeString(dir.resolve("kept.txt"), "previous\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
    CliResult r =
        Cli.childJvm()
            .boundByFilePermissions()
            .run("report", "--data-dir", dir.toString(), "--output-file", target.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "Error: cannot write output file " + target + ": permission denied", r.err().strip());
    assertEquals("previous\n", Files.readString(target));
  }
}
