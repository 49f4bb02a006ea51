package io.gpureport.bench;

import io.gpureport.aggregate.Stat;
import io.gpureport.load.Timestamps;
import io.gpureport.render.Numbers;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The backend experiment of decision record 0001: runs every backend on the same data and the same
 * windows in one JVM, interleaved, and checks that all of them produce identical numbers.
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -Xmx6g -XX:+UseParallelGC -cp target/test-classes:target/gpureport.jar \
 *     io.gpureport.bench.BackendComparison /tmp/bench-month 3
 * </pre>
 *
 * <p>Arguments: {@code DATA [RUNS] [--windows 24,168,744] [--config DIR] [--idiomatic-runs-long N]
 * [--idiomatic-cap-seconds S] [--threads N] [--no-memory]}; or {@code DATA --only BACKEND --window
 * HOURS} for one run of one backend (for {@code /usr/bin/time -v}).
 *
 * <p>Per window: the SQLite floor ({@code sqlite3 FILE "SELECT count(*) ..."}, RUNS times); one
 * untimed run of each backend with a full GC at each phase boundary (warm-up, peak live heap, first
 * correctness check); then RUNS timed rounds, each running every backend once, the order rotating
 * per round. Before each timed run the harness forces a GC (untimed) and resets the heap pools'
 * peak usage; after it, "heap peak" is the sum of the pools' peak usage (an upper bound of the heap
 * in use, garbage included). Windows longer than 7 days give the idiomatic backend only {@code
 * --idiomatic-runs-long} timed runs (default 1), and once one idiomatic run exceeds {@code
 * --idiomatic-cap-seconds} (default 300) it is not run again.
 */
public final class BackendComparison {
  private static final PrintStream OUT = System.out;

  private BackendComparison() {}

  /** One backend's measurements in one window. */
  private static final class Measured {
    final Backend backend;
    final List<Double> seconds = new ArrayList<>();
    final List<Integer> rounds = new ArrayList<>();
    final List<Long> heapPeaks = new ArrayList<>();
    final Map<String, List<Double>> phases = new LinkedHashMap<>();
    long liveBytes;
    String livePhase = "";
    double liveRunSeconds;
    String note = "";
    int resultsChecked;
    Comparison worst;

