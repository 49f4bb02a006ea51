package io.gpureport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.load.Insertions;
import io.gpureport.load.LoadProgress;
import io.gpureport.load.NewestRow;
import io.gpureport.load.Piece;
import io.gpureport.load.Projection;
import io.gpureport.load.Segment;
import io.gpureport.load.SlotSource;
import io.gpureport.load.SlotTable;
import io.gpureport.load.Span;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How a window is cut into chunks and which segments each reads, against a source that only answers
 * the planning questions (docs/decisions/0002-engine.md).
 */
class ChunkPlanTest {
  private static final long HOUR = Timestamps.MICROS_PER_HOUR;
  private static final long DAY = 24 * HOUR;
  private static final Segment A = new Segment("a");
  private static final Segment B = new Segment("b");
  private static final long BUDGET = 2_000_000;

  /** Segments with spans {@code [min, max]} and insertions; records the questions asked. */
  private static final class Planned implements SlotSource {
    final Map<Segment, long[]> spans;
    final Map<Segment, Insertions> insertions;
    final List<String> asked = new ArrayList<>();
    final Set<Segment> uncut = new HashSet<>();

    Planned(Map<Segment, long[]> spans, Map<Segment, Insertions> insertions) {
      this.spans = spans;
      this.insertions = insertions;
    }

    @Override
    public List<Segment> segmentsFor(TimeRange range) {
      return List.of(A, B);
    }

    @Override
    public Optional<NewestRow> lastInserted() {
      throw new UnsupportedOperationException();
    }

    @Override
    public OptionalLong defaultEndTime() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Insertions insertions(Segment segment) {
      asked.add("insertions " + segment);
      return insertions.get(segment);
    }

    @Override
    public Span span(Segment segment) {
      asked.add("span " + segment);
      long[] s = spans.get(segment);
      return (range, openEnd) ->
          s[1] >= range.start()
              && (openEnd || (range.endInclusive() ? s[0] <= range.end() : s[0] < range.end()));
    }

    /** Two pieces named after the question; none for an uncut segment. */
    @Override
    public Optional<List<Piece>> pieces(
        Segment segment, TimeRange window, boolean openEnd, long maxRows, long maxMicros) {
      String question =
          "pieces " + segment + (openEnd ? " open" : "") + " " + maxRows + " " + maxMicros / HOUR;
      asked.add(question);
      if (uncut.contains(segment)) {
        return Optional.empty();
      }
      return Optional.of(List.of(new Named(segment, question + " #1"), new Named(segment, "#2")));
    }

    @Override
    public SlotTable load(Piece piece, Projection projection, LoadProgress progress) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SlotTable load(
        List<Segment> segments,
        TimeRange range,
        Projection projection,
        Segment openEndSegment,
        LoadProgress progress) {
      throw new UnsupportedOperationException();
    }
  }

  private record Named(Segment segment, String name) implements Piece {}

  private static List<ChunkPlan.Chunk> chunks(ChunkPlan plan) {
    List<ChunkPlan.Chunk> out = new ArrayList<>();
    plan.forEach(out::add);
    return out;
  }

  @Test
  void aWindowOfAtMostThreeDaysIsOneChunkOfEverySegmentWithoutQuestions() {
    Planned source = new Planned(Map.of(), Map.of());
    TimeRange window = TimeRange.closed(0, 3 * DAY);
    ChunkPlan plan = ChunkPlan.of(source, window, List.of(A, B), B, null, BUDGET, new StageTimer());
    assertTrue(plan.single());
    assertEquals(List.of(new ChunkPlan.Chunk(window, List.of(A, B), B, true)), chunks(plan));
    assertEquals(List.of(), source.asked);
  }

  @Test
  void aLongerWindowWhoseSegmentsHoldFewRowsIsOneChunkWithoutSpans() {
    Insertions few = new Insertions(1000, DAY);
    Planned source = new Planned(Map.of(), Map.of(A, few, B, few));
    TimeRange window = TimeRange.closed(0, 30 * DAY);
    ChunkPlan plan =
        ChunkPlan.of(source, window, List.of(A, B), null, null, BUDGET, new StageTimer());
    assertTrue(plan.single());
    assertEquals(List.of(new ChunkPlan.Chunk(window, List.of(A, B), null, true)), chunks(plan));
    assertEquals(List.of("insertions a", "insertions b"), source.asked);
  }

