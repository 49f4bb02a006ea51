package io.gpureport.load;

import static io.gpureport.load.ParquetParityTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.errors.GpuReportException;
import io.gpureport.load.ParquetMonth.Slot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ParquetFormat} on files other writers make (columns in another order, other types, units,
 * codecs and encodings, older files without the added columns), on files it cannot read (one-line
 * errors naming the file), its footer facts, and its stored-order pieces.
 */
class ParquetFormatTest {
  private static final TimeRange ALL =
      TimeRange.closed(Timestamps.parseStored(at(0, 0, -1)), Timestamps.parseStored(at(3, 0, -1)));

  @TempDir Path dir;

  private List<Slot> rows;
  private Path sqlite;

  @BeforeEach
  void original() throws Exception {
    rows = ParquetParityTest.octoberRows();
    sqlite = ParquetMonth.sqlite(dir.resolve("gpu_state_2025-10.db"), rows);
  }

  private static long t(String stored) {
    return Timestamps.parseStored(stored);
  }

  private List<String> fromSqlite(Projection p, TimeRange range) {
    return ParquetMonth.describe(new SlotLoader(1).load(List.of(sqlite), range, p));
  }

  private static List<String> fromParquet(Path file, Projection p, TimeRange range) {
    return ParquetMonth.describe(
        new ParquetFormat().load(List.of(file), range, p, null, LoadProgress.silent()));
  }

  private Path parquet(Consumer<ParquetMonth.Writer> shape) throws Exception {
    ParquetMonth.Writer w = new ParquetMonth.Writer();
    shape.accept(w);
    return w.write(dir.resolve("gpu_state_2025-10.parquet"), rows);
  }

  private void assertParity(Path file) {
    for (Projection p : Projection.values()) {
      assertEquals(fromSqlite(p, ALL), fromParquet(file, p, ALL), p.name());
    }
  }

  // ------------------------------------------------------------------ foreign files

  @Test
  void columnsInAnotherOrderMemoryAsDoubleAndUnannotatedStrings() throws Exception {
    List<String> reversed = new ArrayList<>(ParquetMonth.COLUMNS);
    java.util.Collections.reverse(reversed);
    assertParity(parquet(w -> w.columns(reversed).memoryDouble().unannotatedStrings()));
  }

  @Test
  void nanosecondTimestampsAreFlooredToMicroseconds() throws Exception {
    assertParity(parquet(ParquetMonth.Writer::nanos));
  }

