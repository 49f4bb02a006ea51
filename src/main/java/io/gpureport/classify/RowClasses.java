package io.gpureport.classify;

/**
 * Per loaded row, what a rule set decided ({@link RowClass} as columns of catalogue indices), with
 * the catalogue that gives the indices their classes.
 */
public record RowClasses(
    ClassCatalogue catalogue, byte[] reporting, byte[] primary, byte[] legacy, byte[] rank) {
  public RowClasses {
    int n = reporting.length;
    if (primary.length != n || legacy.length != n || rank.length != n) {
      throw new IllegalArgumentException("class columns of different lengths");
    }
  }

  /** The decisions for row {@code i}. */
  public RowClass row(int i) {
    return new RowClass(reporting[i], primary[i], legacy[i], rank[i]);
  }
}
