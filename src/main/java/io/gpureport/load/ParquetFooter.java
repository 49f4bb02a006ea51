package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.IoReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * The footer of one Parquet month, read once: its schema, its columns found by name (exactly, else
 * ignoring ASCII case, as SQLite matches names) and checked for a type the reader accepts, and per
 * row group the row count and the timestamp statistics, converted to naive epoch microseconds.
 * Errors are one-line {@link GpuReportException}s worded like the SQLite ones: {@code cannot read
 * <file>: <reason>}.
 */
final class ParquetFooter {
  /** How the timestamp column stores a value. */
  enum Unit {
    MILLIS,
    MICROS,
    NANOS,
    INT96
  }

  /** What a row group's statistics tell of its timestamps. */
  private static final byte UNKNOWN = 0;

  private static final byte KNOWN = 1;
  private static final byte NO_VALUE = 2;

  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long MICROS_PER_DAY = 24 * Timestamps.MICROS_PER_HOUR;

  private final Path file;
  private final ParquetMetadata metadata;
  private final MessageType schema;
  private final PrimitiveType timestamp;
  private final Unit unit;
  private final long[] rows;
  private final byte[] stats;
  private final long[] min;
  private final long[] max;

  /** The file's bounds {min, max, any}, computed once (a scan where statistics are missing). */
  private long[] bounds;

  private ParquetFooter(Path file, ParquetMetadata metadata) {
    this.file = file;
    this.metadata = metadata;
    this.schema = metadata.getFileMetaData().getSchema();
    this.timestamp = column(SlotTable.TIMESTAMP, true);
    this.unit = unitOf(timestamp);
    List<BlockMetaData> blocks = metadata.getBlocks();
    int n = blocks.size();
    rows = new long[n];
    stats = new byte[n];
    min = new long[n];
    max = new long[n];
    for (int g = 0; g < n; g++) {
      BlockMetaData b = blocks.get(g);
      rows[g] = b.getRowCount();
      if (rows[g] == 0) {
        stats[g] = NO_VALUE;
        continue;
      }
      ColumnChunkMetaData chunk = chunkOf(b);
      Statistics<?> s = chunk == null || unit == Unit.INT96 ? null : chunk.getStatistics();
      if (s == null) {
        stats[g] = UNKNOWN;
      } else if (s.hasNonNullValue()) {
        stats[g] = KNOWN;
        min[g] = micros(((Number) s.genericGetMin()).longValue());
        max[g] = micros(((Number) s.genericGetMax()).longValue());
      } else {
        stats[g] = s.isNumNullsSet() && s.getNumNulls() == rows[g] ? NO_VALUE : UNKNOWN;
      }
    }
  }

  /** Reads the footer of {@code file}; a file that is not a readable Parquet file is an error. */
  static ParquetFooter read(Path file) {
    checkMagic(file);
    LocalInputFile input = new LocalInputFile(file);
    ParquetMetadata metadata;
    try (SeekableInputStream in = input.newStream()) {
      metadata = ParquetFileReader.readFooter(input, options(), in);
    } catch (FileSystemException e) {
      throw unreadable(file, e);
    } catch (IOException | RuntimeException e) {
      // parquet-java reports a footer it cannot decode as an IOException too
      throw new GpuReportException(
          "cannot read "
              + file
              + ": corrupt Parquet footer ("
              + IoReason.oneLine(e.getMessage())
              + ")",
          e);
    }
    return new ParquetFooter(file, metadata);
  }

  /** The reader's options: no Hadoop configuration, no filter (row groups are chosen here). */
  static ParquetReadOptions options() {
    return ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
  }

