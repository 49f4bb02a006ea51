package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;

/**
 * One analysis of a window as a fold over its classified chunks, added in time order with no
 * snapshot split between two (docs/decisions/0002-engine.md): the reference rules' {@link
 * ReportFold}, the corrected rules' {@link CorrectedFold}, or the rule effects of {@code
 * --explain-rules} ({@link RuleEffectsFold}).
 */
public sealed interface WindowFold
    permits ReportFold, CorrectedFold, RuleEffectsFold, HostsFold, UsersFold, TimelineFold {
  /** Adds the next chunk of the window (rows after every row added before). */
  void add(ClassifiedRows chunk);

  /** A new fold of the same analysis, with nothing added: to start a window again. */
  WindowFold emptyCopy();

  /** What the fold has seen of the rows. */
  RowsSeen seen();

  /** Rows added. */
  default long rows() {
    return seen().rows();
  }

  /** Rows added that an exclusion matched. */
  default long rowsExcluded() {
    return seen().excluded();
  }

  /** The first row's timestamp (load order); only with rows. */
  default long firstTimestamp() {
    return seen().first();
  }

  /** The last row's timestamp (load order); only with rows. */
  default long lastTimestamp() {
    return seen().last();
  }

  /** The number of distinct 15-minute buckets of the rows added. */
  int bucketCount();
}
