package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.TestDb;
import io.gpureport.collect.CollectedTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The collector's PreventJobsReason column (CORRECTED.md, F8) through {@link Projection#CORRECTED}:
 * read where a file has the column, NULL and not recorded where it has not, per row across a window
 * of a legacy 12-column file and a 14-column one, whole or in pieces; the other projections still
 * read the legacy files.
 */
class PreventJobsReasonTest {
  private static final long DAY = 24 * Timestamps.MICROS_PER_HOUR;

  private static final TimeRange WINDOW =
      TimeRange.closed(t("2025-09-30 12:00:00"), t("2025-10-01 12:00:00"));

  /** The window's September rows (12 columns: PreventJobsReason NULL, not recorded). */
  private static final List<String> SEPTEMBER =
      List.of(
          "2025-09-30 23:00:00|slot1@a|GPU-1|Claimed|ProjA|null|false",
          "2025-09-30 23:00:00|slot2@a|GPU-2|Drained||null|false",
          "2025-09-30 23:00:00|backfill1@b|GPU-3|Other|null|null|false",
          "2025-10-01 00:05:00|slot1@a|GPU-1|Other|ProjA|null|false");

  /** The window's October rows (14 columns: recorded, whatever the value). */
  private static final List<String> OCTOBER =
      List.of(
          "2025-10-01 00:00:00|slot2@a|GPU-2|Drained||Node maintenance|true",
          "2025-10-01 00:00:00|slot1@a|GPU-1|Claimed|ProjA,ProjB|null|true",
          "2025-10-01 00:10:00|slot2@a|GPU-2|Drained||Node maintenance|true",
          "2025-10-01 00:10:00|slot1@a|GPU-1|Other|ProjA,ProjB||true",
          "2025-10-01 00:10:00|backfill1@b|GPU-3|Unclaimed|null|Retiring|true");

  @TempDir Path dir;

  private static long t(String text) {
    return Timestamps.parseUser(text);
  }

  @BeforeEach
  void files() throws Exception {
    // September, as the legacy collector wrote it, holds a row of October 1st stored after its
    // last snapshot, and one before the window
    new TestDb()
        .row(
            "slot1@a",
            "GPU-1",
            "Claimed",
            "NVIDIA H100",
            "ProjA",
            "a",
            "amy",
            "2025-09-29 23:00:00")
        .row(
            "slot1@a",
            "GPU-1",
            "Claimed",
            "NVIDIA H100",
            "ProjA",
            "a",
            "amy",
            "2025-09-30 23:00:00")
        .row("slot2@a", "GPU-2", "Drained", "NVIDIA H100", "", "a", null, "2025-09-30 23:00:00")
        .row("backfill1@b", "GPU-3", "Owner", "NVIDIA L40S", null, "b", null, "2025-09-30 23:00:00")
        .row(
            "slot1@a",
            "GPU-1",
            "Preempting",
            "NVIDIA H100",
            "ProjA",
            "a",
            null,
            "2025-10-01 00:05:00")
        .write(dir.resolve("gpu_state_2025-09.db"));
    Path october = dir.resolve("gpu_state_2025-10.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + october);
        Statement s = c.createStatement()) {
      s.execute(CollectedTable.CREATE_TABLE);
    }
    insert(october, "slot2@a", "GPU-2", "Drained", "", "2025-10-01 00:00:00", "Node maintenance");
    insert(october, "slot1@a", "GPU-1", "Claimed", "ProjA,ProjB", "2025-10-01 00:00:00", null);
    insert(october, "slot2@a", "GPU-2", "Drained", "", "2025-10-01 00:10:00", "Node maintenance");
    insert(october, "slot1@a", "GPU-1", null, "ProjA,ProjB", "2025-10-01 00:10:00", "");
    insert(october, "backfill1@b", "GPU-3", "Unclaimed", null, "2025-10-01 00:10:00", "Retiring");
    insert(october, "slot1@a", "GPU-1", "Claimed", "ProjA", "2025-10-02 00:00:00", "Later");
  }

