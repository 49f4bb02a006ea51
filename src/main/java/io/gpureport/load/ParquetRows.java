package io.gpureport.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;

/**
 * Reads row groups of one Parquet month into a {@link SlotTable} with the values {@link SlotLoader}
 * reads from SQLite (docs/metrics.md, "Reading the values"): per row group the timestamp column
 * first, a mask of the rows in the range, then only the projection's columns, masked rows appended
 * in stored order. Text arrives as codes: each row group's dictionary is mapped to the table's
 * codes once ({@link Codes}), a plain page's values are hashed and copied only when new, and the
 * allocation placeholders (Name backfill or not, PrioritizedProjects NULL, empty or not, State) are
 * decided on the bytes, as SQLite's {@code CASE} does.
 */
final class ParquetRows {
  private static final byte[] BACKFILL = {'b', 'a', 'c', 'k', 'f', 'i', 'l', 'l'};

  private ParquetRows() {}

  /**
   * Text values to table codes: a row group's dictionary mapped once, plain values through a map of
   * the values seen, whose keys are copied only when new.
   */
  private static final class Codes extends PrimitiveConverter {
    private final ToIntFunction<byte[]> coder;
    private final Map<Binary, Integer> plain = new HashMap<>();
    private int[] local = new int[0];
    int current;

    Codes(ToIntFunction<byte[]> coder) {
      this.coder = coder;
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary dictionary) {
      local = new int[dictionary.getMaxId() + 1];
      for (int id = 0; id < local.length; id++) {
        local[id] = coder.applyAsInt(dictionary.decodeToBinary(id).getBytes());
      }
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      current = local[dictionaryId];
    }

    @Override
    public void addBinary(Binary value) {
      Integer code = plain.get(value);
      if (code == null) {
        byte[] bytes = value.getBytes();
        code = coder.applyAsInt(bytes);
        plain.put(Binary.fromConstantByteArray(bytes), code);
      }
      current = code;
    }
  }

  /** One column the projection reads, and where its masked values go. */
  private abstract static class Sink {
    final PrimitiveType type;
    final PrimitiveConverter converter;

    Sink(PrimitiveType type, PrimitiveConverter converter) {
      this.type = type;
      this.converter = converter;
    }

    /** Appends the reader's current (non-null) value. */
    abstract void value(ColumnReader r);

    /** Appends NULL. */
    abstract void none();
  }

  private static final class TextSink extends Sink {
    private final IntColumn out;
    private final Codes codes;
    private final int nullCode;

    TextSink(PrimitiveType type, IntColumn out, ToIntFunction<byte[]> coder) {
      this(type, out, new Codes(coder), io.gpureport.load.Dictionary.NULL);
    }

    /** A sink that appends {@code nullCode} for NULL (State: Other). */
    TextSink(PrimitiveType type, IntColumn out, ToIntFunction<byte[]> coder, int nullCode) {
      this(type, out, new Codes(coder), nullCode);
    }

    private TextSink(PrimitiveType type, IntColumn out, Codes codes, int nullCode) {
      super(type, codes);
      this.out = out;
      this.codes = codes;
      this.nullCode = nullCode;
    }

    @Override
    void value(ColumnReader r) {
      r.writeCurrentValueToConverter();
      out.append(codes.current);
    }

    @Override
    void none() {
      out.append(nullCode);
    }
  }

  private static final class NumberSink extends Sink {
    private final DoubleColumn out;
    private final PrimitiveTypeName kind;

    NumberSink(PrimitiveType type, DoubleColumn out) {
      super(type, new PrimitiveConverter() {});
      this.out = out;
      this.kind = type.getPrimitiveTypeName();
    }

    @Override
    void value(ColumnReader r) {
      out.append(
          switch (kind) {
            case INT32 -> r.getInteger();
            case INT64 -> (double) r.getLong();
            case FLOAT -> r.getFloat();
            default -> r.getDouble();
          });
    }

    @Override
    void none() {
      out.append(Double.NaN);
    }
  }

