package io.gpureport.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A row counter for the loader and, when enabled (stderr is a terminal), a one-line progress
 * indicator on stderr that appears only for loads taking longer than two seconds.
 */
public final class LoadProgress implements AutoCloseable {
  private static final long DELAY_MS = 2000;
  private static final long PERIOD_MS = 250;

  private final AtomicLong rows = new AtomicLong();
  private final PrintStream err;
  private final Thread ticker;
  private volatile boolean printed;

  private LoadProgress(PrintStream err, boolean enabled) {
    this.err = err;
    this.ticker = enabled ? new Thread(this::tick, "load-progress") : null;
    if (ticker != null) {
      ticker.setDaemon(true);
      ticker.start();
    }
  }

  /** Starts counting; prints only if {@code enabled}. */
  public static LoadProgress start(PrintStream err, boolean enabled) {
    return new LoadProgress(err, enabled);
  }

  /** A progress that never prints. */
  public static LoadProgress silent() {
    return new LoadProgress(null, false);
  }

  void add(long n) {
    rows.addAndGet(n);
  }

  private void tick() {
    try {
      Thread.sleep(DELAY_MS);
      while (!Thread.currentThread().isInterrupted()) {
        synchronized (this) {
          err.print(String.format(Locale.ROOT, "\rLoading snapshots: %,d rows", rows.get()));
          err.flush();
          printed = true;
        }
        Thread.sleep(PERIOD_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (ticker == null) {
      return;
    }
    ticker.interrupt();
    try {
      ticker.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (printed) {
        err.print("\r" + " ".repeat(40) + "\r");
        err.flush();
      }
    }
  }
}
