package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;

/** What a fold has seen of a window's rows: counts and the first and last timestamps. */
public final class RowsSeen {
  private long rows;
  private long excluded;
  private long first;
  private long last;

  /**
   * Counts the next chunk of a fold whose rows are classified with {@code classes}; false when it
   * has no row (nothing to fold). A chunk of another rule set's classes is a programming error.
   */
  boolean accept(ClassCatalogue classes, ClassifiedRows chunk) {
    if (!classes.equals(chunk.classes().catalogue())) {
      throw new IllegalArgumentException("chunk classified with another rule set's classes");
    }
    if (chunk.size() == 0) {
      return false;
    }
    add(chunk);
    return true;
  }

  /** Counts a chunk of rows (after every row counted before). */
  void add(ClassifiedRows chunk) {
    long[] ts = chunk.timestamps();
    if (ts.length == 0) {
      return;
    }
    if (rows == 0) {
      first = ts[0];
    }
    last = ts[ts.length - 1];
    rows += ts.length;
    excluded += chunk.rowsExcluded();
  }

  /** Counts rows summed up elsewhere, after every row counted before. */
  void append(long moreRows, long moreExcluded, long firstTs, long lastTs) {
    if (moreRows == 0) {
      return;
    }
    if (rows == 0) {
      first = firstTs;
    }
    last = lastTs;
    rows += moreRows;
    excluded += moreExcluded;
  }

  long rows() {
    return rows;
  }

  long excluded() {
    return excluded;
  }

  long first() {
    return first;
  }

  long last() {
    return last;
  }
}
