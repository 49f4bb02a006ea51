package io.gpureport.export;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line of an export on stderr: one line, updated in place a few times a second when
 * enabled (stderr is a terminal and not {@code --quiet}), from the second second on, cleared at the
 * end. Other lines go through {@link #println} so that they do not mix with it.
 */
final class ExportProgress implements AutoCloseable {
  private static final long DELAY_MS = 1000;
  private static final long PERIOD_MS = 250;

  private final PrintWriter err;
  private final Thread ticker;
  private final AtomicLong rows = new AtomicLong();
  private volatile String stage = "";
  private int printedLength;

  ExportProgress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.ticker = enabled ? new Thread(this::tick, "export-progress") : null;
    if (ticker != null) {
      ticker.setDaemon(true);
      ticker.start();
    }
  }

  /** What is being done, e.g. {@code month 2 of 3, gpu_state_2025-11.parquet}. */
  void stage(String text) {
    stage = text;
  }

  /** {@code n} more rows exported. */
  void add(long n) {
    rows.addAndGet(n);
  }

  /** The line as of now. */
  String line() {
    return String.format(Locale.ROOT, "Exporting: %,d rows, %s", rows.get(), stage);
  }

  /** Prints a line of its own, above the progress line. */
  synchronized void println(String text) {
    clear();
    err.println(text);
    err.flush();
  }

  private void tick() {
    try {
      Thread.sleep(DELAY_MS);
      while (!Thread.currentThread().isInterrupted()) {
        synchronized (this) {
          String line = line();
          err.print("\r" + line + " ".repeat(Math.max(0, printedLength - line.length())));
          err.flush();
          printedLength = Math.max(printedLength, line.length());
        }
        Thread.sleep(PERIOD_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void clear() {
    if (printedLength > 0) {
      err.print("\r" + " ".repeat(printedLength) + "\r");
      err.flush();
      printedLength = 0;
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.interrupt();
      try {
        ticker.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      clear();
    }
  }
}
