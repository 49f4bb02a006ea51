package io.gpureport.report;

import io.gpureport.load.Insertions;
import io.gpureport.load.Piece;
import io.gpureport.load.Segment;
import io.gpureport.load.SlotSource;
import io.gpureport.load.Span;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chunks a window is folded in, in time order, and the segments each reads
 * (docs/decisions/0002-engine.md): half-open chunks of one length, the last keeping the window's
 * end; each reads the window's segments whose span may hold its rows, and the open-end segment (if
 * any) without upper bound in the last chunk only.
 */
final class ChunkPlan implements Iterable<ChunkPlan.Chunk> {
  /**
   * The most rows a default chunk may hold: chunks grow from three days to {@link #chunkRows} rows
   * at the densest segment's rate, so that files without a timestamp index, which every chunk scans
   * whole, are scanned as few times as memory allows (docs/decisions/0002-engine.md).
   */
  static final long DEFAULT_CHUNK_ROWS = 2_000_000;

  /** Heap a chunk's row takes at most while loaded and classified: twice the ~200 B measured. */
  static final long HEAP_BYTES_PER_ROW = 400;

  /** The shortest default chunk: three days, about 450,000 rows of a 750-GPU pool. */
  private static final long MIN_CHUNK_MICROS = 3L * 24 * 3600 * Timestamps.MICROS_PER_SECOND;

  /** One chunk: its range, the segments to read, and the segment read without upper bound. */
  record Chunk(TimeRange range, List<Segment> segments, Segment openEnd, boolean last) {}

  private final SlotSource source;
  private final StageTimer timer;
  private final TimeRange window;
  private final List<Segment> segments;
  private final Segment openEnd;
  private final long chunkMicros;
  private final long chunkRows;
  private Map<Segment, Span> spans;

  private ChunkPlan(
      SlotSource source,
      StageTimer timer,
      TimeRange window,
      List<Segment> segments,
      Segment openEnd,
      long chunkMicros,
      long chunkRows) {
    this.source = source;
    this.timer = timer;
    this.window = window;
    this.segments = segments;
    this.openEnd = openEnd;
    this.chunkMicros = chunkMicros;
    this.chunkRows = chunkRows;
  }

  /**
   * The plan for reading {@code window} from {@code segments} ({@code openEnd}, if not null,
   * without upper bound): chunks of {@code fixedChunkMicros}, or when null of the default length
   * (three days, grown to {@code chunkRows} rows). The source's facts are fetched under the timer's
   * "load" stage: insertions only for a window of more than three days, spans only when there is
   * more than one chunk and the chunks are read.
   */
  static ChunkPlan of(
      SlotSource source,
      TimeRange window,
      List<Segment> segments,
      Segment openEnd,
      Long fixedChunkMicros,
      long chunkRows,
      StageTimer timer) {
    long length = window.end() - window.start();
    long chunkMicros =
        fixedChunkMicros != null
            ? fixedChunkMicros
            : length <= MIN_CHUNK_MICROS
                ? MIN_CHUNK_MICROS
                : timer.time(
                    "load",
                    () ->
                        defaultChunk(
                            segments.stream().map(source::insertions).toList(), chunkRows));
    return new ChunkPlan(
        source, timer, window, List.copyOf(segments), openEnd, chunkMicros, chunkRows);
  }

  /**
   * The stored-order pieces of the window (docs/decisions/0002-engine.md, "Stored-order pieces"):
   * segment by segment in load order, each cut by the source into pieces of at most {@link
   * #pieceRows} stored rows (parts of its stored order) or of the chunk's length (time ranges); the
   * open-end segment without upper bound. Empty when a segment cannot be cut so. Fetched under the
   * "load" stage.
   */
  Optional<List<Piece>> pieces() {
    return timer.time(
        "load",
        () -> {
          List<Piece> out = new ArrayList<>();
          for (Segment s : segments) {
            Optional<List<Piece>> p =
                source.pieces(s, window, s.equals(openEnd), pieceRows(chunkRows), chunkMicros);
            if (p.isEmpty()) {
              return Optional.empty();
            }
            out.addAll(p.get());
          }
          return Optional.of(List.copyOf(out));
        });
  }

  /**
   * The default chunk for a window of more than three days: the whole window when its segments hold
   * at most {@code chunkRows} rows in all, else three days grown to that many rows at the densest
   * segment's rate, from its {@link Insertions} (an upper bound of the true rate, so a chunk never
   * holds more rows than that; no scan of files without an index).
   */
  static long defaultChunk(List<Insertions> insertions, long chunkRows) {
    long rows = 0;
    double densest = 0;
    boolean unknown = false;
    for (Insertions in : insertions) {
      rows += in.rows();
      if (in.micros() > 0) {
        densest = Math.max(densest, in.rows() / (double) in.micros());
      } else {
        unknown |= in.rows() > 1;
      }
    }
    if (rows <= chunkRows) {
      return Long.MAX_VALUE;
    }
    long grown = unknown || densest == 0 ? 0 : (long) (chunkRows / densest);
    return Math.max(MIN_CHUNK_MICROS, grown);
  }

  /**
   * The rows of a default chunk for a heap of {@code maxHeapBytes}: {@link #DEFAULT_CHUNK_ROWS}
   * under the launcher's 896 MiB, fewer under a smaller heap.
   */
  static long chunkRows(long maxHeapBytes) {
    return Math.max(1, Math.min(DEFAULT_CHUNK_ROWS, maxHeapBytes / HEAP_BYTES_PER_ROW));
  }

  /**
   * The stored rows of a rowid piece for a chunk budget of {@code chunkRows}: half of it. A piece's
   * rows are rebuilt once more than a chunk's (with the held-back snapshot), and its size, unlike a
   * time chunk's, costs no scan (each piece reads only its own rowids), so a smaller piece is free:
   * about 0.7 GiB peak RSS (738 MiB measured) instead of 0.9 GiB on a year of a 750-GPU pool
   * (docs/benchmarks.md).
   */
  static long pieceRows(long chunkRows) {
    return Math.max(1, chunkRows / 2);
  }

  /** Whether the window is one chunk, which reads every segment (no span is fetched). */
  boolean single() {
    return window.end() - window.start() <= chunkMicros;
  }

  /** Each segment's time span, fetched once: a chunk reads only the segments that may hold it. */
  private Map<Segment, Span> spans() {
    if (spans == null) {
      spans =
          timer.time(
              "load",
              () -> {
                Map<Segment, Span> m = new HashMap<>();
                segments.forEach(s -> m.put(s, source.span(s)));
                return m;
              });
    }
    return spans;
  }

  /** The microseconds of the window that the chunks up to and including {@code chunk} cover. */
  long covered(Chunk chunk) {
    return chunk.last() ? window.end() - window.start() : chunk.range().end() - window.start();
  }

  @Override
  public Iterator<Chunk> iterator() {
    Map<Segment, Span> spans = single() ? null : spans();
    List<TimeRange> ranges = window.split(chunkMicros);
    List<Chunk> chunks = new ArrayList<>();
    for (int k = 0; k < ranges.size(); k++) {
      TimeRange range = ranges.get(k);
      boolean last = k == ranges.size() - 1;
      List<Segment> chosen = new ArrayList<>();
      for (Segment s : segments) {
        if (spans == null || spans.get(s).mayHold(range, last && s.equals(openEnd))) {
          chosen.add(s);
        }
      }
      Segment open = last && chosen.contains(openEnd) ? openEnd : null;
      chunks.add(new Chunk(range, List.copyOf(chosen), open, last));
    }
    return chunks.iterator();
  }
}
