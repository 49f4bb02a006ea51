package io.gpureport.aggregate;

import java.util.List;

/** The Real Slots or Backfill Slots table: a TOTAL and the included classes (§7.4). */
public record SlotsTable(Stat total, List<ClassStat> classes) {}
