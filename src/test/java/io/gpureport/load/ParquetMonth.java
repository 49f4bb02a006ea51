package io.gpureport.load;

import io.gpureport.collect.CollectedTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The same gpu_state rows as a SQLite month (14 or 12 columns) and as Parquet months of various
 * shapes (column order, types, codec, encoding, row groups), for tests of {@link ParquetFormat}.
 */
final class ParquetMonth {
  /** One stored row; null fields are NULL, memory a Long, a Double or null. */
  record Slot(
      String timestamp,
      String name,
      String gpu,
      String state,
      String device,
      Object memory,
      String projects,
      Double usage,
      String machine,
      String owner,
      String job,
      String reason) {}

  /** The columns of the collector's table, in its order. */
  static final List<String> COLUMNS =
      Stream.concat(GpuStateTable.COLUMNS.stream(), Stream.of("PreventJobsReason", "Disk"))
          .toList();

  private ParquetMonth() {}

  /** Writes {@code rows} in this order (their rowids) to a new 14-column SQLite file. */
  static Path sqlite(Path file, List<Slot> rows) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = c.createStatement()) {
        s.execute(CollectedTable.CREATE_TABLE);
      }
      try (PreparedStatement ps = c.prepareStatement(CollectedTable.INSERT)) {
        for (Slot r : rows) {
          Object[] v = {
            r.name(),
            r.gpu(),
            "",
            r.state(),
            r.device(),
            r.memory(),
            r.projects(),
            r.usage(),
            r.machine(),
            r.owner(),
            r.job(),
            r.timestamp(),
            r.reason(),
            104857600L
          };
          for (int i = 0; i < v.length; i++) {
            ps.setObject(i + 1, v[i]);
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return file;
  }

  /** How a Parquet copy is written. */
  static final class Writer {
    List<String> columns = COLUMNS;
    String memoryType = "int64";
    String timestampType = "int64 timestamp (TIMESTAMP(MICROS,false))";
    boolean nanos;
    boolean int96;
    boolean annotateStrings = true;
    CompressionCodecName codec = CompressionCodecName.ZSTD;
    boolean dictionary = true;
    int rowGroupRows = Integer.MAX_VALUE;

    Writer columns(List<String> c) {
      columns = c;
      return this;
    }

    Writer memoryDouble() {
      memoryType = "double";
      return this;
    }

    Writer nanos() {
      timestampType = "int64 timestamp (TIMESTAMP(NANOS,false))";
      nanos = true;
      return this;
    }

    Writer int96() {
      timestampType = "int96 timestamp";
      int96 = true;
      return this;
    }

    Writer utcInstants() {
      timestampType = "int64 timestamp (TIMESTAMP(MICROS,true))";
      return this;
    }

    Writer timestampAsString() {
      timestampType = "binary timestamp (STRING)";
      return this;
    }

    Writer unannotatedStrings() {
      annotateStrings = false;
      return this;
    }

    Writer codec(CompressionCodecName c) {
      codec = c;
      return this;
    }

    Writer plain() {
      dictionary = false;
      return this;
    }

    Writer rowGroupRows(int n) {
      rowGroupRows = n;
      return this;
    }

    MessageType schema() {
      StringBuilder s = new StringBuilder("message gpu_state {\n");
      for (String c : columns) {
        s.append("  optional ");
        switch (c) {
          case "GPUs_GlobalMemoryMb" -> s.append(memoryType).append(' ').append(c);
          case "GPUsAverageUsage" -> s.append("double ").append(c);
          case "Disk" -> s.append("int64 ").append(c);
          case "timestamp" -> s.append(timestampType);
          default -> s.append("binary ").append(c).append(annotateStrings ? " (STRING)" : "");
        }
        s.append(";\n");
      }
      return MessageTypeParser.parseMessageType(s.append("}").toString());
    }

    /** Writes {@code rows} sorted stably by timestamp: (timestamp, rowid), as the exporter. */
    Path write(Path file, List<Slot> rows) throws Exception {
      List<Slot> sorted = new ArrayList<>(rows);
      sorted.sort(Comparator.comparingLong(r -> Timestamps.parseStored(r.timestamp())));
      MessageType schema = schema();
      try (ParquetWriter<Group> w =
          builder(file)
              .withType(schema)
              .withCompressionCodec(codec)
              .withDictionaryEncoding(dictionary)
              .withRowGroupRowCountLimit(rowGroupRows)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .build()) {
        for (Slot r : sorted) {
          w.write(group(schema, r));
        }
      }
      return file;
    }

    /**
     * {@code ExampleParquetWriter.builder(OutputFile)}, called reflectively: naming it makes javac
     * inspect the overload that takes Hadoop's {@code Path}, whose annotation class the trimmed
     * Hadoop lacks (a warning, which fails the build).
     */
    private static ExampleParquetWriter.Builder builder(Path file) throws Exception {
      return (ExampleParquetWriter.Builder)
          ExampleParquetWriter.class
              .getMethod("builder", OutputFile.class)
              .invoke(null, new LocalOutputFile(file));
    }

    private Group group(MessageType schema, Slot r) {
      SimpleGroup g = new SimpleGroup(schema);
      for (String c : columns) {
        switch (c) {
          case "Name" -> add(g, c, r.name());
          case "AssignedGPUs" -> add(g, c, r.gpu());
          case "AvailableGPUs" -> add(g, c, "");
          case "State" -> add(g, c, r.state());
          case "GPUs_DeviceName" -> add(g, c, r.device());
          case "GPUs_GlobalMemoryMb" -> {
            if (r.memory() != null) {
              if (memoryType.equals("double")) {
                g.add(c, ((Number) r.memory()).doubleValue());
              } else {
                g.add(c, ((Number) r.memory()).longValue());
              }
            }
          }
          case "PrioritizedProjects" -> add(g, c, r.projects());
          case "GPUsAverageUsage" -> {
            if (r.usage() != null) {
              g.add(c, r.usage());
            }
          }
          case "Machine" -> add(g, c, r.machine());
          case "RemoteOwner" -> add(g, c, r.owner());
          case "GlobalJobId" -> add(g, c, r.job());
          case "PreventJobsReason" -> add(g, c, r.reason());
          case "Disk" -> g.add(c, 104857600L);
          case "timestamp" -> timestamp(g, Timestamps.parseStored(r.timestamp()));
          default -> throw new IllegalArgumentException(c);
        }
      }
      return g;
    }

    private void timestamp(SimpleGroup g, long micros) {
      if (int96) {
        long day = Math.floorDiv(micros, 86_400_000_000L);
        long nanosOfDay = Math.floorMod(micros, 86_400_000_000L) * 1000;
        g.add("timestamp", new NanoTime((int) (day + 2_440_588L), nanosOfDay));
      } else if (timestampType.startsWith("binary")) {
        g.add("timestamp", Timestamps.formatStored(micros));
      } else {
        // nanos: a sub-microsecond remainder the reader floors away
        g.add("timestamp", nanos ? micros * 1000 + 999 : micros);
      }
    }

    private static void add(SimpleGroup g, String column, String value) {
      if (value != null) {
        g.add(column, value);
      }
    }
  }

  /** Every column of every row, decoded through the table's dictionaries: for equality. */
  static List<String> describe(SlotTable t) {
    SlotTable.Dictionaries d = t.dictionaries();
    List<String> coded =
        new ArrayList<>(
            List.of(
                SlotTable.NAME,
                SlotTable.GPU,
                SlotTable.STATE,
                SlotTable.DEVICE,
                SlotTable.PROJECTS,
                SlotTable.MACHINE,
                SlotTable.OWNER));
    boolean full = t.numbers(SlotTable.USAGE) != null;
    if (full) {
      coded.add(SlotTable.JOB);
    }
    if (t.hasPrevent()) {
      coded.add(SlotTable.PREVENT);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      StringBuilder b = new StringBuilder().append(t.timestamps().getLong(i));
      for (String c : coded) {
        int code = t.codes(c).getInt(i);
        String v = d.of(c).value(code);
        b.append('|').append(v == null ? "<NULL>" : "'" + v + "'");
      }
      b.append('|').append(t.numbers(SlotTable.MEMORY).getDouble(i));
      if (full) {
        b.append('|').append(t.numbers(SlotTable.USAGE).getDouble(i));
      }
      if (t.hasPrevent()) {
        b.append('|').append(t.preventRecorded().get(i));
      }
      out.add(b.toString());
    }
    return out;
  }
}
