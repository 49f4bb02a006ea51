package io.gpureport.sample;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import io.gpureport.load.GpuStateTable;
import io.gpureport.load.Timestamps;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generates a sample: builds the pool, runs the job simulation and writes the monthly files. */
public final class SampleGenerator {
  /** Simulated days before the first snapshot, so the sample starts in a steady state. */
  private static final int WARM_UP_DAYS = 2;

  /** Snapshots are stamped 2 to 8 seconds after their quarter hour. */
  private static final long MIN_DELAY_MICROS = 2 * Timestamps.MICROS_PER_SECOND;

  private static final int DELAY_SPREAD_MICROS = (int) (6 * Timestamps.MICROS_PER_SECOND);

  /** Every snapshot is stamped less than this many microseconds after its quarter hour. */
  static final long MAX_DELAY_MICROS = MIN_DELAY_MICROS + DELAY_SPREAD_MICROS;

  private static final String[] SIDE_FILES = {"-journal", "-wal", "-shm"};

  private SampleGenerator() {}

  /**
   * Writes the sample of {@code spec}. Refuses, before writing anything, when a target file exists
   * and {@code force} is off; with {@code force}, deletes such files first. Deletes the files it
   * created when writing fails.
   */
  public static SampleSummary generate(SampleSpec spec) {
    prepareTargets(spec);
    Random rng = new Random(spec.seed());
    UserDirectory users = UserDirectory.create(rng);
    PoolModel pool = PoolModel.build(spec.hosts(), rng, users);
    JobSimulator sim = new JobSimulator(pool, users, rng, spec.start());
    SnapshotRows snapshot = new SnapshotRows(pool, sim, rng);
    for (int step = -WARM_UP_DAYS * JobSimulator.STEPS_PER_DAY; step < 0; step++) {
      sim.advance(step);
    }
    int steps = spec.days() * JobSimulator.STEPS_PER_DAY;
    String first = null;
    String last = null;
    boolean done = false;
    SampleWriter writer = new SampleWriter(spec.out());
    try {
      for (int step = 0; step < steps; step++) {
        sim.advance(step);
        LocalDateTime bucket = sim.time(step);
        long micros = Timestamps.of(bucket) + MIN_DELAY_MICROS + rng.nextInt(DELAY_SPREAD_MICROS);
        last = Timestamps.formatStored(micros);
        first = first == null ? last : first;
        writer.beginSnapshot(YearMonth.from(bucket), last);
        snapshot.emit(step, writer);
      }
      writer.finish();
      done = true;
    } finally {
      writer.close();
      if (!done) {
        deleteQuietly(writer.files());
      }
    }
    return new SampleSummary(
        writer.files(), writer.rows(), steps, first, last, pool.hosts().size(), pool.gpuCount());
  }

  /** Creates {@code dir} and its parents; a regular file in the way is named as the reason. */
  private static void createOutputDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new GpuReportException(
          "Cannot create output directory "
              + dir
              + ": "
              + e.getFile()
              + " exists and is not a directory",
          e);
    } catch (IOException e) {
      throw new GpuReportException(
          "Cannot create output directory " + dir + ": " + IoReason.of(e), e);
    }
  }

  /** The monthly files the spec will write, checked (or cleared with force) before writing. */
  static List<Path> prepareTargets(SampleSpec spec) {
    Path dir = spec.out();
    createOutputDirectory(dir);
    List<Path> targets = new ArrayList<>();
    for (YearMonth m : months(spec)) {
      targets.add(dir.resolve(GpuStateTable.monthlyFileName(m.getYear(), m.getMonthValue())));
    }
    for (Path target : targets) {
      if (Files.exists(target) && !spec.force()) {
        throw new GpuReportException(
            target + " already exists; not overwriting it (use --force to replace it)");
      }
    }
    if (spec.force()) {
      for (Path target : targets) {
        try {
          Files.deleteIfExists(target);
          for (String suffix : SIDE_FILES) {
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + suffix));
          }
        } catch (IOException e) {
          throw new GpuReportException("Cannot delete " + target + ": " + e.getMessage(), e);
        }
      }
    }
    return targets;
  }

  private static Set<YearMonth> months(SampleSpec spec) {
    Set<YearMonth> months = new LinkedHashSet<>();
    LocalDateTime end = spec.start().plusDays(spec.days());
    for (LocalDateTime t = spec.start();
        t.isBefore(end);
        t = t.plusMinutes(JobSimulator.MINUTES_PER_STEP)) {
      months.add(YearMonth.from(t));
    }
    return months;
  }

  private static void deleteQuietly(List<Path> files) {
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException ignored) {
        // best effort: the run already failed with a better message
      }
    }
  }
}
