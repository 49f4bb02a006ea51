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
 * @param devices the device allocation's part, or null for the summary and the series
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
    int[] unclaimed,
    Devices devices) {

  /** A day of the window without rows; {@code device}: of the device allocation. */
  public static DayPart empty(long day, int classes, boolean device) {
    return new DayPart(
        day,
        0,
        0,
        0,
        0,
        new long[0],
        new long[0],
        classes,
        new int[0],
        new int[0],
        device ? Devices.EMPTY : null);
  }

  /**
   * The device allocation's part of a day (docs/metrics.md, "Usage by Device Type", "Real Slots by
   * Memory Category", "H200 and Backfill usage"), integers and orders only.
   *
   * @param deviceOrder the day's devices in order of first appearance (every row)
   * @param groupBucket per closed (device, class) group of a bucket: the bucket (index into the
   *     day's {@code allocationStarts}), in bucket order
   * @param groupDevice its device (index into {@code deviceOrder})
   * @param groupClass its reporting class index
   * @param groupTotal distinct GPUs of the group in the bucket
   * @param groupClaimed distinct claimed GPUs
   * @param memoryOrder the day's memory categories (ordinals) in order of first appearance
   * @param memoryClaimed per category: claimed GPUs summed over the day's buckets with data
   * @param memoryTotal per category: GPUs summed likewise
   * @param memoryBuckets per category: the day's buckets with data
   * @param h200 the H200 table's part
   * @param backfill the backfill table's part
   */
  public record Devices(
      java.util.List<String> deviceOrder,
      int[] groupBucket,
      int[] groupDevice,
      int[] groupClass,
      int[] groupTotal,
      int[] groupClaimed,
      byte[] memoryOrder,
      long[] memoryClaimed,
      long[] memoryTotal,
      int[] memoryBuckets,
      Users h200,
      Users backfill) {
    static final Devices EMPTY =
        new Devices(
            java.util.List.of(),
            new int[0],
            new int[0],
            new int[0],
            new int[0],
            new int[0],
            new byte[0],
            new long[io.gpureport.classify.MemoryCategory.values().length],
            new long[io.gpureport.classify.MemoryCategory.values().length],
            new int[io.gpureport.classify.MemoryCategory.values().length],
            Users.EMPTY,
            Users.EMPTY);
  }

  /**
   * A user table's part of a day: its buckets with input rows, whether a non-NULL GPU id of its set
   * repeated within the day, else the ids seen, and per pass (one per class, in table order) the
   * GPUs per user summed over the day's buckets in first-visit order, without dedup ({@code kept})
   * and deduplicated ({@code deduped}, empty when no class deduplicates).
   */
  public record Users(
      int buckets,
      boolean repeat,
      java.util.List<String> ids,
      java.util.List<java.util.LinkedHashMap<String, Long>> kept,
      java.util.List<java.util.LinkedHashMap<String, Long>> deduped) {
    static final Users EMPTY = new Users(0, false, java.util.List.of(), null, null);
  }

  public DayPart {
    if (claimed.length != seriesStarts.length * classes || unclaimed.length != claimed.length) {
      throw new IllegalArgumentException("day part of inconsistent size");
    }
  }
}
