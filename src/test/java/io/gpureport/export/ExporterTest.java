package io.gpureport.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.collect.CollectedTable;
import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.UsageException;
import io.gpureport.load.GpuStateTable;
import io.gpureport.sample.SampleGenerator;
import io.gpureport.sample.SampleSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
  private static final Pattern MONTH_NAME =
      Pattern.compile("gpu_state_\\d{4}-\\d{2}\\.(db|parquet)");

  private static final String LEGACY_COLUMNS =
      "Name, AssignedGPUs, AvailableGPUs, State, GPUs_DeviceName, GPUs_GlobalMemoryMb,"
          + " PrioritizedProjects, GPUsAverageUsage, Machine, RemoteOwner, GlobalJobId, timestamp";

  @TempDir Path dir;

  /**
   * October: the legacy twelve columns, no index; rows of its own month, one stray November row,
   * and four rows without a readable timestamp. November: the collector's fourteen columns and the
   * index; NULL and "", non-ASCII text and a blob, a fractional memory, every kind of Disk, and two
   * texts of one instant stored against rowid order.
   */
  private Path[] buildMonths() throws SQLException {
    Path data = dir.resolve("data");
    try {
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Path oct = data.resolve("gpu_state_2025-10.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + oct)) {
      exec(c, GpuStateTable.CREATE_TABLE);
      String insert = "INSERT INTO gpu_state (" + LEGACY_COLUMNS + ") VALUES (" + marks(12) + ")";
      insert(c, insert, row("slot1@a", "GPU-1", "Claimed", 81920L, 0.5, "2025-10-05 10:00:00"));
      insert(c, insert, row("slot2@a", "", "Unclaimed", "40960", null, "2025-10-05 10:00:00"));
      insert(c, insert, row(null, null, null, "n/a", "abc", "2025-10-05 10:15:00.25"));
      insert(c, insert, row("slot3@a", "GPU-3", "Claimed", null, 1L, "2025-11-02 08:00:00"));
      insert(c, insert, row("bad1", "x", "Claimed", 1L, 0.0, null));
      insert(c, insert, row("bad2", "x", "Claimed", 1L, 0.0, 20251005L));
      insert(c, insert, row("bad3", "x", "Claimed", 1L, 0.0, "garbage"));
      insert(c, insert, row("bad4", "x", "Claimed", 1L, 0.0, "2025-10-32 00:00:00"));
      insert(c, insert, row("slot0@a", "GPU-0", "Drained", 24576L, 0.0, "2025-10-01 00:00:00"));
    }
    Path nov = data.resolve("gpu_state_2025-11.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + nov)) {
      exec(c, CollectedTable.CREATE_TABLE);
      exec(c, GpuStateTable.CREATE_INDEX);
      String insert =
          "INSERT INTO gpu_state (rowid, "
              + LEGACY_COLUMNS
              + ", PreventJobsReason, Disk) VALUES ("
              + marks(15)
              + ")";
      byte[] blob = {(byte) 0xff, 0, 'A'};
      insert(
          c,
          insert,
          with(
              1L,
              row("é@ü", "", "Claimed", 1.5, 0.25, "2025-11-03 10:00:00.000000"),
              "Node maintenance",
              2048L));
      insert(
          c,
          insert,
          with(2L, row("", null, "Claimed", 80000L, null, "2025-11-03 10:00:00"), null, "4096"));
      insert(
          c,
          insert,
          with(
              3L,
              row("Jürgen@例え.org", blob, "Owner", "81920", 1.0, "2025-11-02 08:00:00"),
              "",
              3.5));
      insert(
          c,
          insert,
          with(
              4L,
              row("last", "GPU-9", "Claimed", 81920L, 0.75, "2025-11-30 23:59:59.999999"),
              null,
              null));
      insert(
          c,
          insert,
          with(
              5L,
              row("first", "GPU-8", "Claimed", 81920L, 0.75, "2025-11-01 00:00:00"),
              "x",
              "n/a"));
    }
    return new Path[] {oct, nov};
  }

  private static Object[] row(
      Object name, Object gpu, Object state, Object memory, Object usage, Object timestamp) {
    return new Object[] {
      name,
      gpu,
      "GPU-1,GPU-2",
      state,
      "NVIDIA A100",
      memory,
      "",
      usage,
      "a.example",
      "u@x",
      "j#1",
      timestamp
    };
  }

  private static Object[] with(long rowid, Object[] row, Object prevent, Object disk) {
    Object[] out = new Object[row.length + 3];
    out[0] = rowid;
    System.arraycopy(row, 0, out, 1, row.length);
    out[row.length + 1] = prevent;
    out[row.length + 2] = disk;
    return out;
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void insert(Connection c, String sql, Object[] values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof byte[] b) {
          ps.setBytes(i + 1, b);
        } else {
          ps.setObject(i + 1, values[i]);
        }
      }
      ps.executeUpdate();
    }
  }

  private ExportRequest request(Path data, LocalDate from, LocalDate to, boolean force) {
    return request(data, from, to, force, dir.resolve("out"));
  }

  private static ExportRequest request(
      Path data, LocalDate from, LocalDate to, boolean force, Path out) {
    return new ExportRequest(null, data, out, ExportFormat.PARQUET, from, to, force, false);
  }

  private static ExportSummary export(ExportRequest request, StringWriter err) {
    return new Exporter(new PrintWriter(err, true), false).export(request);
  }

  private void assertRoundTrip(List<Path> files, LocalDate from, LocalDate to) throws Exception {
    TreeMap<YearMonth, List<Map<String, String>>> expected = SqliteRows.expected(files, from, to);
    Path out = dir.resolve("out");
    try (Stream<Path> list = Files.list(out)) {
      assertEquals(
          expected.keySet().stream().map(m -> MonthFile.name(m, ExportFormat.PARQUET)).toList(),
          list.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (Map.Entry<YearMonth, List<Map<String, String>>> e : expected.entrySet()) {
      Path file = out.resolve(MonthFile.name(e.getKey(), ExportFormat.PARQUET));
      assertEquals(e.getValue(), SqliteRows.cells(ParquetRows.read(file)), file.toString());
    }
  }

  @Test
  void everyValueRoundTripsInLoadOrder() throws Exception {
    Path[] files = buildMonths();
    StringWriter err = new StringWriter();
    ExportSummary summary = export(request(files[0].getParent(), null, null, false), err);
    assertRoundTrip(List.of(files), null, null);
    assertEquals(2, summary.months().size());
    assertEquals(4 + 6, summary.rows());
    assertEquals(4, summary.skipped());
  }

  @Test
  void strayRowsAndInstantsFollowLoadOrder() throws Exception {
    Path[] files = buildMonths();
    export(request(files[0].getParent(), null, null, false), new StringWriter());
    List<Map<String, Object>> nov =
        ParquetRows.read(dir.resolve("out/gpu_state_2025-11.parquet")).rows();
    List<String> names =
        nov.stream().map(r -> new String((byte[]) r.get("Name"), StandardCharsets.UTF_8)).toList();
    // October's stray row first at its instant (file month before rowid); then the two texts of
    // 10:00:00 in rowid order, not in text order
    assertEquals(List.of("first", "slot3@a", "Jürgen@例え.org", "é@ü", "", "last"), names);
    assertArrayEquals(new byte[] {(byte) 0xff, 0, 'A'}, (byte[]) nov.get(2).get("AssignedGPUs"));
    assertArrayEquals(new byte[0], (byte[]) nov.get(3).get("AssignedGPUs"));
    assertEquals(null, nov.get(4).get("AssignedGPUs"));
    assertEquals(null, nov.get(1).get("PreventJobsReason"), "stray row of a file without it");
    assertEquals(List.of(2048L), List.of(nov.get(3).get("Disk")));
    assertEquals(4096L, nov.get(4).get("Disk"));
    assertEquals(null, nov.get(2).get("Disk"), "3.5 is no disk size");
    assertEquals(null, nov.get(0).get("Disk"), "text that is no number");
    assertEquals(1.5, nov.get(3).get("GPUs_GlobalMemoryMb"));
    assertEquals(81920.0, nov.get(2).get("GPUs_GlobalMemoryMb"));
  }

  @Test
  void columnsAndTypesFollowTheSources() throws Exception {
    Path[] files = buildMonths();
    export(request(files[0].getParent(), null, null, false), new StringWriter());
    MessageType oct = ParquetRows.read(dir.resolve("out/gpu_state_2025-10.parquet")).schema();
    MessageType nov = ParquetRows.read(dir.resolve("out/gpu_state_2025-11.parquet")).schema();
    List<String> legacy = GpuStateTable.COLUMNS;
    assertEquals(legacy, oct.getFields().stream().map(f -> f.getName()).toList());
    assertEquals(
        Stream.concat(legacy.stream(), Stream.of("PreventJobsReason", "Disk")).toList(),
        nov.getFields().stream().map(f -> f.getName()).toList());
    assertEquals(type(oct, "GPUs_GlobalMemoryMb"), PrimitiveTypeName.INT64);
    assertEquals(type(nov, "GPUs_GlobalMemoryMb"), PrimitiveTypeName.DOUBLE);
    assertEquals(type(nov, "Disk"), PrimitiveTypeName.INT64);
    assertEquals(type(nov, "GPUsAverageUsage"), PrimitiveTypeName.DOUBLE);
    assertEquals(
        LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS),
        nov.getType("timestamp").getLogicalTypeAnnotation());
    assertEquals(
        LogicalTypeAnnotation.stringType(), nov.getType("GlobalJobId").getLogicalTypeAnnotation());
    for (String f : nov.getFields().stream().map(t -> t.getName()).toList()) {
      assertTrue(nov.getType(f).isRepetition(org.apache.parquet.schema.Type.Repetition.OPTIONAL));
    }
  }

  private static PrimitiveTypeName type(MessageType schema, String column) {
    return schema.getType(column).asPrimitiveType().getPrimitiveTypeName();
  }

  @Test
  void aTemporaryFileOfAnExportThatDiedIsRemoved() throws Exception {
    Path[] files = buildMonths();
    Path out = Files.createDirectories(dir.resolve("out"));
    Path stale = Files.writeString(out.resolve(".gpu_state_2025-11.parquet.999999999.tmp"), "x");
    Path foreign = Files.writeString(out.resolve(".gpu_state_2025-11.parquet.mine.tmp"), "x");
    export(request(files[0].getParent(), null, null, false), new StringWriter());
    assertFalse(Files.exists(stale), "the temporary file of a process that is gone");
    assertTrue(Files.exists(foreign), "not a temporary file of an export");
  }

  @Test
  void theOutDirectoryMayNotHoldTheSources() throws Exception {
    Path[] files = buildMonths();
    Path data = files[0].getParent();
    StringWriter err = new StringWriter();
    GpuReportException e =
        assertThrows(
            UsageException.class, () -> export(request(data, null, null, false, data), err));
    assertTrue(e.getMessage().startsWith("--out " + data + " holds the source "), e.getMessage());
    try (var list = Files.list(data)) {
      assertTrue(list.noneMatch(p -> p.toString().endsWith(".parquet")));
    }
  }

  @Test
  void forceDoesNotReplaceAWholeMonthWithPartOfIt() throws Exception {
    Path[] files = buildMonths();
    Path data = files[0].getParent();
    export(request(data, null, null, false), new StringWriter());
    Path november = dir.resolve("out/gpu_state_2025-11.parquet");
    byte[] before = Files.readAllBytes(november);
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () -> export(request(data, LocalDate.of(2025, 11, 2), null, true), new StringWriter()));
    assertTrue(e.getMessage().contains("cover only part of 2025-11"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(november));
  }

  @Test
  void rowsWithoutAReadableTimestampAreCountedPerFile() throws Exception {
    Path[] files = buildMonths();
    StringWriter err = new StringWriter();
    export(request(files[0].getParent(), null, null, false), err);
    List<String> warnings = err.toString().lines().filter(l -> l.startsWith("Warning:")).toList();
    assertEquals(
        List.of(
            "Warning: "
                + files[0]
                + ": rows stamped outside 2025-10: 1, written to the files of the months they"
                + " are stamped in; reports on the export read them in windows of their time,"
                + " reports on the SQLite files only in windows that include 2025-10",
            "Warning: " + files[0] + ": 4 rows without a readable timestamp not exported"),
        warnings);
    assertEquals(2, err.toString().lines().filter(l -> l.startsWith("Wrote ")).count());
  }

  @Test
  void fromAndToLimitTheRowsAndMonths() throws Exception {
    Path[] files = buildMonths();
    LocalDate from = LocalDate.of(2025, 10, 5);
    LocalDate to = LocalDate.of(2025, 11, 2);
    ExportSummary summary =
        export(request(files[0].getParent(), from, to, false), new StringWriter());
    assertRoundTrip(List.of(files), from, to);
    assertEquals(3 + 3, summary.rows());

    Files.delete(dir.resolve("out/gpu_state_2025-10.parquet"));
    Files.delete(dir.resolve("out/gpu_state_2025-11.parquet"));
    LocalDate only = LocalDate.of(2025, 11, 30);
    export(request(files[0].getParent(), only, only, false), new StringWriter());
    assertRoundTrip(List.of(files), only, only);
  }

  @Test
  void aWindowWithoutRowsWritesNothing() throws Exception {
    Path[] files = buildMonths();
    LocalDate day = LocalDate.of(2025, 10, 20);
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () -> export(request(files[0].getParent(), day, day, false), new StringWriter()));
    assertTrue(e.getMessage().startsWith("No rows to export in "), e.getMessage());
    try (Stream<Path> list = Files.list(dir.resolve("out"))) {
      assertEquals(List.of(), list.toList());
    }
  }

  @Test
  void anExistingMonthIsReplacedOnlyWithForce() throws Exception {
    Path[] files = buildMonths();
    Path out = Files.createDirectories(dir.resolve("out"));
    Path nov = out.resolve("gpu_state_2025-11.parquet");
    Files.writeString(nov, "someone's only copy");
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () -> export(request(files[0].getParent(), null, null, false), new StringWriter()));
    assertEquals(nov + " exists; give --force to replace it", e.getMessage());
    assertEquals("someone's only copy", Files.readString(nov));
    try (Stream<Path> list = Files.list(out)) {
      assertEquals(List.of(nov), list.toList(), "nothing written before the refusal");
    }
    export(request(files[0].getParent(), null, null, true), new StringWriter());
    assertRoundTrip(List.of(files), null, null);
  }

  @Test
  void theTemporaryNameIsNoMonthAndNeverRemains() throws Exception {
    MonthFile m = new MonthFile(dir, YearMonth.of(2025, 11), ExportFormat.PARQUET);
    String temp = m.temp().getFileName().toString();
    assertTrue(temp.startsWith(".gpu_state_2025-11.parquet.") && temp.endsWith(".tmp"), temp);
    assertFalse(MONTH_NAME.matcher(temp).matches());
    assertEquals(dir, m.temp().getParent());

    // a target that appears while the month is written: the temporary file is removed
    Files.writeString(m.temp(), "partial");
    Files.writeString(m.target(), "appeared meanwhile");
    assertThrows(GpuReportException.class, () -> m.commit(false));
    assertFalse(Files.exists(m.temp()));
    assertEquals("appeared meanwhile", Files.readString(m.target()));

    Path[] files = buildMonths();
    export(request(files[0].getParent(), null, null, false), new StringWriter());
    try (Stream<Path> list = Files.list(dir.resolve("out"))) {
      assertTrue(list.allMatch(p -> MONTH_NAME.matcher(p.getFileName().toString()).matches()));
    }
  }

  @Test
  void theSourcesAreNotModified() throws Exception {
    Path[] files = buildMonths();
    String before = sha256(files[0]) + sha256(files[1]);
    List<String> listing;
    try (Stream<Path> list = Files.list(files[0].getParent())) {
      listing = list.map(Path::toString).sorted().toList();
    }
    export(request(files[0].getParent(), null, null, false), new StringWriter());
    assertEquals(before, sha256(files[0]) + sha256(files[1]));
    try (Stream<Path> list = Files.list(files[0].getParent())) {
      assertEquals(listing, list.map(Path::toString).sorted().toList(), "no journal or WAL left");
    }
  }

  @Test
  void oneFileWithDbPath() throws Exception {
    Path[] files = buildMonths();
    ExportRequest request =
        new ExportRequest(
            files[1], null, dir.resolve("out"), ExportFormat.PARQUET, null, null, false, true);
    StringWriter err = new StringWriter();
    export(request, err);
    assertEquals("", err.toString(), "quiet");
    assertRoundTrip(List.of(files[1]), null, null);
  }

  @Test
  void aSampleAcrossAMonthEndRoundTripsWithDayRowGroups() throws Exception {
    Path data = dir.resolve("sample");
    SampleGenerator.generate(
        new SampleSpec(data, 3, 7, LocalDateTime.of(2025, 10, 30, 0, 0), 30, false));
    List<Path> files;
    try (Stream<Path> list = Files.list(data)) {
      files = list.filter(p -> p.toString().endsWith(".db")).sorted().toList();
    }
    assertEquals(2, files.size());
    export(request(data, null, null, false), new StringWriter());
    assertRoundTrip(files, null, null);
    ParquetRows.Contents oct = ParquetRows.read(dir.resolve("out/gpu_state_2025-10.parquet"));
    assertEquals(2, oct.rowGroups().size(), "two days of October, a row group each");
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
