package io.gpureport.aggregate;

import io.gpureport.classify.ReportingClass;

/** One class line of a table. */
public record ClassStat(ReportingClass slotClass, Stat stat) {}