    Measured(Backend backend) {
      this.backend = backend;
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    Path data = Path.of(rest.remove(0));
    Path config = Path.of(option(rest, "--config", "."));
    int[] windows =
        Arrays.stream(option(rest, "--windows", "24,168,744").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int idiomaticRunsLong = Integer.parseInt(option(rest, "--idiomatic-runs-long", "1"));
    double capSeconds = Double.parseDouble(option(rest, "--idiomatic-cap-seconds", "300"));
    int threads =
        Integer.parseInt(
            option(rest, "--threads", "" + Runtime.getRuntime().availableProcessors()));
    boolean memory = !rest.remove("--no-memory");
    String only = option(rest, "--only", null);
    int onlyWindow = Integer.parseInt(option(rest, "--window", "744"));
    int runs = rest.isEmpty() ? 3 : Integer.parseInt(rest.remove(0));
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments " + rest);
    }

    BenchInputs.Rules rules = BenchInputs.Rules.shipped(config);
    List<Backend> backends =
        List.of(
            new HandRolledBackend(rules, threads),
            new HandRolledBackend(rules, 1),
            new SqlPushdownBackend(rules),
            new SqlPushdownBackend(rules, SqlPushdownBackend.Variant.ONE_PASS),
            new IdiomaticTablesawBackend(rules));
    long end = BenchInputs.defaultEnd(data);

    if (only != null) {
      runOne(backends, only, data, BenchInputs.startOf(end, onlyWindow), end, onlyWindow);
      return;
    }

    OUT.printf(
        "# Backend comparison%n%nData: %s, end %s; %d timed runs per backend and window;"
            + " JVM %s, %d cores, max heap %d MiB; hand-rolled threads: %d%n%n",
        data,
        Timestamps.formatStored(end),
        runs,
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        threads);
    boolean idiomaticCapped = false;
    for (int hours : windows) {
      long start = BenchInputs.startOf(end, hours);
      List<Path> files = BenchInputs.files(data, start, end);
      OUT.printf(
          "## Window %d h: %s .. %s%n%nLoad average before: %s%n",
          hours, Timestamps.formatStored(start), Timestamps.formatStored(end), loadAverage());
      List<Double> floor = floor(files, start, end, runs);

      List<Measured> measured = new ArrayList<>();
      for (Backend b : backends) {
        measured.add(new Measured(b));
      }
      BackendResult reference = null;
      long loadedRows = 0;
      // Untimed warm-up run with GC-forced checkpoints: peak live heap and first results.
      for (Measured m : measured) {
        boolean idiomatic = m.backend instanceof IdiomaticTablesawBackend;
        if (idiomatic && idiomaticCapped) {
          m.note = "skipped: an earlier idiomatic run exceeded " + capSeconds + " s";
          continue;
        }
        Probe probe = memory ? Probe.forcingGc() : Probe.NONE;
        long t0 = System.nanoTime();
        BackendResult r = m.backend.compute(data, start, end, probe);
        m.liveRunSeconds = (System.nanoTime() - t0) / 1e9;
        m.liveBytes = probe.peakLiveBytes();
        m.livePhase = probe.peakPhase();
        if (reference == null) {
          reference = r;
          loadedRows = r.loadedRows();
        }
        check(m, reference, r);
        progress("warm-up %s: %.1f s (with forced GCs)", m.backend.name(), m.liveRunSeconds);
        if (idiomatic && m.liveRunSeconds > capSeconds) {
          idiomaticCapped = true;
          m.note = "warm-up run took " + fmt(m.liveRunSeconds) + " s > cap; no timed runs";
        }
      }
      // Timed rounds, interleaved, rotating order.
      for (int round = 0; round < runs; round++) {
        for (int k = 0; k < measured.size(); k++) {
          Measured m = measured.get((k + round) % measured.size());
          boolean idiomatic = m.backend instanceof IdiomaticTablesawBackend;
          if (idiomatic
              && (idiomaticCapped || (hours > 168 && m.seconds.size() >= idiomaticRunsLong))) {
            continue;
          }
          System.gc();
          resetPeaks();
          Probe probe = Probe.timing();
          long t0 = System.nanoTime();
          BackendResult r = m.backend.compute(data, start, end, probe);
          double s = (System.nanoTime() - t0) / 1e9;
          m.seconds.add(s);
          m.rounds.add(round);
          m.heapPeaks.add(heapPeakBytes());
          probe
              .phaseNanos()
              .forEach(
                  (p, ns) -> m.phases.computeIfAbsent(p, x -> new ArrayList<>()).add(ns / 1e9));
          check(m, reference, r);
          progress("round %d %s: %.2f s", round + 1, m.backend.name(), s);
          if (idiomatic && s > capSeconds) {
            idiomaticCapped = true;
            m.note = "a run exceeded the cap of " + fmt(capSeconds) + " s; not run again";
          }
        }
      }
      OUT.printf("Load average after: %s%n", loadAverage());
      report(hours, loadedRows, reference, floor, measured);
    }
  }

  private static void runOne(
      List<Backend> backends, String name, Path data, long start, long end, int hours) {
    for (Backend b : backends) {
      if (b.name().equals(name)) {
        long t0 = System.nanoTime();
        BackendResult r = b.compute(data, start, end);
        OUT.printf(
            "%s %d h: %.2f s, %d rows, %d buckets, %d cells%n",
            name,
            hours,
            (System.nanoTime() - t0) / 1e9,
            r.loadedRows(),
            r.buckets(),
            r.stats().size());
        return;
      }
    }
    throw new IllegalArgumentException("no backend " + name);
  }

  // ---------------------------------------------------------------------------------------------
  // Correctness