  @Test
  void int96TimestampsAreRead() throws Exception {
    assertParity(parquet(ParquetMonth.Writer::int96));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SNAPPY", "UNCOMPRESSED", "GZIP", "ZSTD"})
  void codecs(String codec) throws Exception {
    assertParity(parquet(w -> w.codec(CompressionCodecName.valueOf(codec))));
  }

  @Test
  void plainEncodingWithoutDictionaries() throws Exception {
    assertParity(parquet(w -> w.plain().rowGroupRows(9)));
  }

  @Test
  void anOlderFileWithoutPreventJobsReasonOrDiskIsNotRecorded() throws Exception {
    List<String> old = new ArrayList<>(ParquetMonth.COLUMNS);
    old.removeAll(List.of("PreventJobsReason", "Disk"));
    Path file = parquet(w -> w.columns(old));
    SlotTable t =
        new ParquetFormat()
            .load(List.of(file), ALL, Projection.CORRECTED, null, LoadProgress.silent());
    assertEquals(rows.size(), t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) {
      assertEquals(Dictionary.NULL, t.codes(SlotTable.PREVENT).getInt(i));
      assertFalse(t.preventRecorded().get(i));
    }
    // the other columns as from the original
    List<String> want = fromSqlite(Projection.CORRECTED, ALL);
    List<String> got = ParquetMonth.describe(t);
    for (int i = 0; i < want.size(); i++) {
      String w = want.get(i);
      String prefix = w.substring(0, nthBar(w, 8));
      assertTrue(got.get(i).startsWith(prefix), got.get(i) + " vs " + w);
      assertTrue(got.get(i).endsWith("|<NULL>|" + w.split("\\|")[9] + "|false"), got.get(i));
    }
    for (Projection p : List.of(Projection.ALLOCATION, Projection.FULL)) {
      assertEquals(fromSqlite(p, ALL), fromParquet(file, p, ALL));
    }
  }

  private static int nthBar(String s, int n) {
    int at = -1;
    for (int k = 0; k < n; k++) {
      at = s.indexOf('|', at + 1);
    }
    return at;
  }

  @Test
  void aRangeInTheMiddleRowGroupReadsExactlyItsRows() throws Exception {
    // one snapshot of seven rows per row group, in time order: 00:00, 00:10, 00:20, ...
    Path file = parquet(w -> w.rowGroupRows(7));
    TimeRange middle = TimeRange.closed(t(at(1, 15, -1)), t(at(1, 25, -1)));
    List<String> got = fromParquet(file, Projection.FULL, middle);
    assertEquals(7, got.size());
    assertEquals(fromSqlite(Projection.FULL, middle), got);
    // the statistics rule the other row groups out
    Segment s = new Segment("october");
    List<Piece> pieces = new ParquetFormat().pieces(s, file, middle, false, 100, 1).orElseThrow();
    assertEquals(List.of(new ParquetPiece(s, file, middle, false, 2, 2)), pieces);
  }

  // ------------------------------------------------------------------ errors

  private static String error(Path file) {
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                new ParquetFormat()
                    .load(List.of(file), ALL, Projection.FULL, null, LoadProgress.silent()));
    assertTrue(e.getMessage().startsWith("cannot read " + file + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void aTruncatedFile() throws Exception {
    Path good = parquet(w -> {});
    byte[] bytes = Files.readAllBytes(good);
    Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    assertTrue(error(cut).contains("truncated"));
  }

  @Test
  void aCorruptFooter() throws Exception {
    byte[] bytes = Files.readAllBytes(parquet(w -> {}));
    for (int i = bytes.length - 200; i < bytes.length - 8; i++) {
      bytes[i] = (byte) 0xff;
    }
    assertTrue(
        error(Files.write(dir.resolve("corrupt.parquet"), bytes))
            .contains("corrupt Parquet footer"));
  }

  @Test
  void aTextFileNamedParquet() throws Exception {
    Path text = Files.writeString(dir.resolve("gpu_state_2025-11.parquet"), "Name,State\na,b\n");
    assertTrue(error(text).endsWith(": not a Parquet file"));
    Path empty = Files.write(dir.resolve("empty.parquet"), new byte[0]);
    assertTrue(error(empty).endsWith(": not a Parquet file"));
  }

  @Test
  void aMissingFile() {
    assertTrue(error(dir.resolve("gone.parquet")).contains("no such file"));
  }

  @Test
  void aMissingRequiredColumnIsNamedAsSqliteNamesIt() throws Exception {
    List<String> cols = new ArrayList<>(ParquetMonth.COLUMNS);
    cols.remove("Machine");
    Path file = parquet(w -> w.columns(cols));
    assertTrue(error(file).endsWith(": no such column: Machine"));
    // a projection that does not read a missing column is fine
    List<String> noUsage = new ArrayList<>(ParquetMonth.COLUMNS);
    noUsage.remove("GPUsAverageUsage");
    Path file2 = parquet(w -> w.columns(noUsage));
    assertEquals(
        fromSqlite(Projection.CORRECTED, ALL), fromParquet(file2, Projection.CORRECTED, ALL));
    assertTrue(error(file2).endsWith(": no such column: GPUsAverageUsage"));
  }

  @Test
  void aTimestampStoredAsText() throws Exception {
    Path file = parquet(ParquetMonth.Writer::timestampAsString);
    String m = error(file);
    assertTrue(m.contains("column timestamp has type binary (STRING)"), m);
    assertTrue(m.contains("expected int64 TIMESTAMP"), m);
    assertThrows(GpuReportException.class, () -> new ParquetFormat().maxTimestamp(file));
  }

  @Test
  void utcInstantsAreRefusedNotShifted() throws Exception {
    Path file = parquet(ParquetMonth.Writer::utcInstants);
    String m = error(file);
    assertTrue(m.contains("column timestamp has type int64 (TIMESTAMP(MICROS,true))"), m);
    assertTrue(m.contains("expected a timestamp without time zone"), m);
  }

  // ------------------------------------------------------------------ footer facts

  @Test
  void footerFacts() throws Exception {
    Path file = parquet(w -> w.rowGroupRows(7));
    ParquetFormat f = new ParquetFormat();
    long min = t(at(1, 0, 0));
    long max = t(at(2, 0, 0));
    assertEquals(OptionalLong.of(max), f.maxTimestamp(file));
    assertEquals(Optional.of(max), f.lastStored(file));
    assertEquals(new TimeSpan(min, max), f.span(file));
    assertEquals(new Insertions(rows.size(), max - min), f.insertions(file));
    assertTrue(f.selectsByContent());
  }

  @Test
  void anEmptyFile() throws Exception {
    rows = List.of();
    Path file = parquet(w -> {});
    ParquetFormat f = new ParquetFormat();
    assertEquals(OptionalLong.empty(), f.maxTimestamp(file));
    assertEquals(Optional.empty(), f.lastStored(file));
    assertEquals(Span.NONE, f.span(file));
    assertEquals(new Insertions(0, -1), f.insertions(file));
    assertEquals(
        0, f.load(List.of(file), ALL, Projection.FULL, null, LoadProgress.silent()).rowCount());
    assertEquals(Optional.of(List.of()), f.pieces(new Segment("s"), file, ALL, false, 10, 10));
  }

  // ------------------------------------------------------------------ pieces

  @Test
  void piecesCoverEveryRowOnceInOrder() throws Exception {
    Path file = parquet(w -> w.rowGroupRows(7));
    ParquetFormat f = new ParquetFormat(2);
    Segment s = new Segment("october");
    List<Piece> pieces = f.pieces(s, file, ALL, false, 15, 1).orElseThrow();
    assertEquals(3, pieces.size()); // six row groups of seven rows, two per piece
    List<String> joined = new ArrayList<>();
    LoadProgress progress = LoadProgress.silent();
    for (Piece p : pieces) {
      assertEquals(s, p.segment());
      joined.addAll(ParquetMonth.describe(f.load(p, Projection.FULL, progress)));
    }
    assertEquals(fromSqlite(Projection.FULL, ALL), joined);
    // open end: the window's end does not bound the last file's rows
    TimeRange early = TimeRange.closed(t(at(1, 25, -1)), t(at(1, 26, -1)));
    List<String> open = new ArrayList<>();
    for (Piece p : f.pieces(s, file, early, true, 7, 1).orElseThrow()) {
      open.addAll(ParquetMonth.describe(f.load(p, Projection.FULL, progress)));
    }
    assertEquals(
        fromSqlite(Projection.FULL, new TimeRange(early.start(), Long.MAX_VALUE, true)), open);
    assertEquals(21, open.size());
  }

  @Test
  void aRowGroupAboveMaxRowsMakesNoPieces() throws Exception {
    Path file = parquet(w -> w.rowGroupRows(7));
    assertEquals(
        Optional.empty(), new ParquetFormat().pieces(new Segment("s"), file, ALL, false, 6, 1));
  }
}
