package io.gpureport.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Naive local timestamps as epoch microseconds "taken as UTC" (docs/metrics.md, "Reading the
 * values", "15-minute buckets", L1), with a fixed-position parser for the stored text and
 * formatters for every printed form.
 */
public final class Timestamps {
  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

  private Timestamps() {}

  /**
   * Parses stored text {@code yyyy-MM-dd HH:mm:ss[.f…]} (1–9 fraction digits, kept to the
   * microsecond). Returns {@link Long#MIN_VALUE} when the text does not have that form.
   */
  public static long parseStored(String s) {
    if (s == null) {
      return Long.MIN_VALUE;
    }
    int n = s.length();
    if (n < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != ' '
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return Long.MIN_VALUE;
    }
    long micros = 0;
    if (n > 19) {
      if (s.charAt(19) != '.' || n == 20 || n > 29) {
        return Long.MIN_VALUE;
      }
      int frac = digits(s, 20, n - 20);
      if (frac < 0) {
        return Long.MIN_VALUE;
      }
      int len = n - 20;
      micros = frac;
      for (int i = len; i < 6; i++) {
        micros *= 10;
      }
      for (int i = 6; i < len; i++) {
        micros /= 10;
      }
    }
    if (!valid(year, month, day, hour, minute, second)) {
      return Long.MIN_VALUE;
    }
    return epochMicros(year, month, day, hour, minute, second) + micros;
  }

  /**
   * Parses a user time string {@code YYYY-M-D H:M:S} (docs/metrics.md, "Checks, messages and exit
   * status"): four-digit year, one or two digits elsewhere, one space, no fraction. Returns {@link
   * Long#MIN_VALUE} when invalid.
   */
  public static long parseUser(String s) {
    if (s == null) {
      return Long.MIN_VALUE;
    }
    int sp = s.indexOf(' ');
    if (sp < 0 || s.indexOf(' ', sp + 1) >= 0) {
      return Long.MIN_VALUE;
    }
    int[] d = fields(s.substring(0, sp), '-', 4);
    int[] t = fields(s.substring(sp + 1), ':', 0);
    if (d == null || t == null || !valid(d[0], d[1], d[2], t[0], t[1], t[2])) {
      return Long.MIN_VALUE;
    }
    return epochMicros(d[0], d[1], d[2], t[0], t[1], t[2]);
  }

  private static int[] fields(String s, char sep, int firstWidth) {
    String[] parts = s.split(String.valueOf(sep), -1);
    if (parts.length != 3) {
      return null;
    }
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      String p = parts[i];
      boolean year = i == 0 && firstWidth == 4;
      if (year ? p.length() != 4 : (p.isEmpty() || p.length() > 2)) {
        return null;
      }
      out[i] = digits(p, 0, p.length());
      if (out[i] < 0) {
        return null;
      }
    }
    return out;
  }

  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean valid(int y, int mo, int d, int h, int mi, int s) {
    if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || y < 1) {
      return false;
    }
    return d <= LocalDate.of(y, mo, 1).lengthOfMonth();
  }

  private static long epochMicros(int y, int mo, int d, int h, int mi, int s) {
    long days = LocalDate.of(y, mo, d).toEpochDay();
    return days * MICROS_PER_DAY + (h * 3600L + mi * 60L + s) * MICROS_PER_SECOND;
  }

  /** Epoch microseconds of a naive date-time. */
  public static long of(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + t.getNano() / 1_000;
  }

  /** The naive date-time of epoch microseconds. */
  public static LocalDateTime toLocal(long micros) {
    long sec = Math.floorDiv(micros, MICROS_PER_SECOND);
    int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
    return LocalDateTime.ofEpochSecond(sec, nanos, ZoneOffset.UTC);
  }

  /**
   * {@code YYYY-MM-DD HH:MM:SS}, the fraction truncated (docs/metrics.md, "Rounding and evaluation
   * order").
   */
  public static String formatSeconds(long micros) {
    LocalDateTime t = toLocal(micros);
    StringBuilder b = new StringBuilder(19);
    date(b, t);
    b.append(' ');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2);
    return b.toString();
  }

  /**
   * {@code YYYY-MM-DD HH:MM:SS.ffffff}, the stored and bound form (docs/metrics.md, "Snapshots and
   * rows").
   */
  public static String formatStored(long micros) {
    StringBuilder b = new StringBuilder(formatSeconds(micros)).append('.');
    return pad(b, (int) Math.floorMod(micros, MICROS_PER_SECOND), 6).toString();
  }

  /** {@code MM-DD HH:MM}, the trend-line bucket label. */
  public static String formatBucketLabel(long micros) {
    LocalDateTime t = toLocal(micros);
    StringBuilder b = new StringBuilder(11);
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append(' ');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2);
    return b.toString();
  }

  private static void date(StringBuilder b, LocalDateTime t) {
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2);
  }

  private static StringBuilder pad(StringBuilder b, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  /**
   * Floors epoch microseconds to a bucket of the given width in minutes (docs/metrics.md,
   * "15-minute buckets").
   */
  public static long floor(long micros, int minutes) {
    long w = minutes * MICROS_PER_MINUTE;
    return micros - Math.floorMod(micros, w);
  }
}
