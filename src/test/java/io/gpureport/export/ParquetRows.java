package io.gpureport.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Test helper: reads a Parquet file back with parquet-java's example {@link Group} reader, every
 * value as a Java object: {@code byte[]} for binary, {@code Long}, {@code Double}, null when
 * absent.
 */
final class ParquetRows {
  /** The file's schema, row-group row counts and rows (column name to value, in file order). */
  record Contents(MessageType schema, List<Long> rowGroups, List<Map<String, Object>> rows) {}

  private ParquetRows() {}

  static Contents read(Path file) throws IOException {
    try (ParquetFileReader r =
        ParquetFileReader.open(
            new LocalInputFile(file),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      List<Long> groups = new ArrayList<>();
      for (BlockMetaData b : r.getFooter().getBlocks()) {
        groups.add(b.getRowCount());
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      PageReadStore pages;
      while ((pages = r.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(values(schema, records.read()));
        }
      }
      return new Contents(schema, groups, rows);
    }
  }

  private static Map<String, Object> values(MessageType schema, Group g) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Type field : schema.getFields()) {
      String name = field.getName();
      if (g.getFieldRepetitionCount(name) == 0) {
        row.put(name, null);
        continue;
      }
      PrimitiveType.PrimitiveTypeName type = field.asPrimitiveType().getPrimitiveTypeName();
      row.put(
          name,
          switch (type) {
            case BINARY -> g.getBinary(name, 0).getBytes();
            case INT64 -> g.getLong(name, 0);
            case DOUBLE -> g.getDouble(name, 0);
            default -> throw new IllegalStateException(type.toString());
          });
    }
    return row;
  }
}
