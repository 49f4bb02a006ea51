package io.gpureport.load;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A row counter for the loader and, when enabled (stderr is a terminal), a one-line progress
 * indicator on stderr, updated in place, that appears only for reads taking longer than two seconds
 * and is cleared at the end. For a window read in several chunks it is one line for the whole
 * window ({@link #covered}): rows, time of the window done, rate and ETA ({@link ProgressLine}).
 */
public final class LoadProgress implements AutoCloseable {
  private static final long DELAY_MS = 2000;
  private static final long PERIOD_MS = 250;

  private final AtomicLong rows = new AtomicLong();
  private final PrintStream err;
  private final LongSupplier millis;
  private final long startMillis;
  private final long windowMicros;
  private final Thread ticker;
  private volatile long coveredMicros;
  private int printedLength;

  LoadProgress(PrintStream err, boolean enabled, long windowMicros, LongSupplier millis) {
    this.err = err;
    this.millis = millis;
    this.startMillis = millis.getAsLong();
    this.windowMicros = windowMicros;
    this.ticker = enabled ? new Thread(this::tick, "load-progress") : null;
    if (ticker != null) {
      ticker.setDaemon(true);
      ticker.start();
    }
  }

  /** Starts counting the rows of one load; prints only if {@code enabled}. */
  public static LoadProgress start(PrintStream err, boolean enabled) {
    return new LoadProgress(err, enabled, 0, System::currentTimeMillis);
  }

  /**
   * Starts counting the rows of a window of {@code windowMicros} read in several chunks, whose
   * progress {@link #covered} reports; prints only if {@code enabled}.
   */
  public static LoadProgress window(PrintStream err, boolean enabled, long windowMicros) {
    return new LoadProgress(err, enabled, windowMicros, System::currentTimeMillis);
  }

  /** A progress that never prints. */
  public static LoadProgress silent() {
    return new LoadProgress(null, false, 0, () -> 0);
  }

  void add(long n) {
    rows.addAndGet(n);
  }

  /** The chunks read so far cover the first {@code micros} of the window. */
  public void covered(long micros) {
    coveredMicros = micros;
  }

  /** The line as of now. */
  String line() {
    long elapsed = millis.getAsLong() - startMillis;
    return windowMicros > 0
        ? ProgressLine.window(rows.get(), coveredMicros, windowMicros, elapsed)
        : ProgressLine.rows(rows.get());
  }

  private void tick() {
    try {
      Thread.sleep(DELAY_MS);
      while (!Thread.currentThread().isInterrupted()) {
        synchronized (this) {
          String line = line();
          // pad over the end of a longer previous line
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
      if (printedLength > 0) {
        err.print("\r" + " ".repeat(printedLength) + "\r");
        err.flush();
      }
    }
  }
}