  /** How one result differs from the reference (the first backend's result of the window). */
  record Comparison(
      boolean sameBuckets,
      boolean sameCells,
      int cells,
      int rawDifferent,
      int renderedDifferent,
      double maxAbsDiff,
      long maxUlps,
      String example) {
    boolean identical() {
      return sameBuckets && sameCells && rawDifferent == 0 && renderedDifferent == 0;
    }

    boolean renderedIdentical() {
      return sameBuckets && sameCells && renderedDifferent == 0;
    }

    String describe() {
      if (!sameBuckets || !sameCells) {
        return "DIFFERENT "
            + (!sameBuckets ? "N_all " : "")
            + (!sameCells ? "entries " : "")
            + example;
      }
      if (identical()) {
        return "identical (" + cells + " entries × 3 stats, raw doubles and 1-decimal)";
      }
      return String.format(
          Locale.ROOT,
          "1-decimal %s; raw doubles: %d of %d values differ (max %d ulp, max |Δ| %.3g; e.g. %s)",
          renderedDifferent == 0 ? "identical" : renderedDifferent + " DIFFERENT",
          rawDifferent,
          cells * 3,
          maxUlps,
          maxAbsDiff,
          example);
    }
  }

  /** Compares {@code actual} with {@code expected}: entry set, N_all, exact and rendered values. */
  static Comparison compare(BackendResult expected, BackendResult actual) {
    boolean sameBuckets = expected.buckets() == actual.buckets();
    boolean sameCells = expected.stats().keySet().equals(actual.stats().keySet());
    int raw = 0;
    int rendered = 0;
    double maxAbs = 0;
    long maxUlps = 0;
    String example = "";
    if (!sameCells) {
      example = "expected " + expected.stats().keySet() + " got " + actual.stats().keySet();
    }
    for (Map.Entry<Cell, Stat> e : expected.stats().entrySet()) {
      Stat a = actual.stats().get(e.getKey());
      if (a == null) {
        continue;
      }
      double[] x = values(e.getValue());
      double[] y = values(a);
      for (int i = 0; i < 3; i++) {
        if (Double.doubleToLongBits(x[i]) != Double.doubleToLongBits(y[i])) {
          raw++;
          maxAbs = Math.max(maxAbs, Math.abs(x[i] - y[i]));
          long ulps = Math.abs(Double.doubleToLongBits(x[i]) - Double.doubleToLongBits(y[i]));
          if (ulps > maxUlps) {
            maxUlps = ulps;
            example =
                e.getKey()
                    + " "
                    + new String[] {"allocatedPercent", "allocatedAvg", "availableAvg"}[i]
                    + " "
                    + x[i]
                    + " vs "
                    + y[i];
          }
        }
        if (!Numbers.f1(x[i]).equals(Numbers.f1(y[i]))) {
          rendered++;
        }
      }
    }
    return new Comparison(
        sameBuckets, sameCells, expected.stats().size(), raw, rendered, maxAbs, maxUlps, example);
  }

  private static double[] values(Stat s) {
    return new double[] {s.allocatedPercent(), s.allocatedAvg(), s.availableAvg()};
  }

