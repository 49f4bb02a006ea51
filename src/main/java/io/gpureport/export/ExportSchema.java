package io.gpureport.export;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of an exported month: the SQLite table's columns in table order, every one
 * optional. {@code PreventJobsReason} and {@code Disk} only when a source file of the month has
 * them (their absence keeps the meaning "not recorded"); {@code GPUs_GlobalMemoryMb} an int64, or a
 * double when some value of the month is not an integer; {@code timestamp} naive microseconds,
 * {@code TIMESTAMP(MICROS, isAdjustedToUTC=false)}.
 *
 * @param prevent whether the month has {@code PreventJobsReason}
 * @param disk whether the month has {@code Disk}
 * @param fractionalMemory whether {@code GPUs_GlobalMemoryMb} is a double
 */
record ExportSchema(boolean prevent, boolean disk, boolean fractionalMemory) {
  /** The text columns of {@link ExportRow#text}, in that order. */
  static final List<String> TEXT_COLUMNS =
      List.of(
          "Name",
          "AssignedGPUs",
          "AvailableGPUs",
          "State",
          "GPUs_DeviceName",
          "PrioritizedProjects",
          "Machine",
          "RemoteOwner",
          "GlobalJobId");

  static final String MEMORY = "GPUs_GlobalMemoryMb";
  static final String USAGE = "GPUsAverageUsage";
  static final String TIMESTAMP = "timestamp";
  static final String PREVENT = "PreventJobsReason";
  static final String DISK = "Disk";

  /** The schema's message type. */
  MessageType messageType() {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (String name : columns()) {
      switch (name) {
        case MEMORY -> b.optional(fractionalMemory ? DOUBLE : INT64).named(name);
        case USAGE -> b.optional(DOUBLE).named(name);
        case TIMESTAMP ->
            b.optional(INT64)
                .as(
                    LogicalTypeAnnotation.timestampType(
                        false, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(name);
        case DISK -> b.optional(INT64).named(name);
        default -> b.optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
      }
    }
    return b.named("gpu_state");
  }

  /** The column names in file order: the SQLite table's order. */
  List<String> columns() {
    ArrayList<String> names =
        new ArrayList<>(
            List.of(
                "Name",
                "AssignedGPUs",
                "AvailableGPUs",
                "State",
                "GPUs_DeviceName",
                MEMORY,
                "PrioritizedProjects",
                USAGE,
                "Machine",
                "RemoteOwner",
                "GlobalJobId",
                TIMESTAMP));
    if (prevent) {
      names.add(PREVENT);
    }
    if (disk) {
      names.add(DISK);
    }
    return names;
  }
}
