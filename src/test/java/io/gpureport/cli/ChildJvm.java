package io.gpureport.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a JVM of its own ({@link Cli#childJvm()}), for the limits a test cannot
 * impose on its own JVM: a small heap, and file permissions that apply (a root user overrides them
 * unless its capabilities are dropped).
 */
public final class ChildJvm {
  /** {@code setpriv} without the capabilities that override file permissions. */
  private static final List<String> DROP_OVERRIDE =
      List.of(
          "/usr/bin/setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search");

  private final List<String> prefix = new ArrayList<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private long timeoutSeconds = 120;
  private Path appendStdoutTo;

  /** Adds JVM options such as {@code -Xmx64m}. */
  public ChildJvm jvmOptions(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /**
   * Appends the child's standard output to {@code file} (as {@code >>} would) instead of capturing
   * it.
   */
  public ChildJvm appendStdoutTo(Path file) {
    this.appendStdoutTo = file;
    return this;
  }

  /** Kills the child and fails after this many seconds. */
  public ChildJvm timeoutSeconds(long seconds) {
    this.timeoutSeconds = seconds;
    return this;
  }

  /**
   * Makes file permissions bind the child. An ordinary user is bound already; root (as in
   * containers and CI sandboxes) is run through {@code setpriv} without the capabilities that
   * override permissions ({@code CAP_DAC_OVERRIDE}, {@code CAP_DAC_READ_SEARCH}). The test is
   * skipped when root cannot drop them.
   */
  public ChildJvm boundByFilePermissions() {
    if (isRoot()) {
      assumeTrue(
          OverrideProbe.CAN_DROP,
          "root cannot drop its permission override: "
              + String.join(" ", DROP_OVERRIDE)
              + " true failed");
      prefix.addAll(DROP_OVERRIDE);
    }
    return this;
  }

  /** Whether {@code setpriv} may drop the capabilities, probed once (on first use). */
  private static final class OverrideProbe {
    static final boolean CAN_DROP = canDropOverride();
  }

  /** Runs {@code setpriv ... true}: exit code 0 when the capabilities can be dropped. */
  private static boolean canDropOverride() {
    List<String> command = new ArrayList<>(DROP_OVERRIDE);
    command.add("true");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code io.gpureport.Main} with {@code args}; standard input is empty. */
  public CliResult run(String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // as the jar's manifest does (Enable-Native-Access): no warning when SQLite loads on JDK 22+
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gpureport.Main"));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      if (appendStdoutTo != null) {
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(appendStdoutTo.toFile()));
      }
      Process p = builder.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            "child JVM still running after " + timeoutSeconds + " s: " + command);
      }
      return new CliResult(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** True when this JVM runs as root. */
  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** Reads a stream to its end on a thread of its own (the common pool may have one thread). */
  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        task -> {
          Thread t = new Thread(task, "child-jvm-drain");
          t.setDaemon(true);
          t.start();
        });
  }

  ChildJvm() {}
}
