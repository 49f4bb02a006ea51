package io.gpureport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many rows a default chunk may hold, by the JVM's heap limit. */
class ChunkRowsTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void theLaunchersHeapHoldsTheFullBudget() {
    assertEquals(ChunkPlan.DEFAULT_CHUNK_ROWS, ChunkPlan.chunkRows(896 * MIB));
  }

  @Test
  void aSmallHeapGetsFewerRows() {
    assertEquals(128 * MIB / ChunkPlan.HEAP_BYTES_PER_ROW, ChunkPlan.chunkRows(128 * MIB));
  }

  @Test
  void aLargeHeapStillStopsAtTheBudget() {
    assertEquals(ChunkPlan.DEFAULT_CHUNK_ROWS, ChunkPlan.chunkRows(64 * 1024 * MIB));
  }
}
