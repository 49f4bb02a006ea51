package io.gpureport.collect;

import java.nio.file.Path;

/**
 * What one collector run wrote.
 *
 * @param file the monthly file written, or {@code null} when the input held no ads
 * @param timestamp the snapshot timestamp, {@code YYYY-MM-DD HH:MM:SS.ffffff}
 * @param slots the number of slot ads read
 * @param rows the number of rows appended
 */
public record CollectSummary(Path file, String timestamp, long slots, long rows) {}
