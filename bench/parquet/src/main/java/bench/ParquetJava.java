package bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;

/** Candidate A: parquet-java's low-level API on local files (no Hadoop FileSystem). */
public final class ParquetJava {
  static final MessageType SCHEMA;

  static {
    StringBuilder s = new StringBuilder("message gpu_state {\n");
    for (String c : Month.STR) s.append("  optional binary ").append(c).append(" (STRING);\n");
    for (String c : Month.LNG) s.append("  optional int64 ").append(c).append(";\n");
    s.append("  optional double ").append(Month.DBL).append(";\n");
    s.append("  optional int64 timestamp (TIMESTAMP(MICROS,false));\n}");
    SCHEMA = MessageTypeParser.parseMessageType(s.toString());
  }

  public static void main(String[] a) throws Exception {
    if (a[0].equals("write")) write(a[1], a[2]);
    else read(a[1], a.length > 2 ? Integer.parseInt(a[2]) : 14);
  }

  // ---------------------------------------------------------------- write
  static void write(String db, String out) throws Exception {
    long t0 = System.nanoTime();
    Month m = Month.load(db);
    long t1 = System.nanoTime();
    Binary[][] bins = new Binary[Month.STR.length][];
    for (int j = 0; j < Month.STR.length; j++) {
      List<String> d = m.dict.get(j);
      bins[j] = new Binary[d.size()];
      for (int k = 0; k < d.size(); k++) bins[j][k] = Binary.fromString(d.get(k));
    }
    WriteSupport<Integer> ws = new WriteSupport<>() {
      RecordConsumer rc;
      @Override public WriteContext init(Configuration c) { return new WriteContext(SCHEMA, new HashMap<>()); }
      @Override public WriteContext init(ParquetConfiguration c) { return new WriteContext(SCHEMA, new HashMap<>()); }
      @Override public void prepareForWrite(RecordConsumer r) { rc = r; }
      @Override public void write(Integer boxed) {
        int i = boxed;
        rc.startMessage();
        int f = 0;
        for (int j = 0; j < Month.STR.length; j++, f++) {
          int code = m.codes[j][i];
          if (code >= 0) { rc.startField(Month.STR[j], f); rc.addBinary(bins[j][code]); rc.endField(Month.STR[j], f); }
        }
        for (int j = 0; j < Month.LNG.length; j++, f++) {
          if (!m.longNull[j].get(i)) { rc.startField(Month.LNG[j], f); rc.addLong(m.longs[j][i]); rc.endField(Month.LNG[j], f); }
        }
        if (!m.dblNull.get(i)) { rc.startField(Month.DBL, f); rc.addDouble(m.dbl[i]); rc.endField(Month.DBL, f); }
        f++;
        rc.startField(Month.TS, f); rc.addLong(m.tsMicros[i]); rc.endField(Month.TS, f);
        rc.endMessage();
      }
    };
    final class B extends ParquetWriter.Builder<Integer, B> {
      B(org.apache.parquet.io.OutputFile f) { super(f); }
      @Override protected B self() { return this; }
      @Override protected WriteSupport<Integer> getWriteSupport(Configuration c) { return ws; }
      @Override protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration c) { return ws; }
    }
    try (ParquetWriter<Integer> w = new B(new LocalOutputFile(Path.of(out)))
        .withConf(new PlainParquetConfiguration())
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withDictionaryEncoding(true)
        .withDictionaryPageSize(Integer.getInteger("dictPage", 1 << 20))
        .withRowGroupRowCountLimit(Integer.getInteger("rowGroupRows", Integer.MAX_VALUE))
        .build()) {
      for (int k = 0; k < m.n; k++) w.write(m.order[k]);
    }
    long t2 = System.nanoTime();
    System.out.printf("parquet-java write rows=%d sqlite_load_s=%.2f write_s=%.2f%n", m.n, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
  }

  // ---------------------------------------------------------------- read
  /** Strings to global dictionary codes without building a String per row. */
  static final class StrConv extends PrimitiveConverter {
    final HashMap<Binary, Integer> global = new HashMap<>();
    final List<Binary> values = new ArrayList<>();
    int[] local;
    int[] out;
    int pos;
    long plainValues;

    int code(Binary b) {
      Integer c = global.get(b);
      if (c == null) {
        c = values.size();
        Binary copy = b.copy();
        values.add(copy);
        global.put(copy, c);
      }
      return c;
    }
    @Override public boolean hasDictionarySupport() { return true; }
    @Override public void setDictionary(Dictionary d) {
      local = new int[d.getMaxId() + 1];
      for (int id = 0; id <= d.getMaxId(); id++) local[id] = code(d.decodeToBinary(id));
    }
    @Override public void addValueFromDictionary(int id) { out[pos++] = local[id]; }
    @Override public void addBinary(Binary b) { plainValues++; out[pos++] = code(b); }
    void addNull() { out[pos++] = -1; }
  }

