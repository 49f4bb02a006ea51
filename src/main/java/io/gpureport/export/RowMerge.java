package io.gpureport.export;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges the {@link FileCursor}s of one month into load order (docs/metrics.md, "Load order"):
 * timestamp, then the source file's month, then rowid. Holds one row per file.
 */
final class RowMerge {
  private static final Comparator<FileCursor> BY_HEAD =
      Comparator.<FileCursor>comparingLong(c -> c.peek().micros)
          .thenComparingInt(c -> c.peek().source)
          .thenComparingLong(c -> c.peek().rowid);

  private final PriorityQueue<FileCursor> heads = new PriorityQueue<>(BY_HEAD);

  RowMerge(List<FileCursor> cursors) {
    for (FileCursor c : cursors) {
      if (c.peek() != null) {
        heads.add(c);
      }
    }
  }

  /** The next row in load order; null when every cursor is done. */
  ExportRow next() {
    FileCursor c = heads.poll();
    if (c == null) {
      return null;
    }
    ExportRow r = c.take();
    if (c.peek() != null) {
      heads.add(c);
    }
    return r;
  }
}
