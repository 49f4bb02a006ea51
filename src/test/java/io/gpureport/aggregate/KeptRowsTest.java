package io.gpureport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link KeptRows}: per snapshot and key the first row offered, replaced only by a strictly better
 * one (ties keep the earlier row, L10 and C1's last tie-break); a new snapshot forgets every key.
 */
class KeptRowsTest {
  /** Rows 0..3 with these ranks; a higher rank is better. */
  private static final int[] RANK = {1, 3, 3, 0};

  private static final KeptRows.Order BY_RANK = (i, j) -> RANK[i] > RANK[j];

  @ParameterizedTest(name = "rows {0} keep row {1}")
  @CsvSource({"0, 0", "0 1, 1", "1 2, 1", "2 1, 2", "3 0, 0", "0 3, 0", "3 2 1 0, 2"})
  void keepsTheFirstOfTheBestRows(String offered, int kept) {
    KeptRows rows = new KeptRows();
    rows.nextSnapshot();
    String[] order = offered.split(" ");
    for (int n = 0; n < order.length; n++) {
      assertEquals(n == 0, rows.offer(7, Integer.parseInt(order[n]), BY_RANK), offered);
    }
    assertTrue(rows.has(7));
    assertEquals(kept, rows.row(7));
  }

  @ParameterizedTest(name = "key {0}")
  @CsvSource({"0", "15", "16", "1000"})
  void aNewSnapshotForgetsEveryKey(int key) {
    KeptRows rows = new KeptRows();
    assertFalse(rows.has(key));
    rows.nextSnapshot();
    assertTrue(rows.offer(key, 1, BY_RANK));
    assertFalse(rows.has(key + 1));
    rows.nextSnapshot();
    assertFalse(rows.has(key));
    assertTrue(rows.offer(key, 3, BY_RANK), "first row of the new snapshot");
    assertEquals(3, rows.row(key));
  }
}