  static final class LongConv extends PrimitiveConverter {
    long[] out; boolean[] isNull; int pos;
    @Override public void addLong(long v) { out[pos++] = v; }
    @Override public void addDouble(double v) { out[pos++] = Double.doubleToRawLongBits(v); }
    void addNull() { isNull[pos++] = true; }
  }

  static void read(String file, int ncols) throws Exception {
    long t0 = System.nanoTime();
    // -Dfrom/-Dto ('YYYY-MM-DD HH:MM:SS'): a window, pushed down to row-group statistics and the
    // column index (page skipping); rows of kept pages outside it are still decoded.
    ParquetReadOptions.Builder ob = ParquetReadOptions.builder();
    String from = System.getProperty("from"), to = System.getProperty("to");
    if (from != null) {
      org.apache.parquet.filter2.predicate.Operators.LongColumn ts =
          org.apache.parquet.filter2.predicate.FilterApi.longColumn(Month.TS);
      ob.withRecordFilter(org.apache.parquet.filter2.compat.FilterCompat.get(
          org.apache.parquet.filter2.predicate.FilterApi.and(
              org.apache.parquet.filter2.predicate.FilterApi.gtEq(ts, Month.parseMicros(from)),
              org.apache.parquet.filter2.predicate.FilterApi.lt(ts, Month.parseMicros(to)))));
    }
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(file)), ob.build())) {
      MessageType fileSchema = r.getFooter().getFileMetaData().getSchema();
      String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
      List<String> wanted = columns(ncols);
      List<Type> fields = new ArrayList<>();
      for (String c : wanted) fields.add(fileSchema.getType(c));
      MessageType req = new MessageType("gpu_state", fields);
      r.setRequestedSchema(req);
      long total = from != null ? r.getFilteredRecordCount() : r.getRecordCount();
      int n = Math.toIntExact(total);
      PrimitiveConverter[] conv = new PrimitiveConverter[wanted.size()];
      for (int k = 0; k < wanted.size(); k++) {
        if (fields.get(k).asPrimitiveType().getPrimitiveTypeName().name().equals("BINARY")) {
          StrConv s = new StrConv(); s.out = new int[n]; conv[k] = s;
        } else {
          LongConv l = new LongConv(); l.out = new long[n]; l.isNull = new boolean[n]; conv[k] = l;
        }
      }
      GroupConverter root = new GroupConverter() {
        @Override public Converter getConverter(int i) { return conv[i]; }
        @Override public void start() {}
        @Override public void end() {}
      };
      List<ColumnDescriptor> cols = req.getColumns();
      PageReadStore pages;
      int groups = 0;
      while ((pages = from != null ? r.readNextFilteredRowGroup() : r.readNextRowGroup()) != null) {
        groups++;
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, root, req, createdBy);
        long rows = pages.getRowCount();
        for (int k = 0; k < cols.size(); k++) {
          ColumnDescriptor d = cols.get(k);
          ColumnReader cr = store.getColumnReader(d);
          int maxDef = d.getMaxDefinitionLevel();
          PrimitiveConverter pc = conv[k];
          for (long i = 0; i < rows; i++) {
            if (cr.getCurrentDefinitionLevel() == maxDef) cr.writeCurrentValueToConverter();
            else if (pc instanceof StrConv) ((StrConv) pc).addNull();
            else ((LongConv) pc).addNull();
            cr.consume();
          }
          Result.firstRow();
        }
      }
      long t1 = System.nanoTime();
      long sum = 0; boolean sorted = true; long plain = 0;
      for (int k = 0; k < conv.length; k++) {
        if (conv[k] instanceof StrConv) {
          StrConv s = (StrConv) conv[k];
          sum += s.values.size(); plain += s.plainValues;
          for (int i = 0; i < n; i++) sum += s.out[i];
        } else {
          LongConv l = (LongConv) conv[k];
          boolean dbl = wanted.get(k).equals(Month.DBL);
          for (int i = 0; i < n; i++) {
            if (l.isNull[i]) { sum += 7; continue; }
            sum += dbl ? (long) (Double.longBitsToDouble(l.out[i]) * 1000) : l.out[i];
          }
          if (wanted.get(k).equals(Month.TS))
            for (int i = 1; i < n && sorted; i++) sorted = l.out[i - 1] <= l.out[i];
        }
      }
      Result.print("parquet-java read cols=" + wanted.size(), n, t0, t1, sum, sorted,
          "row_groups=" + groups + " plain_string_values=" + plain);
    }
  }

  /** All 14, or the 9 of the default report (gpureport Projection.ALLOCATION). */
  static List<String> columns(int ncols) {
    if (ncols == 9)
      return List.of("Name", "AssignedGPUs", "State", "GPUs_DeviceName", "GPUs_GlobalMemoryMb",
          "PrioritizedProjects", "Machine", "RemoteOwner", "timestamp"); // Projection.ALLOCATION
    List<String> all = new ArrayList<>(List.of(Month.STR));
    all.addAll(List.of(Month.LNG));
    all.add(Month.DBL);
    all.add(Month.TS);
    return all;
  }
}