  private static void check(Measured m, BackendResult reference, BackendResult r) {
    Comparison c = compare(reference, r);
    m.resultsChecked++;
    if (m.worst == null || c.rawDifferent > m.worst.rawDifferent || !c.renderedIdentical()) {
      m.worst = c;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Measurement helpers

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long heapPeakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** {@code runs} runs of the sqlite3 CLI counting the window's rows (all files); wall seconds. */
  private static List<Double> floor(List<Path> files, long start, long end, int runs)
      throws IOException, InterruptedException {
    List<Double> out = new ArrayList<>();
    Path cli = Path.of("/usr/bin/sqlite3");
    if (!Files.isExecutable(cli)) {
      return out;
    }
    String sql =
        "SELECT count(*) FROM gpu_state WHERE timestamp >= '"
            + Timestamps.formatStored(start)
            + "' AND timestamp <= '"
            + Timestamps.formatStored(end)
            + "'";
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      for (Path f : files) {
        Process p =
            new ProcessBuilder(cli.toString(), "-readonly", f.toString(), sql)
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
          throw new IOException("sqlite3 failed on " + f);
        }
      }
      out.add((System.nanoTime() - t0) / 1e9);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private static void report(
      int hours, long rows, BackendResult reference, List<Double> floor, List<Measured> measured) {
    double base = median(measured.get(0).seconds);
    OUT.printf(
        "%nRows in window: %,d; N_all = %d buckets; %d (class, device) entries.%n%n",
        rows,
        reference == null ? 0 : reference.buckets(),
        reference == null ? 0 : reference.stats().size());
    OUT.println(
        "| backend | timed runs | wall s median (min–max) | × hand-rolled (ratio of medians;"
            + " median of same-round ratios) | heap peak MiB (median) |"
            + " peak live heap MiB (phase) | phases, median s | result vs "
            + measured.get(0).backend.name()
            + " |");
    OUT.println("|---|---|---|---|---|---|---|---|");
    for (Measured m : measured) {
      if (m.seconds.isEmpty()) {
        OUT.printf(
            "| %s | 0 | – | – | – | %s | – | %s |%n",
            m.backend.name(),
            m.liveBytes > 0 ? mib(m.liveBytes) + " (" + m.livePhase + ")" : "–",
            m.note.isEmpty() ? "–" : m.note + (m.worst != null ? "; " + m.worst.describe() : ""));
        continue;
      }
      StringBuilder phases = new StringBuilder();
      m.phases.forEach(
          (p, v) ->
              phases
                  .append(phases.length() == 0 ? "" : ", ")
                  .append(p)
                  .append(' ')
                  .append(fmt(median(v))));
      List<Double> heap = new ArrayList<>();
      m.heapPeaks.forEach(b -> heap.add((double) b));
      OUT.printf(
          "| %s | %d | %s (%s–%s) | %s; %s | %s | %s | %s | %s%s |%n",
          m.backend.name(),
          m.seconds.size(),
          fmt(median(m.seconds)),
          fmt(min(m.seconds)),
          fmt(max(m.seconds)),
          String.format(Locale.ROOT, "%.2f", median(m.seconds) / base),
          String.format(Locale.ROOT, "%.2f", pairedRatio(m, measured.get(0))),
          mib((long) median(heap)),
          m.liveBytes > 0 ? mib(m.liveBytes) + " (" + m.livePhase + ")" : "–",
          phases,
          m.worst == null ? "–" : m.worst.describe() + " [" + m.resultsChecked + " results]",
          m.note.isEmpty() ? "" : "; " + m.note);
    }
    if (!floor.isEmpty()) {
      OUT.printf(
          "| floor: sqlite3 CLI count(*) | %d | %s (%s–%s) | %s | – | – | – | – |%n",
          floor.size(),
          fmt(median(floor)),
          fmt(min(floor)),
          fmt(max(floor)),
          String.format(Locale.ROOT, "%.2f", median(floor) / base));
    }
    OUT.println();
    OUT.flush();
  }

  /** The 1-, 5- and 15-minute load averages (other processes share the 2 cores). */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  /** Median over the rounds both ran of (time of m in round r) / (time of base in round r). */
  private static double pairedRatio(Measured m, Measured base) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < m.seconds.size(); i++) {
      int j = base.rounds.indexOf(m.rounds.get(i));
      if (j >= 0) {
        ratios.add(m.seconds.get(i) / base.seconds.get(j));
      }
    }
    return median(ratios);
  }

  private static void progress(String fmt, Object... args) {
    System.err.printf(Locale.ROOT, fmt + "%n", args);
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    if (i < 0) {
      return fallback;
    }
    args.remove(i);
    return args.remove(i);
  }

  static double median(List<Double> v) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double min(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static String fmt(double s) {
    return String.format(Locale.ROOT, s < 10 ? "%.2f" : "%.1f", s);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d", bytes >> 20);
  }
}
