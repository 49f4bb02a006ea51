package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.errors.GpuReportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a report lands: stdout, a new file, a replaced file, a link, a pipe or a directory. */
class OutputTargetTest {
  @TempDir Path dir;

  private static final PrintStream NO_STDOUT = new PrintStream(OutputStream.nullOutputStream());

  private static Set<PosixFilePermission> mode(Path p) throws IOException {
    return Files.getPosixFilePermissions(p);
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aNewFileGetsThePermissionsOfAnyNewFile() throws Exception {
    Path probe = Files.writeString(dir.resolve("probe.txt"), "x"); // created under the umask
    Path target = dir.resolve("report.txt");
    OutputTarget.write("report\n", target, NO_STDOUT);
    assertEquals("report\n", Files.readString(target));
    assertEquals(mode(probe), mode(target));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw-rw-r--", "rw-------"})
  void aReplacedFileKeepsItsPermissions(String permissions) throws Exception {
    Path target = Files.writeString(dir.resolve("daily.html"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(permissions));
    OutputTarget.write("new", target, NO_STDOUT);
    assertEquals("new", Files.readString(target));
    assertEquals(permissions, PosixFilePermissions.toString(mode(target)));
    assertEquals(List.of("daily.html"), names(), "no temporary file is left");
  }

  @Test
  void aSymbolicLinkIsFollowedAndKept() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path published = Files.writeString(real.resolve("daily.html"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("daily.html"), Path.of("real/daily.html"));
    OutputTarget.write("new", link, NO_STDOUT);
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals("new", Files.readString(published));
  }

  @Test
  void aDanglingSymbolicLinkCreatesItsTarget() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), Path.of("archive.txt"));
    OutputTarget.write("new", link, NO_STDOUT);
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(dir.resolve("archive.txt")));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aNamedPipeIsWrittenInPlace() throws Exception {
    Path fifo = dir.resolve("report.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    CompletableFuture<String> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            task -> new Thread(task).start());
    OutputTarget.write("through the pipe\n", fifo, NO_STDOUT);
    assertEquals("through the pipe\n", reader.get(10, TimeUnit.SECONDS));
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
    assertEquals(List.of("report.fifo"), names());
  }

  @Test
  void aLinkThroughASymlinkedDirectoryResolvesAsTheKernelDoes() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("real/sub"));
    Path linkDir = Files.createSymbolicLink(dir.resolve("linkdir"), sub);
    Files.createSymbolicLink(sub.resolve("out"), Path.of("../target.txt"));
    OutputTarget.write("new", linkDir.resolve("out"), NO_STDOUT);
    assertEquals(
        "new", Files.readString(dir.resolve("real/target.txt")), "../ of the real directory");
    assertFalse(Files.exists(dir.resolve("target.txt")), "not ../ of the link's text");
  }

  @Test
  void aSymbolicLinkLoopIsAnErrorAndStaysALink() throws Exception {
    Path a = Files.createSymbolicLink(dir.resolve("loopa"), Path.of("loopb"));
    Files.createSymbolicLink(dir.resolve("loopb"), Path.of("loopa"));
    GpuReportException e =
        assertThrows(GpuReportException.class, () -> OutputTarget.write("x", a, NO_STDOUT));
    assertEquals(
        "cannot write output file " + a + ": too many levels of symbolic links", e.getMessage());
    assertTrue(Files.isSymbolicLink(a));
    assertEquals(List.of("loopa", "loopb"), names());
  }

  @Test
  void aVeryLongFileNameIsWritten() throws Exception {
    Path target = dir.resolve("r".repeat(250) + ".txt");
    OutputTarget.write("long", target, NO_STDOUT);
    assertEquals("long", Files.readString(target));
    Files.writeString(target, "old");
    OutputTarget.write("replaced", target, NO_STDOUT);
    assertEquals("replaced", Files.readString(target));
  }

  @Test
  void aDirectoryIsNotReplaced() throws Exception {
    Path target = Files.createDirectory(dir.resolve("out"));
    GpuReportException e =
        assertThrows(GpuReportException.class, () -> OutputTarget.write("x", target, NO_STDOUT));
    assertEquals("cannot write output file " + target + ": it is a directory", e.getMessage());
    assertTrue(Files.isDirectory(target));
    assertEquals(List.of("out"), names());
  }

  @Test
  void aFailingStandardOutputIsAnError() {
    PrintStream full =
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("No space left on device");
              }
            },
            true,
            StandardCharsets.UTF_8);
    GpuReportException e =
        assertThrows(GpuReportException.class, () -> OutputTarget.write("report\n", null, full));
    assertEquals("cannot write the report to standard output", e.getMessage());
  }

  @Test
  void standardOutputGetsTheBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputTarget.write("réport\n", null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals("réport\n", bytes.toString(StandardCharsets.UTF_8));
  }
}
