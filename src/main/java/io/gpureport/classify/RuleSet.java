package io.gpureport.classify;

import io.gpureport.load.SlotTable;

/** A set of class rules: its classes as data, how rows are classified, and their dedup rank. */
public interface RuleSet {
  /** The name that selects it, e.g. {@code reference}. */
  String name();

  /** The reporting and legacy classes, in class order. */
  ClassCatalogue classes();

  /**
   * Classifies every row of a loaded chunk: the facts the metrics test (exclusions, {@code --host},
   * state, memory) and, per row, the classes and rank of {@link RowClass}.
   */
  ClassifiedRows classify(SlotTable table, ClassifyRules rules);

  /**
   * The classes and rank of one row given by its values ({@code null} = NULL), for rows that are
   * not in a loaded chunk (the GPU-model snapshot's); {@code chtcOwned}: its machine is on the
   * CHTC-owned list.
   */
  RowClass classOf(String name, String state, String prioritizedProjects, boolean chtcOwned);
}
