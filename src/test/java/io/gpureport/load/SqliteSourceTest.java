package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite files through the {@link SlotSource} interface: a segment per monthly file, the newest
 * row, spans that let a chunk skip a segment, and loads across segments in load order.
 */
class SqliteSourceTest {
  @TempDir Path dir;

  private SlotSource source;

  private static long t(String text) {
    return Timestamps.parseUser(text);
  }

  private static TestDb rows(String... timestamps) {
    TestDb db = new TestDb();
    for (String ts : timestamps) {
      db.row("slot1@m", "GPU-" + ts.hashCode(), "Claimed", "NVIDIA A100", "", "m", "amy", ts);
    }
    return db;
  }

  @BeforeEach
  void files() throws Exception {
    // September holds a row of October 1st; October's rows are not stored in time order;
    // November has no row
    rows("2025-09-30 23:00:00", "2025-10-01 00:10:00").write(dir.resolve("gpu_state_2025-09.db"));
    rows("2025-10-03 12:00:00", "2025-10-02 12:00:00").write(dir.resolve("gpu_state_2025-10.db"));
    rows().write(dir.resolve("gpu_state_2025-11.db"));
    source = SlotSource.open(null, dir, 2);
  }

  private Segment month(String yearMonth) {
    return new Segment(dir.resolve("gpu_state_" + yearMonth + ".db").toString());
  }

  @Test
  void segmentsForARangeAreItsMonthsFilesInMonthOrder() {
    assertEquals(
        List.of(month("2025-09"), month("2025-10")),
        source.segmentsFor(TimeRange.closed(t("2025-09-15 00:00:00"), t("2025-10-15 00:00:00"))));
    assertEquals(
        List.of(month("2025-11")),
        source.segmentsFor(TimeRange.closed(t("2025-11-01 00:00:00"), t("2025-11-02 00:00:00"))));
    assertEquals(
        List.of(),
        source.segmentsFor(TimeRange.closed(t("2025-12-01 00:00:00"), t("2025-12-02 00:00:00"))));
  }

  @Test
  void theNewestRowIsTheLastInsertedOfTheNewestNonEmptySegment() {
    NewestRow newest = source.lastInserted().orElseThrow();
    assertEquals(month("2025-10"), newest.segment());
    assertEquals(t("2025-10-02 12:00:00"), newest.timestamp(), "last inserted, not the newest");
    assertEquals(OptionalLong.of(t("2025-10-03 12:00:00")), source.defaultEndTime());
  }

  @Test
  void spansLetAChunkSkipTheSegmentsThatCannotHoldIt() {
    Span september = source.span(month("2025-09"));
    Span october = source.span(month("2025-10"));
    TimeRange oct1 = TimeRange.halfOpen(t("2025-10-01 00:00:00"), t("2025-10-01 01:00:00"));
    TimeRange oct2 = TimeRange.halfOpen(t("2025-10-02 00:00:00"), t("2025-10-03 00:00:00"));
    TimeRange sep29 = TimeRange.closed(t("2025-09-29 00:00:00"), t("2025-09-29 01:00:00"));
    assertTrue(september.mayHold(oct1, false), "its row of October 1st");
    assertFalse(september.mayHold(oct2, false));
    assertFalse(october.mayHold(oct1, false));
    assertTrue(october.mayHold(oct2, false));
    assertFalse(october.mayHold(sep29, false));
    assertTrue(october.mayHold(sep29, true), "no upper bound");
    assertFalse(
        october.mayHold(TimeRange.closed(t("2025-10-03 12:00:01"), t("2025-10-04 00:00:00")), true),
        "after its newest row");
    assertSame(Span.NONE, source.span(month("2025-11")));
  }

  @Test
  void loadsReadEverySegmentsRowsOfTheRangeInTimeOrder() {
    List<Segment> both = List.of(month("2025-09"), month("2025-10"));
    assertEquals(
        List.of(t("2025-10-01 00:10:00"), t("2025-10-02 12:00:00"), t("2025-10-03 12:00:00")),
        timestamps(
            source.load(
                both,
                TimeRange.closed(t("2025-10-01 00:00:00"), t("2025-10-31 00:00:00")),
                Projection.ALLOCATION)));
    TimeRange evening = TimeRange.closed(t("2025-09-30 22:00:00"), t("2025-09-30 23:30:00"));
    assertEquals(
        List.of(t("2025-09-30 23:00:00")),
        timestamps(source.load(both, evening, Projection.ALLOCATION)));
    assertEquals(
        List.of(t("2025-09-30 23:00:00"), t("2025-10-01 00:10:00")),
        timestamps(
            source.load(
                List.of(month("2025-09")),
                evening,
                Projection.ALLOCATION,
                month("2025-09"),
                LoadProgress.silent())),
        "the open-end segment is read without upper bound");
  }

  @Test
  void aSegmentOfAnotherSourceIsRefused() {
    Segment elsewhere = new Segment(dir.resolve("other/gpu_state_2025-10.db").toString());
    assertThrows(IllegalArgumentException.class, () -> source.span(elsewhere));
  }

  private static List<Long> timestamps(SlotTable table) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < table.rowCount(); i++) {
      out.add(table.timestamps().getLong(i));
    }
    return out;
  }
}