  @Test
  void theDefaultChunkGrowsToTheRowBudgetAtTheDensestRateFromThreeDays() {
    long budget = 2_000_000;
    // 400,000 rows a day: five days
    assertEquals(
        5 * DAY,
        ChunkPlan.defaultChunk(
            List.of(new Insertions(4_000_000, 10 * DAY), new Insertions(100_000, 10 * DAY)),
            budget));
    // 1,000,000 rows a day would be two days: never below three
    assertEquals(
        3 * DAY, ChunkPlan.defaultChunk(List.of(new Insertions(10_000_000, 10 * DAY)), budget));
    // an unknown rate: three days
    assertEquals(3 * DAY, ChunkPlan.defaultChunk(List.of(new Insertions(3_000_000, -1)), budget));
    // within the budget: the whole window
    assertEquals(
        Long.MAX_VALUE, ChunkPlan.defaultChunk(List.of(new Insertions(2_000_000, DAY)), budget));
  }

  @Test
  void eachChunkReadsOnlyTheSegmentsWhoseSpanMayHoldItAndTheOpenEndOnlyLast() {
    // a: hours 0-4; b: hours 7-11, read without upper bound
    Planned source =
        new Planned(
            Map.of(A, new long[] {0, 4 * HOUR}, B, new long[] {7 * HOUR, 11 * HOUR}), Map.of());
    TimeRange window = TimeRange.closed(0, 10 * HOUR);
    ChunkPlan plan =
        ChunkPlan.of(source, window, List.of(A, B), B, 3 * HOUR, BUDGET, new StageTimer());
    List<ChunkPlan.Chunk> chunks = chunks(plan);
    assertEquals(
        List.of(
            new ChunkPlan.Chunk(TimeRange.halfOpen(0, 3 * HOUR), List.of(A), null, false),
            new ChunkPlan.Chunk(TimeRange.halfOpen(3 * HOUR, 6 * HOUR), List.of(A), null, false),
            new ChunkPlan.Chunk(TimeRange.halfOpen(6 * HOUR, 9 * HOUR), List.of(B), null, false),
            new ChunkPlan.Chunk(TimeRange.closed(9 * HOUR, 10 * HOUR), List.of(B), B, true)),
        chunks);
    assertEquals(List.of("span a", "span b"), source.asked, "one span query per segment");
    assertEquals(6 * HOUR, plan.covered(chunks.get(1)));
    assertEquals(10 * HOUR, plan.covered(chunks.get(3)));
  }

  @Test
  void aChunkNoSegmentMayHoldReadsNothing() {
    Planned source =
        new Planned(Map.of(A, new long[] {0, HOUR}, B, new long[] {9 * HOUR, 9 * HOUR}), Map.of());
    ChunkPlan plan =
        ChunkPlan.of(
            source,
            TimeRange.closed(0, 10 * HOUR),
            List.of(A, B),
            null,
            4 * HOUR,
            BUDGET,
            new StageTimer());
    List<ChunkPlan.Chunk> chunks = chunks(plan);
    assertEquals(3, chunks.size());
    assertEquals(List.of(), chunks.get(1).segments());
    assertNull(chunks.get(2).openEnd());
    assertEquals(List.of(B), chunks.get(2).segments());
  }

  @Test
  void storedOrderPiecesAreEachSegmentsPiecesInLoadOrderWithoutSpans() {
    // 1,000,000 rows a day in each segment, a budget of 3,000,000: three-day chunks, 30 days, and
    // pieces of half the budget
    Insertions dense = new Insertions(10_000_000, 10 * DAY);
    Planned source = new Planned(Map.of(), Map.of(A, dense, B, dense));
    TimeRange window = TimeRange.closed(0, 30 * DAY);
    ChunkPlan plan =
        ChunkPlan.of(source, window, List.of(A, B), B, null, 3_000_000, new StageTimer());
    assertFalse(plan.single());
    List<Piece> pieces = plan.pieces().orElseThrow();
    assertEquals(
        List.of(
            new Named(A, "pieces a 1500000 72 #1"),
            new Named(A, "#2"),
            new Named(B, "pieces b open 1500000 72 #1"),
            new Named(B, "#2")),
        pieces);
    assertEquals(
        List.of("insertions a", "insertions b", "pieces a 1500000 72", "pieces b open 1500000 72"),
        source.asked,
        "no span query: it scans a file without an index");
  }

  @Test
  void aSegmentThatCannotBeCutGivesNoPieces() {
    Insertions dense = new Insertions(10_000_000, 10 * DAY);
    Planned source = new Planned(Map.of(), Map.of(A, dense, B, dense));
    source.uncut.add(B);
    ChunkPlan plan =
        ChunkPlan.of(
            source,
            TimeRange.closed(0, 30 * DAY),
            List.of(A, B),
            null,
            null,
            BUDGET,
            new StageTimer());
    assertEquals(Optional.empty(), plan.pieces());
  }
}
