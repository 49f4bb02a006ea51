package io.gpureport.aggregate;

import io.gpureport.classify.SlotClass;

/** One class line of a table. */
public record ClassStat(SlotClass slotClass, Stat stat) {}
