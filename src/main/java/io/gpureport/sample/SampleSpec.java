package io.gpureport.sample;

import io.gpureport.errors.UsageException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What {@code gpureport sample} generates: the output directory, the span (first snapshot bucket
 * and number of days), the pool size, the random seed, and whether existing files may be replaced.
 *
 * @param out directory for the monthly files (created if missing)
 * @param days number of days of 96 snapshots each
 * @param seed random seed; the same spec gives the same files
 * @param start the first snapshot's 15-minute bucket (floored to a quarter hour), naive local time
 * @param hosts number of machines in the pool
 * @param force delete and recreate monthly files that already exist
 */
public record SampleSpec(
    Path out, int days, long seed, LocalDateTime start, int hosts, boolean force) {
  public static final int DEFAULT_DAYS = 3;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_HOSTS = 120;

  public static final int MIN_HOSTS = 24;
  public static final int MAX_HOSTS = 5000;
  public static final int MAX_DAYS = 400;

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  /** Validates the values (usage errors) and floors {@code start} to a quarter hour. */
  public SampleSpec {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(start, "start");
    if (days < 1 || days > MAX_DAYS) {
      throw new UsageException("--days must be between 1 and " + MAX_DAYS + ", got " + days);
    }
    if (hosts < MIN_HOSTS || hosts > MAX_HOSTS) {
      throw new UsageException(
          "--hosts must be between " + MIN_HOSTS + " and " + MAX_HOSTS + ", got " + hosts);
    }
    start = floorToQuarter(start);
  }

  /** A spec with the default days, seed and pool size, ending at {@code now}. */
  public static SampleSpec defaults(Path out, LocalDateTime now) {
    return new SampleSpec(
        out, DEFAULT_DAYS, DEFAULT_SEED, startEndingAt(now, DEFAULT_DAYS), DEFAULT_HOSTS, false);
  }

  /**
   * The default start: the first bucket of {@code days} days of snapshots whose last one is the
   * newest stamped at or before {@code now} (snapshots are stamped up to 8 seconds after their
   * quarter hour, so a quarter hour less than 8 seconds before {@code now} is not taken).
   */
  public static LocalDateTime startEndingAt(LocalDateTime now, int days) {
    LocalDateTime last =
        floorToQuarter(now.minus(SampleGenerator.MAX_DELAY_MICROS, ChronoUnit.MICROS));
    return last.minusDays(days).plusMinutes(JobSimulator.MINUTES_PER_STEP);
  }

  private static LocalDateTime floorToQuarter(LocalDateTime t) {
    LocalDateTime minute = t.truncatedTo(ChronoUnit.MINUTES);
    return minute.minusMinutes(minute.getMinute() % JobSimulator.MINUTES_PER_STEP);
  }

  /**
   * Parses {@code --start}: {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM[:SS]} or the same with
   * {@code T} instead of the space.
   */
  public static LocalDateTime parseStart(String text) {
    String s = text.strip().replace('T', ' ');
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay();
      }
      return LocalDateTime.parse(s, s.length() == 16 ? MINUTES : SECONDS);
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--start must be YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS], got '" + text + "'");
    }
  }
}
