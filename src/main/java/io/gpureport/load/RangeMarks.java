package io.gpureport.load;

import java.util.List;

/**
 * A SQLite file's rows of some time ranges as its timestamp index counts them, and the file's
 * largest rowid (docs/decisions/0005-rollups.md, "Validity per day"): what tells, without reading
 * the rows, that rows were added to or removed from a range.
 */
public record RangeMarks(List<Mark> marks, long lastRowid) {
  /** Copies the list. */
  public RangeMarks {
    marks = List.copyOf(marks);
  }

  /**
   * The rows of one range as the loader selects them, and the largest rowid among them (0: none).
   */
  public record Mark(long rows, long maxRowid) {}
}
