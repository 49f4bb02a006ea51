package io.gpureport.report;

import io.gpureport.aggregate.CorrectedFold;
import io.gpureport.aggregate.DayPart;
import io.gpureport.aggregate.Report;
import io.gpureport.aggregate.ReportFold;
import io.gpureport.aggregate.RuleEffectsFold;
import io.gpureport.aggregate.WindowFold;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.ClassifyRules;
import io.gpureport.classify.RuleSet;
import io.gpureport.deliver.EmailSettings;
import io.gpureport.deliver.Mailer;
import io.gpureport.deliver.OutputTarget;
import io.gpureport.deliver.Subject;
import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.NoDataException;
import io.gpureport.load.LoadProgress;
import io.gpureport.load.NewestRow;
import io.gpureport.load.Piece;
import io.gpureport.load.Projection;
import io.gpureport.load.Segment;
import io.gpureport.load.SlotSource;
import io.gpureport.load.SlotTable;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import io.gpureport.load.WholeSnapshots;
import io.gpureport.render.ChartImage;
import io.gpureport.render.HtmlReport;
import io.gpureport.render.JsonReport;
import io.gpureport.render.TextReport;
import io.gpureport.rollup.DayParts;
import io.gpureport.rollup.RollupStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The report pipeline: load → classify → aggregate → render → deliver (docs/metrics.md, "Checks,
 * messages and exit status").
 */
public final class ReportJob {
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;
  private final Mailer mailer;
  private final int loadThreads;
  private final boolean interactive;
  private final StageTimer timer = new StageTimer();

  /** Set by {@link #chunkMinutes}; null: the default, sized by rows ({@link ChunkPlan}). */
  private Long fixedChunkMicros;

  /** Set by {@link #chunkRows}; null: the rows the heap allows ({@link ChunkPlan#chunkRows}). */
  private Long fixedChunkRows;

  /** Set by {@link #rollups}; null: no rollup cache. */
  private Path rollupDir;

  private long rollupMaxBytes = RollupStore.DEFAULT_MAX_BYTES;

  /** What the rollup cache did in the last run, for {@code --verbose} and the tests. */
  private RollupUse rollupUse = RollupUse.BYPASSED;

  /**
   * The rollup cache's use in a run: {@code reused} day parts read back, {@code computed} day parts
   * folded from rows (and stored), {@code bytes} the cache's size after the run; {@code bypassed}
   * when the run did not use it.
   */
  public record RollupUse(boolean bypassed, int reused, int computed, long bytes) {
    static final RollupUse BYPASSED = new RollupUse(true, 0, 0, 0);
  }

  /**
   * With {@code interactive}, windows that take longer than two seconds to load show progress on
   * stderr.
   */
  public ReportJob(
      Clock clock,
      PrintStream out,
      PrintStream err,
      Mailer mailer,
      int loadThreads,
      boolean interactive) {
    this.interactive = interactive;
    this.clock = clock;
    this.out = out;
    this.err = err;
    this.mailer = mailer;
    this.loadThreads = loadThreads;
  }

  /**
   * A fixed length of the time chunks a window is folded in, instead of the default (three days,
   * grown to a number of rows: {@link ChunkPlan}): the rows of one chunk are what is in memory at a
   * time; the output does not depend on it.
   */
  public ReportJob chunkMinutes(long minutes) {
    if (minutes <= 0) {
      throw new IllegalArgumentException("chunk minutes must be positive: " + minutes);
    }
    this.fixedChunkMicros = minutes * 60 * Timestamps.MICROS_PER_SECOND;
    return this;
  }

  /**
   * A fixed row budget of the default chunks and the stored-order pieces instead of the one the
   * heap allows ({@link ChunkPlan#chunkRows}): the rows of one piece are what is in memory at a
   * time; the output does not depend on it.
   */
  public ReportJob chunkRows(long rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("chunk rows must be positive: " + rows);
    }
    this.fixedChunkRows = rows;
    return this;
  }

  /**
   * Uses the rollup cache under {@code dir} (docs/decisions/0005-rollups.md), at most {@code
   * maxBytes} of it; without this call (or with a null {@code dir}) every report is computed from
   * rows.
   */
  public ReportJob rollups(Path dir, long maxBytes) {
    this.rollupDir = dir;
    this.rollupMaxBytes = maxBytes;
    return this;
  }

  /** What the rollup cache did in the last {@link #run}. */
  public RollupUse rollupUse() {
    return rollupUse;
  }

  /** Runs a validated request; failures are thrown as {@link GpuReportException}. */
  public void run(ReportRequest req) {
    if (req.analysis() instanceof ReportRequest.GpuModelSnapshot snapshot) {
      new SnapshotJob(out).run(req.source(), req.filters().rules(), snapshot, req.output());
      return;
    }
    long started = clock.millis();
    SlotSource source = req.source().open(loadThreads);
    Report report;
    try {
      report =
          req.analysis() instanceof ReportRequest.Windowed analysis
              ? windowed(req, analysis, source, started)
              : monthly(req, source, started);
    } finally {
      // also when no row is found: the warning may say why
      source.warnings().forEach(w -> err.println("Warning: " + w));
    }
    timer.time(
        "render+deliver",
        () -> {
          deliver(req, report);
          return null;
        });
    if (req.verbose()) {
      timer.print(err);
      if (rollupDir != null) {
        err.println(
            rollupUse.bypassed()
                ? "rollups: not used for this analysis"
                : "rollups: "
                    + rollupUse.reused()
                    + " day parts reused, "
                    + rollupUse.computed()
                    + " computed; cache "
                    + rollupUse.bytes() / 1024
                    + " KiB of "
                    + rollupMaxBytes / (1024 * 1024)
                    + " MiB in "
                    + rollupDir.resolve("rollups"));
      }
    }
  }

  /**
   * The windowed analysis of {@code req} (through the rollup cache when set), not rendered: for
   * commands built on the report's analyses ({@code trend}); warnings printed here.
   */
  Report analyse(ReportRequest req) {
    SlotSource source = req.source().open(loadThreads);
    try {
      return windowed(req, (ReportRequest.Windowed) req.analysis(), source, clock.millis());
    } finally {
      source.warnings().forEach(w -> err.println("Warning: " + w));
    }
  }

  private Report windowed(
      ReportRequest req, ReportRequest.Windowed analysis, SlotSource source, long started) {
    Projection projection = Folds.projection(req, analysis.host());
    Classification rules = rules(req.filters(), analysis.host());
    rollupUse = RollupUse.BYPASSED;
    Rolled rolled = rollupDir != null ? rolled(req, analysis, source, projection, rules) : null;
    Folded folded =
        rolled != null
            ? rolled.folded(req.window().hoursBack())
            : foldWindow(source, req.window(), projection, rules, Folds.forWindow(req));
    WindowFold fold = folded.fold();
    Report.Window window = new Report.Window(folded.start(), folded.end(), folded.hoursBack());
    long start = folded.start();
    long end = folded.end();
    if (fold instanceof RuleEffectsFold effects) {
      RuleEffectsFold exact = exact(source, TimeRange.closed(start, end), rules, effects);
      return new Report.ExplainedAllocation(
          window, timer.time("aggregate", exact::finish), context(req, exact, started));
    }
    if (fold instanceof CorrectedFold corrected) {
      return analysis instanceof ReportRequest.Timeseries
          ? new Report.Series(
              window, timer.time("aggregate", corrected::timeSeries), context(req, fold, started))
          : new Report.CorrectedAllocation(
              window, timer.time("aggregate", corrected::finish), context(req, fold, started));
    }
    ReportFold f = (ReportFold) fold;
    if (analysis instanceof ReportRequest.Allocation allocation) {
      return allocation.groupByDevice()
          ? new Report.Allocation(
              window, timer.time("aggregate", f::deviceAllocation), context(req, f, started))
          : new Report.AllocationSummary(
              window, timer.time("aggregate", f::allocationSummary), context(req, f, started));
    }
    return new Report.Series(
        window, timer.time("aggregate", f::timeSeries), context(req, f, started));
  }

  /** A window folded: its fold (with rows), start and end, as the report's window. */
  record Folded(WindowFold fold, long start, long end, int hoursBack) {}

  /**
   * Folds {@code window} into {@code empty} (or a copy of it) the way the report's windowed
   * analyses are folded: the default end time in one scan when possible, chunk by chunk or piece by
   * piece.
   *
   * @throws NoDataException when the window has no rows
   */
  private Folded foldWindow(
      SlotSource source,
      ReportRequest.Window w,
      Projection projection,
      Classification rules,
      WindowFold empty) {
    WindowFold fold = toNewest(w, source, projection, rules, empty);
    int hoursBack = w.hoursBack();
    long end;
    if (fold != null) {
      end = fold.lastTimestamp();
    } else {
      Long endTime = w.endTime();
      end = endTime != null ? endTime : timer.time("end-time", () -> defaultEnd(source));
      TimeRange range = TimeRange.closed(minusHours(end, hoursBack), end);
      fold =
          fold(
              source, range, source.segmentsFor(range), null, projection, rules, empty.emptyCopy());
    }
    if (fold.rows() == 0) {
      throw new NoDataException("No data found in the specified time range.");
    }
    return new Folded(fold, minusHours(end, hoursBack), end, hoursBack);
  }

  /**
   * The window of {@code gpureport hosts} folded into {@code empty} with the report's loader,
   * exclusions, {@code --host}, CHTC-owned list and rule set ({@code filters}); the source is
   * opened and its warnings printed here.
   */
  Folded foldHosts(
      ReportRequest.Source src,
      ReportRequest.Window w,
      ReportRequest.Filters filters,
      String host,
      WindowFold empty) {
    // CORRECTED reads State with Drained apart, and the real names (README, "hosts")
    return foldRows(src, w, filters, host, Projection.CORRECTED, empty);
  }

  /**
   * The window folded into {@code empty} as {@link #foldHosts} does, reading the columns of {@code
   * projection}; the source is opened and its warnings printed here.
   */
  Folded foldRows(
      ReportRequest.Source src,
      ReportRequest.Window w,
      ReportRequest.Filters filters,
      String host,
      Projection projection,
      WindowFold empty) {
    SlotSource source = src.open(loadThreads);
    Folded folded = foldWindow(source, w, projection, rules(filters, host), empty);
    source.warnings().forEach(x -> err.println("Warning: " + x));
    return folded;
  }

  /** The stage times, on stderr. */
  void printTimes() {
    timer.print(err);
  }

  /** A window's fold made of day parts, and the window's end. */
  private record Rolled(WindowFold fold, long end) {
    /** As a folded window of {@code hoursBack} hours; no rows is no data. */
    Folded folded(int hoursBack) {
      if (fold.rows() == 0) {
        throw new NoDataException("No data found in the specified time range.");
      }
      return new Folded(fold, minusHours(end, hoursBack), end, hoursBack);
    }
  }

  private static final long DAY = 24 * Timestamps.MICROS_PER_HOUR;

  /**
   * The window's fold built from day parts (docs/decisions/0005-rollups.md): the window cut at
   * local midnights, each part read back from the rollup cache while the data are unchanged, the
   * others folded from rows (consecutive ones in one fold, recording day by day) and stored; then
   * every part replayed in time order. Null when the cache does not apply (another fold, windows of
   * at most 24 hours, a store without file identities): the caller folds the rows as always.
   */
  private Rolled rolled(
      ReportRequest req,
      ReportRequest.Windowed analysis,
      SlotSource source,
      Projection projection,
      Classification rules) {
    if (!(Folds.forWindow(req) instanceof ReportFold window) || !window.rollable()) {
      return null; // corrected rules, --explain-rules, bucket widths that do not divide a day
    }
    int hoursBack = req.window().hoursBack();
    if (hoursBack <= 24) {
      return null; // no whole day to reuse: the daily cron report runs as without a cache
    }
    Optional<String> identity = timer.time("rollups", () -> source.identity());
    if (identity.isEmpty()) {
      return null;
    }
    RollupStore store =
        timer.time("rollups", () -> RollupStore.open(rollupDir, w -> err.println("Warning: " + w)));
    Long endTime = req.window().endTime();
    long end = endTime != null ? endTime : cachedEnd(source, store, identity.get());
    long start = minusHours(end, hoursBack);
    ReportFold fold =
        fromParts(
            source, store, RollupKeys.base(req, analysis), window, start, end, projection, rules);
    return fold == null ? null : new Rolled(fold, end);
  }

  /**
   * {@code window} (an empty fold) made of the day parts of {@code [start, end]}, each read back
   * from {@code store} while its rows are unchanged ({@link PartFacts}), the others folded from
   * rows (consecutive ones in one fold, recording day by day) and stored; then every part replayed
   * in time order. Null when a file of the range cannot be identified.
   */
  private ReportFold fromParts(
      SlotSource source,
      RollupStore store,
      String key,
      ReportFold window,
      long start,
      long end,
      Projection projection,
      Classification rules) {
    List<Segment> segments = source.segmentsFor(TimeRange.closed(start, end));
    Optional<PartFacts> known = timer.time("rollups", () -> PartFacts.of(source, segments));
    if (known.isEmpty()) {
      return null;
    }
    PartFacts facts = known.get();
    String base = key + facts.uncounted();
    record Part(long day, long from, long to, boolean closed, String key) {
      TimeRange range() {
        return closed ? TimeRange.closed(from, to) : TimeRange.halfOpen(from, to);
      }
    }
    List<Part> parts = new ArrayList<>();
    for (long d = start - Math.floorMod(start, DAY); d <= end; d += DAY) {
      long from = Math.max(start, d);
      boolean closed = d + DAY > end;
      long to = closed ? end : d + DAY;
      parts.add(new Part(d, from, to, closed, RollupKeys.part(base, from, to, closed)));
    }
    DayPart[] found = new DayPart[parts.size()];
    timer.time(
        "rollups",
        () -> {
          List<Optional<RollupStore.Entry>> entries = new ArrayList<>();
          for (Part p : parts) {
            entries.add(store.read(p.key()));
          }
          List<TimeRange> ranges = parts.stream().map(Part::range).toList();
          facts.count(
              PartFacts.toCount(
                  ranges,
                  entries.stream().map(e -> e.map(RollupStore.Entry::facts)).toList(),
                  facts));
          for (int i = 0; i < found.length; i++) {
            found[i] = reusable(store, parts.get(i).key(), entries.get(i), facts, ranges.get(i));
            if (found[i] != null && found[i].day() != parts.get(i).day()) {
              found[i] = null;
            }
          }
          return null;
        });
    int computed = 0;
    for (int i = 0; i < found.length; ) {
      if (found[i] != null) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < found.length && found[j + 1] == null) {
        j++;
      }
      Part first = parts.get(i);
      Part last = parts.get(j);
      TimeRange run =
          last.closed()
              ? TimeRange.closed(first.from(), last.to())
              : TimeRange.halfOpen(first.from(), last.to());
      ReportFold recorded =
          (ReportFold) fold(source, run, segments, null, projection, rules, window.recording());
      Map<Long, DayPart> byDay = new HashMap<>();
      for (DayPart p : recorded.dayParts()) {
        byDay.put(p.day(), p);
      }
      for (int k = i; k <= j; k++) {
        Part part = parts.get(k);
        found[k] =
            byDay.getOrDefault(
                part.day(), DayPart.empty(part.day(), window.partClasses(), window.byDevice()));
        byte[] bytes = DayParts.encode(found[k]);
        timer.time(
            "rollups",
            () -> {
              store.write(part.key(), facts.current(part.range()), bytes);
              return null;
            });
        computed++;
      }
      i = j + 1;
    }
    int reused = found.length - computed;
    timer.time(
        "aggregate",
        () -> {
          for (DayPart p : found) {
            window.append(p);
          }
          return null;
        });
    long bytes =
        timer.time(
            "rollups",
            () -> {
              store.evict(rollupMaxBytes);
              return store.stats().bytes();
            });
    rollupUse = new RollupUse(false, reused, computed, bytes);
    return window;
  }

  /**
   * A stored day part that still holds (read back, stamped with today's facts when they changed
   * without changing the part: docs/decisions/0005-rollups.md, "Validity per day"), or null: not
   * stored, stale, or damaged (one warning).
   */
  private static DayPart reusable(
      RollupStore store,
      String key,
      Optional<RollupStore.Entry> entry,
      PartFacts facts,
      TimeRange range) {
    if (entry.isEmpty()) {
      return null;
    }
    boolean unchanged = facts.unchanged(entry.get().facts());
    if (!unchanged && !facts.holds(entry.get().facts(), range)) {
      return null;
    }
    DayPart p;
    try {
      p = DayParts.decode(entry.get().payload());
    } catch (IOException | RuntimeException e) {
      store.damaged(key, e);
      return null;
    }
    if (!unchanged) {
      store.write(key, facts.current(range), entry.get().payload());
    }
    return p;
  }

  /**
   * The default end time (docs/metrics.md, "End time"), read back from the cache while no file of
   * the source changed, else queried and stored.
   */
  private long cachedEnd(SlotSource source, RollupStore store, String facts) {
    Optional<byte[]> stored = timer.time("rollups", () -> store.read(RollupKeys.end(), facts));
    if (stored.isPresent() && stored.get().length == Long.BYTES) {
      return ByteBuffer.wrap(stored.get()).getLong();
    }
    long end = timer.time("end-time", () -> defaultEnd(source));
    store.write(RollupKeys.end(), facts, ByteBuffer.allocate(Long.BYTES).putLong(end).array());
    return end;
  }

  /** The rule set ({@code --rules}) and what it classifies rows with. */
  private record Classification(RuleSet ruleSet, ClassifyRules inputs) {}

  /**
   * The rule effects folded over {@code range} again when the first fold says its C5 numbers need
   * the window's prioritized machines ({@link RuleEffectsFold#secondPass}), else {@code fold}.
   */
  private RuleEffectsFold exact(
      SlotSource source, TimeRange range, Classification rules, RuleEffectsFold fold) {
    Optional<RuleEffectsFold> again = fold.secondPass();
    if (again.isEmpty()) {
      return fold;
    }
    return (RuleEffectsFold)
        fold(
            source,
            range,
            source.segmentsFor(range),
            null,
            Projection.CORRECTED,
            rules,
            again.get());
  }

  /**
   * Folds the window's rows into {@code fold}: a window of several default chunks piece by piece in
   * stored order ({@link #foldPieces}), else, or when its rows are not stored in time order, into a
   * new fold one chunk of the {@link ChunkPlan} at a time in time order: load, classify, add. Only
   * one chunk's or piece's rows are in memory at a time. The window's {@code segments} are read,
   * {@code openEnd} (if any) without upper bound in the last chunk.
   */
  private WindowFold fold(
      SlotSource source,
      TimeRange window,
      List<Segment> segments,
      Segment openEnd,
      Projection projection,
      Classification rules,
      WindowFold fold) {
    long chunkRows =
        fixedChunkRows != null
            ? fixedChunkRows
            : ChunkPlan.chunkRows(Runtime.getRuntime().maxMemory());
    ChunkPlan plan =
        ChunkPlan.of(source, window, segments, openEnd, fixedChunkMicros, chunkRows, timer);
    WindowFold target = fold;
    if (!plan.single() && fixedChunkMicros == null) {
      Optional<List<Piece>> pieces = plan.pieces();
      if (pieces.isPresent()) {
        if (foldPieces(source, window, pieces.get(), projection, rules, fold)) {
          return fold;
        }
        target = fold.emptyCopy(); // not in time order: the time chunks, from scratch
      }
    }
    try (LoadProgress progress =
        plan.single()
            ? LoadProgress.start(err, interactive)
            : LoadProgress.window(err, interactive, window.end() - window.start())) {
      for (ChunkPlan.Chunk chunk : plan) {
        if (!chunk.segments().isEmpty()) {
          SlotTable table =
              timer.time(
                  "load",
                  () ->
                      source.load(
                          chunk.segments(), chunk.range(), projection, chunk.openEnd(), progress));
          add(table, rules, target);
        }
        progress.covered(plan.covered(chunk));
      }
    }
    return target;
  }

  /**
   * Folds the window's rows piece by piece in plan order (docs/decisions/0002-engine.md,
   * "Stored-order pieces"), each piece's newest snapshot held back until the next piece shows it
   * whole ({@link WholeSnapshots}). False, with {@code fold} to be thrown away, as soon as a piece
   * has a row older than the held snapshot: the rows are not stored in time order.
   */
  private boolean foldPieces(
      SlotSource source,
      TimeRange window,
      List<Piece> pieces,
      Projection projection,
      Classification rules,
      WindowFold fold) {
    WholeSnapshots snapshots = new WholeSnapshots();
    try (LoadProgress progress =
        LoadProgress.window(err, interactive, window.end() - window.start())) {
      for (Piece piece : pieces) {
        Optional<SlotTable> whole =
            timer.time("load", () -> snapshots.next(source.load(piece, projection, progress)));
        if (whole.isEmpty()) {
          return false;
        }
        add(whole.get(), rules, fold);
        if (fold.rows() > 0) {
          long length = window.end() - window.start();
          progress.covered(Math.min(length, Math.max(0, fold.lastTimestamp() - window.start())));
        }
      }
      add(snapshots.rest(), rules, fold);
      progress.covered(window.end() - window.start());
    }
    return true;
  }

  /** Classifies rows and adds them to the fold. */
  private void add(SlotTable table, Classification rules, WindowFold fold) {
    if (table.rowCount() > 0) {
      ClassifiedRows rows =
          timer.time("classify", () -> rules.ruleSet().classify(table, rules.inputs()));
      timer.time(
          "aggregate",
          () -> {
            fold.add(rows);
            return null;
          });
    }
  }

  private static long minusHours(long t, int hours) {
    return Timestamps.of(Timestamps.toLocal(t).minusHours(hours));
  }

  /**
   * The default-end-time window in one scan (no separate MAX(timestamp) pass): folds from the last
   * inserted row's time minus the window, with no upper bound in the newest segment. When that row
   * is the newest (rows stored in time order: always, for collector files), the fold is exactly the
   * window; otherwise returns null and the caller takes the exact two-pass way.
   */
  private WindowFold toNewest(
      ReportRequest.Window w,
      SlotSource source,
      Projection projection,
      Classification rules,
      WindowFold empty) {
    if (w.endTime() != null) {
      return null;
    }
    Optional<NewestRow> last = timer.time("end-time", source::lastInserted);
    if (last.isEmpty()) {
      return null;
    }
    long candidate = last.get().timestamp();
    TimeRange range = TimeRange.closed(minusHours(candidate, w.hoursBack()), candidate);
    List<Segment> segments = source.segmentsFor(range);
    if (!segments.contains(last.get().segment())) {
      return null;
    }
    WindowFold fold =
        fold(source, range, segments, last.get().segment(), projection, rules, empty.emptyCopy());
    boolean exact = fold.rows() > 0 && fold.lastTimestamp() == candidate;
    return exact ? fold : null;
  }

  private Report monthly(ReportRequest req, SlotSource source, long started) {
    Long endTime = req.window().endTime();
    long reference = endTime != null ? endTime : timer.time("end-time", () -> defaultEnd(source));
    YearMonth month = YearMonth.from(Timestamps.toLocal(reference)).minusMonths(1);
    String label = monthLabel(month);
    long first = Timestamps.of(month.atDay(1).atStartOfDay());
    long next = Timestamps.of(month.plusMonths(1).atDay(1).atStartOfDay());
    long last = next - Timestamps.MICROS_PER_SECOND;
    int hours = month.lengthOfMonth() * 24;
    err.println("Calculating monthly summary for " + label);
    err.println(
        "Period: " + Timestamps.formatSeconds(first) + " to " + Timestamps.formatSeconds(last));
    err.println("Total hours in month: " + hours);
    TimeRange range = TimeRange.closed(first, next);
    ReportRequest.Monthly analysis = (ReportRequest.Monthly) req.analysis();
    // the monthly report v2 honours --host (C15); reference ignores it (L20)
    String host = Folds.corrected(req) ? analysis.host() : "";
    Classification rules = rules(req.filters(), host);
    Projection projection = Folds.projection(req, host);
    WindowFold empty = Folds.forMonth(req, hours);
    rollupUse = RollupUse.BYPASSED;
    WindowFold fold =
        rollupDir != null && empty instanceof ReportFold device
            ? fromParts(
                source,
                timer.time(
                    "rollups",
                    () -> RollupStore.open(rollupDir, w -> err.println("Warning: " + w))),
                RollupKeys.monthly(req, hours),
                device,
                first,
                next,
                projection,
                rules)
            : null;
    if (fold == null) {
      fold = fold(source, range, source.segmentsFor(range), null, projection, rules, empty);
    }
    if (fold.rows() == 0) {
      throw new NoDataException("No data found for " + label);
    }
    err.println(
        "Coverage: " + fold.bucketCount() + " of " + hours * 4 + " 15-minute buckets have data");
    Report.Month m = new Report.Month(label, first, last, hours);
    if (fold instanceof RuleEffectsFold effects) {
      RuleEffectsFold exact = exact(source, range, rules, effects);
      return new Report.ExplainedMonthly(
          m, timer.time("aggregate", exact::finish), context(req, exact, started));
    }
    if (fold instanceof CorrectedFold corrected) {
      return new Report.CorrectedMonthly(
          m, timer.time("aggregate", corrected::finish), context(req, fold, started));
    }
    ReportFold f = (ReportFold) fold;
    return new Report.Monthly(
        m, timer.time("aggregate", f::deviceAllocation), context(req, fold, started));
  }

  /** {@code November 2025}. */
  public static String monthLabel(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
  }

  /** The shared parts of the report, its run time measured now. */
  private Report.Context context(ReportRequest req, WindowFold rows, long started) {
    long finished = clock.millis();
    return new Report.Context(
        req.filters().rules().name(),
        rows.firstTimestamp(),
        rows.lastTimestamp(),
        req.filters().exclusions().entries(),
        new Report.Filtering(rows.rowsExcluded(), rows.rows() - rows.rowsExcluded()),
        req.filters().chtcOwned().hosts(),
        (finished - started) / 1000.0,
        LocalDateTime.now(clock).withNano(0));
  }

  private static Classification rules(ReportRequest.Filters f, String host) {
    return new Classification(f.rules(), new ClassifyRules(f.exclusions(), f.chtcOwned(), host));
  }

  private long defaultEnd(SlotSource source) {
    OptionalLong end = source.defaultEndTime();
    if (end.isEmpty()) {
      throw new NoDataException("No data found in the specified time range.");
    }
    return end.getAsLong();
  }

  private void deliver(ReportRequest req, Report report) {
    ReportRequest.Output output = req.output();
    // Charts are drawn once, only for the HTML file or the e-mail, and used by both.
    boolean html = output.format() == ReportRequest.OutputFormat.HTML;
    boolean emailed = req.delivery() instanceof ReportRequest.Email;
    List<ChartImage> charts =
        output.charts() && (html || emailed)
            ? timer.time("charts", () -> HtmlReport.charts(report, err))
            : List.of();
    String rendered =
        switch (output.format()) {
          case TEXT -> TextReport.render(report);
          case JSON -> JsonReport.render(report);
          case HTML -> HtmlReport.render(report, charts);
        };
    OutputTarget.write(rendered, output.file(), out);
    if (req.delivery() instanceof ReportRequest.Email email) {
      EmailSettings settings = email.settings();
      String subject =
          Subject.of(
              settings.subjectPrefix(),
              LocalDate.now(clock),
              req.window().hoursBack(),
              report.reportedMonth().map(Report.Month::label).orElse(null),
              report.subjectPercents());
      if (settings.debug()) {
        err.println("DEBUG: Email subject would be: " + subject);
      }
      String text =
          output.format() == ReportRequest.OutputFormat.TEXT ? rendered : TextReport.render(report);
      // The e-mail's HTML references its charts as cid: image parts, not data: URIs.
      String mailHtml =
          html && charts.isEmpty() ? rendered : HtmlReport.renderForEmail(report, charts);
      List<Mailer.InlineImage> images = new ArrayList<>();
      for (ChartImage c : charts) {
        images.add(new Mailer.InlineImage(c.contentId(), c.fileName(), c.png()));
      }
      mailer.send(settings, subject, text, mailHtml, images);
    }
  }
}
