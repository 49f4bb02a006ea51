package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads the parts of a load on up to {@code threads} threads and returns their tables in part
 * order; a part's failure is rethrown as it was (a {@link GpuReportException} stays one line).
 */
final class PartReads {
  private PartReads() {}

  static <P> List<SlotTable> all(List<P> parts, int threads, Function<P, SlotTable> read) {
    List<SlotTable> out = new ArrayList<>();
    if (parts.size() <= 1 || threads <= 1) {
      for (P p : parts) {
        out.add(read.apply(p));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, parts.size()));
    try {
      List<Future<SlotTable>> futures = new ArrayList<>();
      for (P p : parts) {
        futures.add(pool.submit(() -> read.apply(p)));
      }
      for (Future<SlotTable> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new GpuReportException("load failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GpuReportException("load interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