  /**
   * The rows of {@code range} (no upper bound when its end is {@link Long#MAX_VALUE}) in row groups
   * {@code groups} (ascending) of the file, in stored order, counted into {@code progress}.
   */
  static SlotTable read(
      ParquetFooter footer,
      int[] groups,
      TimeRange range,
      Projection projection,
      LoadProgress progress) {
    SlotTable chunk = SlotTable.empty(projection);
    Sinks sinks = Sinks.of(footer, chunk, projection);
    List<Type> fields = new ArrayList<>();
    List<PrimitiveConverter> converters = new ArrayList<>();
    fields.add(footer.timestamp());
    converters.add(new PrimitiveConverter() {});
    for (Sink s : sinks.columns()) {
      fields.add(s.type);
      converters.add(s.converter);
    }
    MessageType requested = new MessageType("gpu_state", fields);
    List<ColumnDescriptor> columns = requested.getColumns();
    GroupConverter root = root(converters);
    try (ParquetFileReader reader = footer.open()) {
      reader.setRequestedSchema(requested);
      for (int g : groups) {
        PageReadStore pages = reader.readRowGroup(g);
        ColumnReadStoreImpl store =
            new ColumnReadStoreImpl(pages, root, requested, footer.createdBy());
        boolean[] keep = new boolean[Math.toIntExact(pages.getRowCount())];
        int kept = mask(footer, store, columns.get(0), range, keep, chunk.timestamps());
        if (kept > 0) {
          for (int k = 0; k < sinks.columns().size(); k++) {
            copyKept(store.getColumnReader(columns.get(k + 1)), sinks.columns().get(k), keep);
          }
          sinks.notRecorded(kept);
          progress.add(kept);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw ParquetFooter.unreadable(footer.file(), e);
    }
    return chunk;
  }

  /**
   * Reads a row group's timestamps, marks in {@code keep} the rows of {@code range} and appends
   * their timestamps; returns how many it kept.
   */
  private static int mask(
      ParquetFooter footer,
      ColumnReadStoreImpl store,
      ColumnDescriptor timestamp,
      TimeRange range,
      boolean[] keep,
      LongColumn timestamps) {
    boolean upper = range.end() != Long.MAX_VALUE;
    ColumnReader tr = store.getColumnReader(timestamp);
    int tsDef = timestamp.getMaxDefinitionLevel();
    int kept = 0;
    for (int i = 0; i < keep.length; i++) {
      if (tr.getCurrentDefinitionLevel() == tsDef) {
        long t = footer.timestampAt(tr);
        if (t >= range.start()
            && (!upper || (range.endInclusive() ? t <= range.end() : t < range.end()))) {
          keep[i] = true;
          kept++;
          timestamps.append(t);
        }
      }
      tr.consume();
    }
    return kept;
  }

  /** Appends one column's values of the kept rows of a row group to its sink. */
  private static void copyKept(ColumnReader r, Sink sink, boolean[] keep) {
    int maxDef = r.getDescriptor().getMaxDefinitionLevel();
    for (boolean kept : keep) {
      boolean value = r.getCurrentDefinitionLevel() == maxDef;
      if (!kept) {
        if (value) {
          r.skip(); // consume() alone would not move past an unread value
        }
      } else if (value) {
        sink.value(r);
      } else {
        sink.none();
      }
      r.consume();
    }
  }

  /**
   * The sinks of a load's stored columns in the projection's order, with the placeholders of {@link
   * SlotLoader} (encoded first, in its order), and for a CORRECTED load of a file without
   * PreventJobsReason the NULL codes and "not recorded" flags to append (CORRECTED.md F8).
   */
  private record Sinks(List<Sink> columns, IntColumn absentPrevent, BooleanColumn recorded) {
    static Sinks of(ParquetFooter footer, SlotTable chunk, Projection projection) {
      SlotTable.Dictionaries d = chunk.dictionaries();
      int[] nameCodes = {d.names().encode(""), d.names().encode("backfill")};
      int[] stateCodes = {
        d.states().encode("Other"), d.states().encode("Claimed"), d.states().encode("Unclaimed")
      };
      int drained = projection.prevent() ? d.states().encode("Drained") : stateCodes[0];
      int[] projectCodes = {d.projects().encode(""), d.projects().encode("*")};
      List<Sink> sinks = new ArrayList<>();
      sinks.add(
          new TextSink(
              footer.text(SlotTable.NAME, true),
              chunk.codes(SlotTable.NAME),
              projection.realNames()
                  ? d.names()::encode
                  : b -> nameCodes[contains(b, BACKFILL) ? 1 : 0]));
      sinks.add(text(footer, chunk, SlotTable.GPU, d.gpus()));
      sinks.add(
          new TextSink(
              footer.text(SlotTable.STATE, true),
              chunk.codes(SlotTable.STATE),
              b -> state(b, stateCodes, drained),
              stateCodes[0]));
      sinks.add(text(footer, chunk, SlotTable.DEVICE, d.devices()));
      sinks.add(new NumberSink(footer.number(SlotTable.MEMORY), chunk.numbers(SlotTable.MEMORY)));
      sinks.add(
          new TextSink(
              footer.text(SlotTable.PROJECTS, true),
              chunk.codes(SlotTable.PROJECTS),
              projection.realProjects()
                  ? d.projects()::encode
                  : b -> projectCodes[b.length == 0 ? 0 : 1]));
      sinks.add(text(footer, chunk, SlotTable.MACHINE, d.machines()));
      sinks.add(text(footer, chunk, SlotTable.OWNER, d.owners()));
      if (projection.usage()) {
        sinks.add(new NumberSink(footer.number(SlotTable.USAGE), chunk.numbers(SlotTable.USAGE)));
        sinks.add(text(footer, chunk, SlotTable.JOB, d.jobs()));
      }
      if (!projection.prevent()) {
        return new Sinks(sinks, null, null);
      }
      PrimitiveType reason = footer.text(SlotTable.PREVENT, false);
      if (reason == null) {
        return new Sinks(sinks, chunk.codes(SlotTable.PREVENT), chunk.preventRecorded());
      }
      sinks.add(new TextSink(reason, chunk.codes(SlotTable.PREVENT), d.reasons()::encode));
      return new Sinks(sinks, null, chunk.preventRecorded());
    }

    /** Appends, for {@code rows} kept rows, what no stored column gives: the recorded flags. */
    void notRecorded(int rows) {
      for (int i = 0; i < rows; i++) {
        if (absentPrevent != null) {
          absentPrevent.append(io.gpureport.load.Dictionary.NULL); // not parquet's Dictionary
        }
        if (recorded != null) {
          recorded.append(absentPrevent == null);
        }
      }
    }
  }

  /**
   * The timestamps of row group {@code group} in stored order, {@link Long#MIN_VALUE} for a NULL.
   */
  static long[] timestamps(ParquetFooter footer, int group) {
    MessageType requested = new MessageType("gpu_state", List.<Type>of(footer.timestamp()));
    ColumnDescriptor c = requested.getColumns().get(0);
    try (ParquetFileReader reader = footer.open()) {
      reader.setRequestedSchema(requested);
      PageReadStore pages = reader.readRowGroup(group);
      ColumnReader r =
          new ColumnReadStoreImpl(
                  pages, root(List.of(new PrimitiveConverter() {})), requested, footer.createdBy())
              .getColumnReader(c);
      long[] out = new long[Math.toIntExact(pages.getRowCount())];
      for (int i = 0; i < out.length; i++) {
        out[i] =
            r.getCurrentDefinitionLevel() == c.getMaxDefinitionLevel()
                ? footer.timestampAt(r)
                : Long.MIN_VALUE;
        r.consume();
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw ParquetFooter.unreadable(footer.file(), e);
    }
  }

  private static TextSink text(
      ParquetFooter footer, SlotTable chunk, String column, io.gpureport.load.Dictionary dict) {
    return new TextSink(footer.text(column, true), chunk.codes(column), dict::encode);
  }

  private static GroupConverter root(List<PrimitiveConverter> converters) {
    return new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return converters.get(fieldIndex);
      }

      @Override
      public void start() {
        // column-wise reading: no records
      }

      @Override
      public void end() {
        // column-wise reading: no records
      }
    };
  }

  /** SlotLoader's State codes: Claimed, Unclaimed, Drained (when asked), else Other. */
  private static int state(byte[] b, int[] codes, int drained) {
    if (equals(b, "Claimed")) {
      return codes[1];
    }
    if (equals(b, "Unclaimed")) {
      return codes[2];
    }
    return equals(b, "Drained") ? drained : codes[0];
  }

  private static boolean equals(byte[] b, String ascii) {
    if (b.length != ascii.length()) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      if (b[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b} contains the bytes {@code part} (SQLite's {@code instr(Name, ...) > 0}). */
  static boolean contains(byte[] b, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= b.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (b[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
