package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
  @Test
  void splitCutsHalfOpenRangesAndKeepsTheEnd() {
    assertEquals(
        List.of(TimeRange.halfOpen(0, 10), TimeRange.halfOpen(10, 20), TimeRange.closed(20, 25)),
        TimeRange.closed(0, 25).split(10));
  }

  @Test
  void aRangeNoLongerThanTheLengthIsItself() {
    assertEquals(List.of(TimeRange.halfOpen(5, 15)), TimeRange.halfOpen(5, 15).split(10));
    assertEquals(List.of(TimeRange.closed(0, 7)), TimeRange.closed(0, 7).split(Long.MAX_VALUE));
  }

  @Test
  void theLengthMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> TimeRange.closed(0, 1).split(0));
  }
}
