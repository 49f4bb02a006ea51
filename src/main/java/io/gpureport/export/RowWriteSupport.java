package io.gpureport.export;

import io.gpureport.errors.GpuReportException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Hands {@link ExportRow}s to parquet-java's record consumer: the text columns as their exact
 * bytes, absent fields for NULL.
 */
final class RowWriteSupport extends WriteSupport<ExportRow> {
  /** What a field of the schema takes from a row. */
  private enum Source {
    TEXT,
    MEMORY,
    USAGE,
    TIMESTAMP,
    PREVENT,
    DISK
  }

  private final ExportSchema schema;
  private final List<String> names;
  private final Source[] sources;
  private final int[] textIndex;
  private final Map<String, String> metadata;
  private final List<SourceFile> files;
  private RecordConsumer consumer;

  RowWriteSupport(ExportSchema schema, Map<String, String> metadata, List<SourceFile> files) {
    this.schema = schema;
    this.names = schema.columns();
    this.metadata = metadata;
    this.files = files;
    this.sources = new Source[names.size()];
    this.textIndex = new int[names.size()];
    for (int f = 0; f < names.size(); f++) {
      String name = names.get(f);
      int text = ExportSchema.TEXT_COLUMNS.indexOf(name);
      textIndex[f] = text;
      sources[f] =
          text >= 0
              ? Source.TEXT
              : switch (name) {
                case ExportSchema.MEMORY -> Source.MEMORY;
                case ExportSchema.USAGE -> Source.USAGE;
                case ExportSchema.TIMESTAMP -> Source.TIMESTAMP;
                case ExportSchema.PREVENT -> Source.PREVENT;
                case ExportSchema.DISK -> Source.DISK;
                default -> throw new IllegalArgumentException(name);
              };
    }
  }

  /** Required by parquet-java; the writer is configured without Hadoop and calls the other. */
  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema.messageType(), metadata);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema.messageType(), metadata);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(ExportRow r) {
    consumer.startMessage();
    for (int f = 0; f < sources.length; f++) {
      switch (sources[f]) {
        case TEXT -> binary(f, r.text[textIndex[f]]);
        case PREVENT -> binary(f, r.prevent);
        case MEMORY -> memory(f, r);
        case USAGE -> {
          if (!r.usageNull) {
            consumer.startField(names.get(f), f);
            consumer.addDouble(r.usage);
            consumer.endField(names.get(f), f);
          }
        }
        case TIMESTAMP -> int64(f, r.micros);
        case DISK -> {
          if (r.diskKind == ExportRow.LONG) {
            int64(f, r.disk);
          }
        }
      }
    }
    consumer.endMessage();
  }

  private void binary(int f, byte[] value) {
    if (value != null) {
      consumer.startField(names.get(f), f);
      consumer.addBinary(Binary.fromConstantByteArray(value));
      consumer.endField(names.get(f), f);
    }
  }

  private void int64(int f, long value) {
    consumer.startField(names.get(f), f);
    consumer.addLong(value);
    consumer.endField(names.get(f), f);
  }

  private void memory(int f, ExportRow r) {
    if (r.memoryKind == ExportRow.NULL) {
      return;
    }
    if (schema.fractionalMemory()) {
      consumer.startField(names.get(f), f);
      consumer.addDouble(r.memoryAsDouble());
      consumer.endField(names.get(f), f);
    } else if (r.memoryKind == ExportRow.LONG) {
      int64(f, r.memoryLong);
    } else if (MemoryValue.isIntegral(r.memoryDouble)) {
      int64(f, (long) r.memoryDouble);
    } else {
      // the census found only integers in this month: the file changed since
      throw new GpuReportException(
          "cannot export "
              + files.get(r.source).path()
              + ": GPUs_GlobalMemoryMb "
              + r.memoryDouble
              + " appeared while it was read (was the file changed? run again)");
    }
  }
}
