package io.gpureport.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hook the backends call at the end of each phase. {@link #timing()} records the wall time of
 * each phase (cheap; used in timed runs). {@link #forcingGc()} also forces a full GC at each
 * checkpoint and records the heap still in use, so {@link #peakLiveBytes()} is the largest live set
 * at a phase boundary (untimed memory runs: the GCs distort the phase times).
 */
public class Probe {
  /** No measurement. */
  public static final Probe NONE = new Probe(false);

  private final boolean record;
  private final Map<String, Long> phaseNanos = new LinkedHashMap<>();
  private long last = System.nanoTime();

  Probe(boolean record) {
    this.record = record;
  }

  /** A probe that records phase times. */
  public static Probe timing() {
    return new Probe(true);
  }

  /** A probe that measures the live heap at each checkpoint, relative to a GC'd baseline. */
  public static Probe forcingGc() {
    return new GcProbe();
  }

  /** Called by a backend when a phase ends, with everything that phase built still reachable. */
  public void checkpoint(String phase) {
    if (record) {
      long now = System.nanoTime();
      phaseNanos.merge(phase, now - last, Long::sum);
      last = System.nanoTime();
    }
  }

  /** Wall nanoseconds per phase, in phase order. */
  public Map<String, Long> phaseNanos() {
    return phaseNanos;
  }

  /** The largest live heap seen at a checkpoint, or 0. */
  public long peakLiveBytes() {
    return 0;
  }

  /** The phase of {@link #peakLiveBytes()}, or "". */
  public String peakPhase() {
    return "";
  }

  private static final class GcProbe extends Probe {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private long peak;
    private String phase = "";

    GcProbe() {
      super(false);
      baseline = liveBytes();
    }

    private long liveBytes() {
      System.gc();
      System.gc();
      return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void checkpoint(String name) {
      long live = liveBytes() - baseline;
      if (live > peak) {
        peak = live;
        phase = name;
      }
    }

    @Override
    public long peakLiveBytes() {
      return peak;
    }

    @Override
    public String peakPhase() {
      return phase;
    }
  }
}
