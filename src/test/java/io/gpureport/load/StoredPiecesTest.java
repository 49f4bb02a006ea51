package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment cut into stored-order pieces ({@link SlotSource#pieces}): rowid ranges of a file
 * without an index, time ranges of one with it; and {@link WholeSnapshots}, which turns the pieces'
 * rows into whole snapshots in load order.
 */
class StoredPiecesTest {
  private static final long DAY = 24 * Timestamps.MICROS_PER_HOUR;

  @TempDir Path dir;

  private static long t(String text) {
    return Timestamps.parseUser(text);
  }

  /** Three rows (GPUs a, b, c) per snapshot, one snapshot a day at noon from October 1st. */
  private static TestDb days(int first, int last) {
    TestDb db = new TestDb();
    for (int d = first; d <= last; d++) {
      String ts = String.format("2025-10-%02d 12:00:00", d);
      for (String gpu : List.of("a", "b", "c")) {
        db.row("slot1@m", "GPU-" + gpu, "Claimed", "NVIDIA A100", "", "m", "amy", ts);
      }
    }
    return db;
  }

  private static void index(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(GpuStateTable.CREATE_INDEX);
    }
  }

  private static Segment october(SlotSource source) {
    return source
        .segmentsFor(TimeRange.closed(t("2025-10-01 00:00:00"), t("2025-10-02 00:00:00")))
        .get(0);
  }

  private static List<List<Long>> asLists(List<long[]> ranges) {
    return ranges.stream().map(r -> List.of(r[0], r[1])).toList();
  }

  private static List<Long> timestamps(SlotTable t) {
    List<Long> out = new ArrayList<>();
    for (long ts : t.timestamps().asLongArray()) {
      out.add(ts);
    }
    return out;
  }

  private static List<String> gpus(SlotTable t) {
    List<String> out = new ArrayList<>();
    Dictionary d = t.dictionaries().gpus();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(d.value(t.codes(SlotTable.GPU).getInt(i)));
    }
    return out;
  }

  @Test
  void rowidsAreCutIntoConsecutivePiecesOfAtMostTheBudget() {
    assertEquals(
        List.of(List.of(1L, 4L), List.of(5L, 8L), List.of(9L, 10L)),
        asLists(FileLayout.pieces(1, 10, 4, 100)));
    assertEquals(List.of(List.of(1L, 4L), List.of(5L, 8L)), asLists(FileLayout.pieces(1, 8, 4, 2)));
    assertEquals(List.of(List.of(-3L, -3L)), asLists(FileLayout.pieces(-3, -3, 1, 1)));
    assertEquals(List.of(), FileLayout.pieces(5, 4, 4, 1));
    assertNull(FileLayout.pieces(1, 9, 4, 2), "three pieces, at most two");
    assertNull(FileLayout.pieces(Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, 100));
    assertEquals(
        List.of(List.of(Long.MAX_VALUE - 1, Long.MAX_VALUE)),
        asLists(FileLayout.pieces(Long.MAX_VALUE - 1, Long.MAX_VALUE, 4, 1)));
  }

  @Test
  void aFileWithoutIndexIsCutByRowidAndItsPiecesReadTheWindowOnce() throws Exception {
    Path f = days(1, 10).write(dir.resolve("gpu_state_2025-10.db"));
    SlotSource source = SlotSource.open(null, dir, 2);
    Segment october = october(source);
    TimeRange window = TimeRange.closed(t("2025-10-03 00:00:00"), t("2025-10-08 12:00:00"));
    List<Piece> pieces = source.pieces(october, window, false, 7, DAY).orElseThrow();
    // 30 rowids in pieces of 7: five pieces, cutting snapshots (rowids 7|8 are day 3's b|c)
    assertEquals(5, pieces.size());
    assertEquals(
        october + " [2025-10-03 00:00:00, 2025-10-08 12:00:00] rowids [29, 30]",
        pieces.get(4).toString());
    List<Long> read = new ArrayList<>();
    for (Piece p : pieces) {
      read.addAll(timestamps(source.load(p, Projection.ALLOCATION, LoadProgress.silent())));
    }
    assertEquals(timestamps(source.load(List.of(october), window, Projection.ALLOCATION)), read);
    assertEquals(18, read.size(), "days 3 to 8");
    // the open end reads every row from the start on, in every piece
    List<Long> open = new ArrayList<>();
    for (Piece p : source.pieces(october, window, true, 7, DAY).orElseThrow()) {
      open.addAll(timestamps(source.load(p, Projection.ALLOCATION, LoadProgress.silent())));
    }
    assertEquals(24, open.size(), "days 3 to 10");
    assertTrue(f.toFile().isFile());
  }

  @Test
  void aFileWithTheIndexIsCutByTimeWithinItsSpan() throws Exception {
    Path f = days(5, 9).write(dir.resolve("gpu_state_2025-10.db"));
    index(f);
    SlotSource source = SlotSource.open(null, dir, 2);
    Segment october = october(source);
    TimeRange window = TimeRange.closed(t("2025-10-01 00:00:00"), t("2025-10-08 00:00:00"));
    List<Piece> pieces = source.pieces(october, window, true, 7, 2 * DAY).orElseThrow();
    // two-day pieces from Oct 1st; those of Oct 1-5 cannot hold a row; the last is open
    assertEquals(
        List.of(
            october + " [2025-10-05 00:00:00, 2025-10-07 00:00:00)",
            october + " [2025-10-07 00:00:00, open)"),
        pieces.stream().map(Piece::toString).toList());
    List<Long> read = new ArrayList<>();
    for (Piece p : pieces) {
      read.addAll(timestamps(source.load(p, Projection.ALLOCATION, LoadProgress.silent())));
    }
    assertEquals(15, read.size(), "days 5 to 9, the open end past the window");
  }

  @Test
  void anEmptyFileHasNoPieces() throws Exception {
    days(1, 0).write(dir.resolve("gpu_state_2025-10.db"));
    SlotSource source = SlotSource.open(null, dir, 2);
    Segment october = october(source);
    assertEquals(
        Optional.of(List.of()),
        source.pieces(october, TimeRange.closed(0, Long.MAX_VALUE - 1), false, 7, DAY));
  }

  @Test
  void heldBackSnapshotsComeFirstInTheNextPiecesRows() throws Exception {
    days(1, 4).write(dir.resolve("gpu_state_2025-10.db"));
    SlotSource source = SlotSource.open(null, dir, 1);
    Segment october = october(source);
    TimeRange window = TimeRange.closed(t("2025-10-01 00:00:00"), t("2025-10-05 00:00:00"));
    // pieces of 2 rowids: [a1 b1] [c1 a2] [b2 c2] [a3 b3] [c3 a4] [b4 c4]; each snapshot comes
    // out whole, with the piece after the one that shows its end
    WholeSnapshots snapshots = new WholeSnapshots();
    List<List<String>> out = new ArrayList<>();
    List<Long> newest = new ArrayList<>();
    for (Piece p : source.pieces(october, window, false, 2, DAY).orElseThrow()) {
      SlotTable whole =
          snapshots.next(source.load(p, Projection.ALLOCATION, LoadProgress.silent())).get();
      out.add(gpus(whole));
      newest.add(whole.rowCount() == 0 ? null : whole.timestamps().getLong(whole.rowCount() - 1));
    }
    out.add(gpus(snapshots.rest()));
    assertEquals(
        List.of(
            List.of(),
            List.of("GPU-a", "GPU-b", "GPU-c"),
            List.of(),
            List.of("GPU-a", "GPU-b", "GPU-c"),
            List.of("GPU-a", "GPU-b", "GPU-c"),
            List.of(),
            List.of("GPU-a", "GPU-b", "GPU-c")),
        out);
    assertEquals(t("2025-10-02 12:00:00"), newest.get(3));
  }

  @Test
  void aPieceOlderThanTheHeldSnapshotShowsRowsNotStoredInTimeOrder() throws Exception {
    // day 2's snapshot stored before day 1's
    TestDb db = days(2, 2);
    for (String gpu : List.of("a", "b", "c")) {
      db.row(
          "slot1@m", "GPU-" + gpu, "Claimed", "NVIDIA A100", "", "m", "amy", "2025-10-01 12:00:00");
    }
    db.write(dir.resolve("gpu_state_2025-10.db"));
    SlotSource source = SlotSource.open(null, dir, 2);
    Segment october = october(source);
    TimeRange window = TimeRange.closed(t("2025-10-01 00:00:00"), t("2025-10-05 00:00:00"));
    List<Piece> pieces = source.pieces(october, window, false, 3, DAY).orElseThrow();
    WholeSnapshots snapshots = new WholeSnapshots();
    assertTrue(
        snapshots
            .next(source.load(pieces.get(0), Projection.ALLOCATION, LoadProgress.silent()))
            .isPresent());
    assertEquals(
        Optional.empty(),
        snapshots.next(source.load(pieces.get(1), Projection.ALLOCATION, LoadProgress.silent())));
  }

  @Test
  void aPieceMayStartAtTheHeldSnapshotsTimestampOrBeAllOfIt() {
    SlotTable first = table(1, 1, 2);
    SlotTable second = table(2, 2);
    SlotTable third = table(2, 3);
    WholeSnapshots snapshots = new WholeSnapshots();
    assertEquals(List.of(1L, 1L), timestamps(snapshots.next(first).orElseThrow()));
    assertEquals(List.of(), timestamps(snapshots.next(second).orElseThrow()));
    assertEquals(List.of(2L, 2L, 2L, 2L), timestamps(snapshots.next(third).orElseThrow()));
    assertEquals(List.of(3L), timestamps(snapshots.rest()));
    assertEquals(0, new WholeSnapshots().rest().rowCount());
  }

  /** A table of the given timestamps, each row with GPU id "t" + its timestamp. */
  private static SlotTable table(long... ts) {
    SlotTable t = SlotTable.empty(Projection.ALLOCATION);
    for (long x : ts) {
      t.timestamps().append(x);
      for (String c :
          List.of(
              SlotTable.NAME,
              SlotTable.STATE,
              SlotTable.DEVICE,
              SlotTable.PROJECTS,
              SlotTable.MACHINE,
              SlotTable.OWNER)) {
        t.codes(c).append(Dictionary.NULL);
      }
      t.codes(SlotTable.GPU).append(t.dictionaries().gpus().encode("t" + x));
      t.numbers(SlotTable.MEMORY).append(Double.NaN);
    }
    return t;
  }
}