  /** A reader of the file over this footer (not read again); the caller closes it. */
  ParquetFileReader open() {
    LocalInputFile input = new LocalInputFile(file);
    SeekableInputStream in = null;
    try {
      in = input.newStream();
      return ParquetFileReader.open(input, metadata, options(), in);
    } catch (IOException | RuntimeException e) {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // the open failure is what matters
        }
      }
      throw unreadable(file, e);
    }
  }

  /** "Not a Parquet file" and "truncated" in words rather than parquet-java's magic bytes. */
  private static void checkMagic(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] head = new byte[4];
      byte[] tail = new byte[4];
      if (size >= 4) {
        ch.read(ByteBuffer.wrap(head), 0);
      }
      if (size >= 12) {
        ch.read(ByteBuffer.wrap(tail), size - 4);
      }
      if (!Arrays.equals(head, MAGIC)) {
        throw new GpuReportException("cannot read " + file + ": not a Parquet file");
      }
      if (!Arrays.equals(tail, MAGIC)) {
        throw new GpuReportException(
            "cannot read " + file + ": truncated Parquet file (no footer at its end)");
      }
    } catch (IOException e) {
      throw new GpuReportException("cannot read " + file + ": " + IoReason.of(e), e);
    }
  }

  /** The one-line error for a file that cannot be read. */
  static GpuReportException unreadable(Path file, Exception e) {
    if (e instanceof GpuReportException g) {
      return g;
    }
    String reason =
        e instanceof IOException io ? IoReason.of(io) : IoReason.oneLine(e.getMessage());
    return new GpuReportException("cannot read " + file + ": " + reason, e);
  }

  Path file() {
    return file;
  }

  String createdBy() {
    return metadata.getFileMetaData().getCreatedBy();
  }

  int groups() {
    return rows.length;
  }

  long rows(int group) {
    return rows[group];
  }

  long totalRows() {
    long n = 0;
    for (long r : rows) {
      n += r;
    }
    return n;
  }

  /**
   * Whether row group {@code group} may hold a row of {@code range} (no upper bound when {@code
   * openEnd} or the end is {@link Long#MAX_VALUE}): false only when its statistics say not.
   */
  boolean mayHold(int group, TimeRange range, boolean openEnd) {
    return switch (stats[group]) {
      case KNOWN -> new TimeSpan(min[group], max[group]).mayHold(range, openEnd);
      case NO_VALUE -> false;
      default -> true;
    };
  }

  /** Whether every row group's timestamp statistics are known (or the group has no value). */
  boolean statisticsComplete() {
    for (byte s : stats) {
      if (s == UNKNOWN) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code {min, max}} of the file's timestamps, from the statistics, reading the timestamp column
   * of the row groups without them; null when no row has a timestamp.
   */
  synchronized long[] bounds() {
    if (bounds == null) {
      long lo = Long.MAX_VALUE;
      long hi = Long.MIN_VALUE;
      boolean any = false;
      for (int g = 0; g < rows.length; g++) {
        if (stats[g] == KNOWN) {
          lo = Math.min(lo, min[g]);
          hi = Math.max(hi, max[g]);
          any = true;
        } else if (stats[g] == UNKNOWN) {
          for (long t : ParquetRows.timestamps(this, g)) {
            if (t != Long.MIN_VALUE) {
              lo = Math.min(lo, t);
              hi = Math.max(hi, t);
              any = true;
            }
          }
        }
      }
      bounds = any ? new long[] {lo, hi, 1} : new long[] {0, 0, 0};
    }
    return bounds[2] == 0 ? null : new long[] {bounds[0], bounds[1]};
  }

  /** The timestamp column. */
  PrimitiveType timestamp() {
    return timestamp;
  }

  /** The naive epoch microseconds of the timestamp at the reader's current value. */
  long timestampAt(ColumnReader r) {
    return unit == Unit.INT96 ? int96(r.getBinary()) : micros(r.getLong());
  }

  private long micros(long raw) {
    return switch (unit) {
      case MILLIS -> Math.multiplyExact(raw, 1000L);
      case NANOS -> Math.floorDiv(raw, 1000L);
      default -> raw;
    };
  }

  /** An INT96 timestamp: nanoseconds of the day, then the Julian day, both little-endian. */
  private static long int96(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long nanos = buf.getLong(buf.position());
    long day = Integer.toUnsignedLong(buf.getInt(buf.position() + 8));
    return (day - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanos, 1000L);
  }

  /**
   * The text column {@code name} (BINARY, STRING-annotated or not); null when absent and not {@code
   * required}.
   */
  PrimitiveType text(String name, boolean required) {
    PrimitiveType t = column(name, required);
    if (t != null) {
      LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
      boolean ok =
          t.getPrimitiveTypeName() == PrimitiveTypeName.BINARY
              && (a == null
                  || a instanceof StringLogicalTypeAnnotation
                  || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                  || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation);
      if (!ok) {
        throw wrongType(t, "binary (STRING)");
      }
    }
    return t;
  }

  /** The numeric column {@code name}: INT32, INT64, FLOAT or DOUBLE, no annotation but integers. */
  PrimitiveType number(String name) {
    PrimitiveType t = column(name, true);
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    boolean ok =
        switch (t.getPrimitiveTypeName()) {
          case INT32, INT64 -> a == null || a instanceof IntLogicalTypeAnnotation;
          case FLOAT, DOUBLE -> a == null;
          default -> false;
        };
    if (!ok) {
      throw wrongType(t, "int64 or double");
    }
    return t;
  }

  private Unit unitOf(PrimitiveType t) {
    if (t.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
      return Unit.INT96;
    }
    if (t.getPrimitiveTypeName() == PrimitiveTypeName.INT64
        && t.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation ts) {
      if (ts.isAdjustedToUTC()) {
        // an instant: its local time needs the collector's zone, which no file names
        throw wrongType(t, "a timestamp without time zone (the collector's local time)");
      }
      TimeUnit u = ts.getUnit();
      return u == TimeUnit.MILLIS ? Unit.MILLIS : u == TimeUnit.NANOS ? Unit.NANOS : Unit.MICROS;
    }
    throw wrongType(t, "int64 TIMESTAMP(MILLIS, MICROS or NANOS) or int96");
  }

  private GpuReportException wrongType(PrimitiveType t, String expected) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    String found =
        t.getPrimitiveTypeName().name().toLowerCase(Locale.ROOT)
            + (a == null ? "" : " (" + a + ")");
    return new GpuReportException(
        "cannot read "
            + file
            + ": column "
            + t.getName()
            + " has type "
            + found
            + ", expected "
            + expected);
  }

  /**
   * The top-level column {@code name}, matched exactly or else ignoring ASCII case; null when
   * absent and not {@code required} ({@code no such column: <name>} when required, as SQLite says).
   */
  private PrimitiveType column(String name, boolean required) {
    Type found = null;
    if (schema.containsField(name)) {
      found = schema.getType(name);
    } else {
      for (Type f : schema.getFields()) {
        if (f.getName().equalsIgnoreCase(name)) {
          found = f;
          break;
        }
      }
    }
    if (found == null) {
      if (required) {
        throw new GpuReportException("cannot read " + file + ": no such column: " + name);
      }
      return null;
    }
    if (!found.isPrimitive() || found.isRepetition(Type.Repetition.REPEATED)) {
      throw new GpuReportException(
          "cannot read " + file + ": column " + found.getName() + " is not a single value");
    }
    return found.asPrimitiveType();
  }

  private ColumnChunkMetaData chunkOf(BlockMetaData block) {
    for (ColumnChunkMetaData c : block.getColumns()) {
      String[] path = c.getPath().toArray();
      if (path.length == 1 && path[0].equals(timestamp.getName())) {
        return c;
      }
    }
    return null;
  }
}