  /** Appends a row to a 14-column file, with the collector's insert. */
  private static void insert(
      Path file,
      String name,
      String gpu,
      String state,
      String projects,
      String timestamp,
      String reason)
      throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps = c.prepareStatement(CollectedTable.INSERT)) {
      Object[] values = {
        name,
        gpu,
        "",
        state,
        "NVIDIA H100",
        81920,
        projects,
        null,
        name.substring(name.indexOf('@') + 1),
        null,
        null,
        timestamp,
        reason,
        104857600
      };
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.executeUpdate();
    }
  }

  private static void index(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(GpuStateTable.CREATE_INDEX);
    }
  }

  /** Timestamp, Name, GPU, State, PrioritizedProjects, PreventJobsReason, recorded per row. */
  private static List<String> rows(SlotTable t) {
    SlotTable.Dictionaries d = t.dictionaries();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(
          Timestamps.formatSeconds(t.timestamps().getLong(i))
              + "|"
              + d.names().value(t.codes(SlotTable.NAME).getInt(i))
              + "|"
              + d.gpus().value(t.codes(SlotTable.GPU).getInt(i))
              + "|"
              + d.states().value(t.codes(SlotTable.STATE).getInt(i))
              + "|"
              + d.projects().value(t.codes(SlotTable.PROJECTS).getInt(i))
              + "|"
              + d.reasons().value(t.codes(SlotTable.PREVENT).getInt(i))
              + "|"
              + t.preventRecorded().get(i));
    }
    return out;
  }

  private static List<String> sorted(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort((x, y) -> x.substring(0, 19).compareTo(y.substring(0, 19))); // stable
    return all;
  }

  @ParameterizedTest(name = "{0} threads, index on October: {1}")
  @CsvSource({"1, false", "3, false", "1, true", "3, true"})
  void aWindowOverALegacyAndANewFileReadsTheColumnWhereRecorded(int threads, boolean indexed)
      throws Exception {
    if (indexed) {
      index(dir.resolve("gpu_state_2025-10.db"));
    }
    SlotSource source = SlotSource.open(null, dir, threads);
    List<Segment> segments = source.segmentsFor(WINDOW);
    assertEquals(2, segments.size());
    // one chunk: load order interleaves the files' rows (September's 00:05 row between October's)
    assertEquals(
        sorted(SEPTEMBER, OCTOBER), rows(source.load(segments, WINDOW, Projection.CORRECTED)));
    // time chunks, each over both files
    TimeRange early = TimeRange.halfOpen(WINDOW.start(), t("2025-10-01 00:05:00"));
    TimeRange late = TimeRange.closed(t("2025-10-01 00:05:00"), WINDOW.end());
    List<String> chunks = rows(source.load(segments, early, Projection.CORRECTED));
    chunks.addAll(rows(source.load(segments, late, Projection.CORRECTED)));
    assertEquals(sorted(SEPTEMBER, OCTOBER), chunks);
    // pieces of each segment: two stored rows or six hours each
    assertEquals(SEPTEMBER, byPieces(source, segments.get(0)));
    assertEquals(OCTOBER, byPieces(source, segments.get(1)));
  }

  /** A segment's rows of the window, read in pieces, whole snapshots held back between them. */
  private static List<String> byPieces(SlotSource source, Segment segment) {
    List<Piece> pieces = source.pieces(segment, WINDOW, false, 2, DAY / 4).orElseThrow();
    assertTrue(pieces.size() > 1, "pieces: " + pieces);
    List<String> plain = new ArrayList<>();
    List<String> whole = new ArrayList<>();
    WholeSnapshots snapshots = new WholeSnapshots();
    for (Piece p : pieces) {
      plain.addAll(rows(source.load(p, Projection.CORRECTED, LoadProgress.silent())));
      SlotTable next =
          snapshots.next(source.load(p, Projection.CORRECTED, LoadProgress.silent())).orElseThrow();
      whole.addAll(rows(next));
    }
    whole.addAll(rows(snapshots.rest()));
    assertEquals(plain, whole, "whole snapshots");
    return plain;
  }

  @Test
  void aFileWithoutTheColumnLoadsAsNotRecorded() {
    SlotSource source = SlotSource.open(null, dir, 1);
    Segment september = source.segmentsFor(WINDOW).get(0);
    SlotTable t = source.load(List.of(september), WINDOW, Projection.CORRECTED);
    assertEquals(SEPTEMBER, rows(t));
    assertTrue(t.hasPrevent());
    assertEquals(0, t.dictionaries().reasons().size());
    // an empty load has the columns too
    TimeRange none = TimeRange.closed(t("2025-09-01 00:00:00"), t("2025-09-01 01:00:00"));
    SlotTable empty = source.load(List.of(september), none, Projection.CORRECTED);
    assertEquals(0, empty.preventRecorded().size());
  }

  @Test
  void theColumnNameIsMatchedIgnoringCaseAsSqliteDoes() throws Exception {
    Path single = dir.resolve("lower.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + single);
        Statement s = c.createStatement()) {
      s.execute(CollectedTable.CREATE_TABLE.replace("\"PreventJobsReason\"", "preventjobsreason"));
    }
    insert(single, "slot2@a", "GPU-2", "Drained", "", "2025-10-01 00:00:00", "Node maintenance");
    SlotSource source = SlotSource.open(single, null, 1);
    assertEquals(
        List.of(OCTOBER.get(0)),
        rows(source.load(source.segmentsFor(WINDOW), WINDOW, Projection.CORRECTED)));
  }

  @Test
  void theReferenceProjectionsStillReadLegacyFilesWithoutTheColumn() {
    SlotSource source = SlotSource.open(null, dir, 2);
    List<Segment> segments = source.segmentsFor(WINDOW);
    for (Projection p : List.of(Projection.ALLOCATION, Projection.ALLOCATION_WITH_NAMES)) {
      SlotTable t = source.load(segments, WINDOW, p);
      assertEquals(9, t.rowCount(), p.toString());
      assertFalse(t.hasPrevent());
      assertThrows(IllegalStateException.class, t::preventRecorded);
      List<String> states = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        states.add(t.dictionaries().states().value(t.codes(SlotTable.STATE).getInt(i)));
      }
      assertEquals(
          List.of(
              "Claimed",
              "Other",
              "Other",
              "Other",
              "Claimed",
              "Other",
              "Other",
              "Other",
              "Unclaimed"),
          states,
          "Drained is Other for the reference rules");
    }
    SlotTable legacy =
        source.load(
            List.of(segments.get(0)), WINDOW, Projection.ALLOCATION, null, LoadProgress.silent());
    assertEquals(4, legacy.rowCount());
  }
}
