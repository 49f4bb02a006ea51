package io.gpureport.collect;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code condor_status -json} without a shell and with a time limit (docs/metrics.md, "How
 * collect builds the rows"). Its stdout goes to a temporary spool file, so memory stays bounded,
 * and its stderr is quoted in the message when it fails or times out.
 */
final class CondorStatusSource {
  /** The constraint that selects the GPU slots. */
  static final String CONSTRAINT = "GPUs >= 1";

  private static final int MAX_STDERR_CHARS = 2000;
  private static final long KILL_WAIT_SECONDS = 5;

  private final String executable;
  private final String pool;
  private final Duration timeout;

  CondorStatusSource(String executable, String pool, Duration timeout) {
    this.executable = executable;
    this.pool = pool;
    this.timeout = timeout;
  }

  /** The exact argument vector (docs/metrics.md, "How collect builds the rows"). */
  List<String> command() {
    List<String> argv = new ArrayList<>();
    argv.add(executable);
    if (pool != null) {
      argv.add("-pool");
      argv.add(pool);
    }
    argv.addAll(
        List.of("-json", "-constraint", CONSTRAINT, "-attributes", SlotAttribute.projection()));
    return argv;
  }

  /** Runs condor_status to completion and returns its output; fails on error or timeout. */
  SnapshotInput run() {
    Path out = SnapshotInput.createSpool();
    Path err = SnapshotInput.createSpool();
    boolean succeeded = false;
    try {
      Process process = start(out, err);
      if (!waitFor(process)) {
        kill(process);
        throw new GpuReportException(
            executable
                + " timed out after "
                + timeout.toSeconds()
                + " s and was killed"
                + stderr(err));
      }
      int status = process.exitValue();
      if (status != 0) {
        throw new GpuReportException(
            executable + " failed with exit status " + status + stderr(err));
      }
      succeeded = true;
      return SnapshotInput.temporary(out, "the output of " + executable);
    } finally {
      SnapshotInput.deleteQuietly(err);
      if (!succeeded) {
        SnapshotInput.deleteQuietly(out);
      }
    }
  }

  private Process start(Path out, Path err) {
    try {
      Process process =
          new ProcessBuilder(command())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      throw new GpuReportException(
          "cannot run " + executable + ": " + IoReason.oneLine(e.getMessage()), e);
    }
  }

  private boolean waitFor(Process process) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new GpuReportException("interrupted while waiting for " + executable, e);
    }
  }

  /** Kills the process and everything it started, e.g. a wrapper script's children. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code ": <stderr on one line>"}, shortened, or {@code ""} when stderr is empty. */
  private static String stderr(Path err) {
    String text;
    try (InputStream in = Files.newInputStream(err)) {
      byte[] head = in.readNBytes(MAX_STDERR_CHARS * 4);
      text = new String(head, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
    String line = text.isBlank() ? "" : IoReason.oneLine(text);
    if (line.isEmpty()) {
      return "";
    }
    if (line.length() > MAX_STDERR_CHARS) {
      line = line.substring(0, MAX_STDERR_CHARS) + " …";
    }
    return ": " + line;
  }
}
