package io.gpureport.aggregate;

/**
 * What one local calendar day (or the part of it inside a window) contributes to the non-device
 * allocation summary or the time series (docs/metrics.md, "Allocation summary", "Time series";
 * docs/decisions/0005-rollups.md): its row counts and first and last timestamps, the starts of its
 * 15-minute buckets, and per bucket of the analysis (its own width) the claimed and unclaimed GPU
 * counts by class exactly as {@code StateSplit} hands them to the summary or the series. Only
 * integers: the window's double sums are formed again when the parts are replayed in bucket order
 * ({@link ReportFold#append}), so they are bit-identical to one pass over the rows.
 *
 * @param day the local day: its midnight, micros
 * @param rows rows of the day in the window
 * @param excluded rows an exclusion matched
 * @param first first row's timestamp (meaningless when {@code rows == 0})
 * @param last last row's timestamp
 * @param allocationStarts starts of the 15-minute buckets with rows, ascending
 * @param seriesStarts starts of the analysis's buckets with rows, ascending
 * @param classes counted classes per bucket
 * @param claimed per series bucket {@code b}: {@code claimed[b * classes + c]}
 * @param unclaimed likewise, unclaimed
 */
public record DayPart(
    long day,
    long rows,
    long excluded,
    long first,
    long last,
    long[] allocationStarts,
    long[] seriesStarts,
    int classes,
    int[] claimed,
    int[] unclaimed) {

  /** A day of the window without rows. */
  public static DayPart empty(long day, int classes) {
    return new DayPart(day, 0, 0, 0, 0, new long[0], new long[0], classes, new int[0], new int[0]);
  }

  public DayPart {
    if (claimed.length != seriesStarts.length * classes || unclaimed.length != claimed.length) {
      throw new IllegalArgumentException("day part of inconsistent size");
    }
  }
}
