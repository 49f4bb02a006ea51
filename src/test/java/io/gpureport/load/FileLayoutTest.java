package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
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

  @ParameterizedTest(name = "rowids [{0},{1}) window [{2},{3}) in {4}")
  @CsvSource({
      "1, 4000001, 3900001, 4000001, 2", // a 24-hour window at the end of a month
      "1, 4000001, 3000001, 4000001, 2", // 7 days
      "1, 4000001, 1, 4000001, 2",       // the whole month
      "1, 4000001, 4000001, 4000001, 2", // an empty window
      "1, 4000001, 1, 100001, 3",        // the first day, three threads
      "1, 4000001, 2000001, 2100001, 4", // a day in the middle, four threads
      "5, 9, 6, 7, 2",                   // a tiny file
      "1, 2, 1, 2, 2"})                  // a single row: one part
  void partsCoverEveryRowidOnceWithEqualWork(long lo, long end, long windowLo, long windowEnd, int n) {
    List<long[]> parts = FileLayout.split(lo, end, windowLo, windowEnd, n);
    assertTrue(parts.size() >= 1 && parts.size() <= n, "parts: " + parts.size());
    assertEquals(lo, parts.get(0)[0]);
    assertEquals(end - 1, parts.get(parts.size() - 1)[1]);
    for (int i = 1; i < parts.size(); i++) {
      assertEquals(parts.get(i - 1)[1] + 1, parts.get(i)[0], "contiguous at " + i);
    }
    long total = work(lo, end, windowLo, windowEnd);
    long share = total / n;
    for (long[] p : parts) {
      assertTrue(p[0] <= p[1], "non-empty");
      long w = work(p[0], p[1] + 1, windowLo, windowEnd);
      assertTrue(Math.abs(w - share) <= 1 + FileLayout.FETCH_COST || parts.size() < n,
          "work " + w + " vs share " + share);
    }
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
      "2025-11-01 00:00:00, open, closed, 500"})
  void theWindowIsFoundByABinarySearchOverRowids(String start, String end, String kind, long firstEnd)
      throws Exception {
    Path f = oneRowAMinute();
    long s = Timestamps.parseUser(start);
    long e = end.equals("open") ? Long.MAX_VALUE : Timestamps.parseUser(end);
    TimeRange range = kind.equals("closed") ? TimeRange.closed(s, e) : TimeRange.halfOpen(s, e);
    assertEquals(List.of(List.of(1L, firstEnd), List.of(firstEnd + 1, 1000L)),
        asLists(FileLayout.rowidPartsUnlessIndexed(f, range, 2)));
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
