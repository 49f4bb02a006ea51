package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import io.gpureport.TestDb;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Splitting a file without an index into rowid ranges of equal work. */
class FileLayoutTest {
  @TempDir Path dir;

  private static long work(long from, long to, long windowLo, long windowEnd) {
    long fetched = Math.max(0, Math.min(to, windowEnd) - Math.max(from, windowLo));
    return (to - from) + FileLayout.FETCH_COST * fetched;
  }

  /**
   * The parts cover {@code [lo, end)} once, in order; there are {@code n} of them unless there are
   * fewer rowids (one each then); the work of each is within {@code FETCH_COST + 1} of its share.
   */
  private static void assertBalancedCover(
      long lo, long end, long windowLo, long windowEnd, int n, List<long[]> parts) {
    String what =
        "rowids [" + lo + "," + end + ") window [" + windowLo + "," + windowEnd + ") in " + n;
    assertEquals(Math.min(n, end - lo), parts.size(), what);
    assertEquals(lo, parts.get(0)[0], what);
    assertEquals(end - 1, parts.get(parts.size() - 1)[1], what);
    for (int i = 1; i < parts.size(); i++) {
      assertEquals(parts.get(i - 1)[1] + 1, parts.get(i)[0], what + ": contiguous at " + i);
    }
    // |w - total / n| <= 1 + FETCH_COST, exactly: |w * n - total| <= (1 + FETCH_COST) * n
    BigInteger total = BigInteger.valueOf(work(lo, end, windowLo, windowEnd));
    BigInteger slack = BigInteger.valueOf((1L + FileLayout.FETCH_COST) * n);
    for (long[] p : parts) {
      assertTrue(p[0] <= p[1], what + ": non-empty");
      long w = work(p[0], p[1] + 1, windowLo, windowEnd);
      assertTrue(
          BigInteger.valueOf(w)
                  .multiply(BigInteger.valueOf(n))
                  .subtract(total)
                  .abs()
                  .compareTo(slack)
              <= 0,
          what + ": work " + w + " vs total " + total + " / " + n);
    }
  }

  @ParameterizedTest(name = "rowids [{0},{1}) window [{2},{3}) in {4}")
  @CsvSource({
    "1, 4000001, 3900001, 4000001, 2", // a 24-hour window at the end of a month
    "1, 4000001, 3000001, 4000001, 2", // 7 days
    "1, 4000001, 1, 4000001, 2", // the whole month
    "1, 4000001, 4000001, 4000001, 2", // an empty window
    "1, 4000001, 1, 100001, 3", // the first day, three threads
    "1, 4000001, 2000001, 2100001, 4", // a day in the middle, four threads
    "5, 9, 6, 7, 2", // a tiny file
    "-5, 6, -5, 6, 4", // rowids inserted by hand, zero and below
    "1, 6, 1, 2, 4", // one costly rowid and four cheap ones
    "1, 3, 1, 3, 4", // fewer rowids than parts: one each
    "1, 2, 1, 2, 2"
  }) // a single row: one part
  void partsCoverEveryRowidOnceWithEqualWork(
      long lo, long end, long windowLo, long windowEnd, int n) {
    assertBalancedCover(
        lo, end, windowLo, windowEnd, n, FileLayout.split(lo, end, windowLo, windowEnd, n));
  }

  @Test
  @Timeout(value = 60, threadMode = SEPARATE_THREAD) // an overflow made the search endless
  void randomSplitsCoverEveryRowidOnceWithEqualWork() {
    Random random = new Random(20251103);
    long widest = Long.MAX_VALUE / (1 + FileLayout.FETCH_COST) - 1;
    for (int i = 0; i < 100_000; i++) {
      long span =
          switch (i % 3) {
            case 0 -> 1 + random.nextInt(20);
            case 1 -> 1 + random.nextInt(1_000_000);
            default -> 1 + (long) (random.nextDouble() * widest); // huge gaps between rowids
          };
      long lo =
          switch (i % 4) {
            case 0 -> 1;
            case 1 -> -random.nextInt(1000);
            case 2 -> Long.MIN_VALUE + random.nextInt(1000);
            default -> Long.MAX_VALUE - span - random.nextInt(1000);
          };
      long end = lo + span;
      long windowLo = lo + (long) (random.nextDouble() * span);
      long windowEnd = windowLo + (long) (random.nextDouble() * (end - windowLo));
      int n = 1 + random.nextInt(SlotLoader.MAX_PARTS_PER_FILE * 4);
      assertBalancedCover(
          lo, end, windowLo, windowEnd, n, FileLayout.split(lo, end, windowLo, windowEnd, n));
    }
  }

  @Test
  @Timeout(value = 10, threadMode = SEPARATE_THREAD) // an overflow made the search endless
  void rowidsTooFarApartForTheArithmeticAreOnePart() {
    assertEquals(
        List.of(List.of(Long.MIN_VALUE, Long.MAX_VALUE - 1)),
        asLists(FileLayout.split(Long.MIN_VALUE, Long.MAX_VALUE, 0, 10, 4)));
    assertEquals(
        List.of(List.of(-5L, Long.MAX_VALUE - 1)),
        asLists(FileLayout.split(-5, Long.MAX_VALUE, -5, Long.MAX_VALUE, 2)));
  }

