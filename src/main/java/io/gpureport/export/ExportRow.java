package io.gpureport.export;

/**
 * One row on its way from SQLite to Parquet, holding the values the report's loader reads: the text
 * columns as their exact bytes (null for NULL), the numbers with their NULLs, and the load order
 * keys.
 */
final class ExportRow {
  /** The text columns, in {@link ExportSchema#TEXT_COLUMNS} order. */
  static final int TEXT_COLUMNS = 9;

  /** No value. */
  static final byte NULL = 0;

  /** An integer, in {@link #memoryLong} or {@link #disk}. */
  static final byte LONG = 1;

  /** A double, in {@link #memoryDouble}. */
  static final byte DOUBLE = 2;

  /** Naive epoch microseconds of the timestamp (the first load order key). */
  long micros;

  /** The source file's {@link SourceFile#order} (the second key). */
  int source;

  /** The SQLite rowid (the third key). */
  long rowid;

  /**
   * Name, AssignedGPUs, AvailableGPUs, State, GPUs_DeviceName, PrioritizedProjects, Machine,
   * RemoteOwner, GlobalJobId.
   */
  final byte[][] text = new byte[TEXT_COLUMNS][];

  /** PreventJobsReason, when the source records it. */
  byte[] prevent;

  /** {@link #NULL}, {@link #LONG} or {@link #DOUBLE}: how GPUs_GlobalMemoryMb is held. */
  byte memoryKind;

  long memoryLong;
  double memoryDouble;

  /** GPUsAverageUsage; NaN is not used for NULL, see {@link #usageNull}. */
  double usage;

  boolean usageNull;

  /** Disk; meaningful when {@link #diskKind} is {@link #LONG}. */
  long disk;

  byte diskKind;

  /** The memory as the report reads it (a double), NaN for NULL. */
  double memoryAsDouble() {
    return switch (memoryKind) {
      case LONG -> (double) memoryLong;
      case DOUBLE -> memoryDouble;
      default -> Double.NaN;
    };
  }
}
