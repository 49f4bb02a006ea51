package io.gpureport.classify;

/**
 * What a rule set decides for one row: its reporting class, the primary class its PP and CHTC tests
 * select (also for a backfill row; docs/metrics.md, "State variants"), its legacy class and its
 * dedup rank (docs/metrics.md, "Rank"); class values are catalogue indices.
 */
public record RowClass(int reporting, int primary, int legacy, int rank) {}