  @Test
  void atLeastOnePartIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> FileLayout.split(1, 100, 1, 100, 0));
  }

  @Test
  void aShortWindowAtTheEndGivesTheWindowPartFewerRows() {
    List<long[]> parts = FileLayout.split(1, 4_000_001, 3_900_001, 4_000_001, 2);
    assertEquals(2, parts.size());
    long second = parts.get(1)[1] - parts.get(1)[0] + 1;
    assertTrue(second < 1_600_000, "the part with the window scans fewer rows: " + second);
  }

  private Path fileWithTimes(String... times) throws Exception {
    TestDb db = new TestDb();
    for (int i = 0; i < times.length; i++) {
      db.row("slot1@h", "GPU-" + i, "Claimed", "NVIDIA L40S", "", "h", "u", times[i]);
    }
    Path f = dir.resolve("gpu_state_2025-10.db");
    db.write(f);
    return f;
  }

  /** A file of 1000 rows, one a minute from 2025-10-01 00:00, rowids 1..1000. */
  private Path oneRowAMinute() throws Exception {
    String[] times = new String[1000];
    for (int i = 0; i < times.length; i++) {
      times[i] = String.format("2025-10-01 %02d:%02d:00.000000", i / 60, i % 60);
    }
    return fileWithTimes(times);
  }

  private static List<List<Long>> asLists(List<long[]> parts) {
    return parts.stream().map(p -> List.of(p[0], p[1])).toList();
  }

  @ParameterizedTest(name = "{0} .. {1} ({2})")
  @CsvSource({
    // rowids 901..1000: work 1000 + 10*100 = 2000; half 1000 at 900 + 11*10 -> rowid 911
    "2025-10-01 15:00:00, open, closed, 910",
    // rowids 301..360: work 1000 + 10*60 = 1600; half 800 at 300 + 11*46 -> rowid 347
    "2025-10-01 05:00:00, 2025-10-01 05:59:00, closed, 346",
    "2025-10-01 05:00:00, 2025-10-01 06:00:00, half-open, 346",
    // no row in the window: plain halves
    "2025-11-01 00:00:00, open, closed, 500"
  })
  void theWindowIsFoundByABinarySearchOverRowids(
      String start, String end, String kind, long firstEnd) throws Exception {
    Path f = oneRowAMinute();
    long s = Timestamps.parseUser(start);
    long e = end.equals("open") ? Long.MAX_VALUE : Timestamps.parseUser(end);
    TimeRange range = kind.equals("closed") ? TimeRange.closed(s, e) : TimeRange.halfOpen(s, e);
    assertEquals(
        List.of(List.of(1L, firstEnd), List.of(firstEnd + 1, 1000L)),
        asLists(FileLayout.rowidPartsUnlessIndexed(f, range, 2)));
  }

  private Path fileWithRowids(long... rowids) throws Exception {
    TestDb db = new TestDb();
    for (int i = 0; i < rowids.length; i++) {
      db.row(
          "slot1@h",
          "GPU-" + i,
          "Claimed",
          "NVIDIA L40S",
          "",
          "h",
          "u",
          String.format("2025-10-01 00:%02d:00.000000", i));
    }
    return db.writeWithRowids(dir.resolve("gpu_state_2025-10.db"), rowids);
  }

  private static final TimeRange OCTOBER =
      TimeRange.halfOpen(
          Timestamps.parseUser("2025-10-01 00:00:00"), Timestamps.parseUser("2025-11-01 00:00:00"));

  @Test
  void aFileWhoseRowidsAreAllBelowOneIsSplitToo() throws Exception {
    Path f = fileWithRowids(-10, -9, -8, -7, -6, -5, -4, -3, -2, -1);
    assertEquals(
        List.of(List.of(-10L, -6L), List.of(-5L, -1L)),
        asLists(FileLayout.rowidPartsUnlessIndexed(f, OCTOBER, 2)));
  }

  @Test
  void aFileWithTheLargestRowidIsReadAsOnePart() throws Exception {
    Path f = fileWithRowids(1, 2, 3, Long.MAX_VALUE);
    assertEquals(
        List.of(List.of(1L, Long.MAX_VALUE)),
        asLists(FileLayout.rowidPartsUnlessIndexed(f, OCTOBER, 2)));
  }

  @Test
  void anEmptyFileIsNotSplit() throws Exception {
    assertNull(FileLayout.rowidPartsUnlessIndexed(fileWithRowids(), OCTOBER, 2));
  }

  @Test
  void anIndexedFileIsSplitByTimeInstead() throws Exception {
    Path f = fileWithTimes("2025-10-01 00:00:00.000000", "2025-10-01 00:15:00.000000");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      s.execute("CREATE INDEX idx_gpu_state_timestamp ON gpu_state(timestamp)");
    }
    assertNull(FileLayout.rowidPartsUnlessIndexed(f, TimeRange.closed(0, Long.MAX_VALUE), 2));
  }
}
