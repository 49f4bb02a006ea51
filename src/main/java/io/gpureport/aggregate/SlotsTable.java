package io.gpureport.aggregate;

import java.util.List;

/**
 * The Real Slots or Backfill Slots table: a TOTAL and the included classes (docs/metrics.md, "Real
 * Slots and Backfill Slots").
 */
public record SlotsTable(Stat total, List<ClassStat> classes) {}
