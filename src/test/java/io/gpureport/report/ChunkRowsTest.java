package io.gpureport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many rows a default chunk may hold, by the JVM's heap limit. */
class ChunkRowsTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void theLaunchersHeapHoldsTheFullBudget() {
    assertEquals(ReportJob.DEFAULT_CHUNK_ROWS, ReportJob.chunkRows(896 * MIB));
  }

  @Test
  void aSmallHeapGetsFewerRows() {
    assertEquals(128 * MIB / ReportJob.HEAP_BYTES_PER_ROW, ReportJob.chunkRows(128 * MIB));
  }

  @Test
  void aLargeHeapStillStopsAtTheBudget() {
    assertEquals(ReportJob.DEFAULT_CHUNK_ROWS, ReportJob.chunkRows(64 * 1024 * MIB));
  }
}
