package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.LinkLoop;
import io.gpureport.errors.GpuReportException;
import io.gpureport.load.GpuStateTable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The collector end to end on real SQLite files: case C1, appends, months, errors, atomicity. */
class CollectorTest {
  private static final String A100 = "T:NVIDIA A100-SXM4-80GB";
  private static final String RES = "T:resgpu1.chtc.wisc.edu";

  @TempDir Path dir;

  /** The 7 rows of case C1 (example README), stamped {@code ts}. */
  static List<String> c1Rows(String ts) {
    String t = "T:" + ts;
    return List.of(
        row(
            "T:slot1@resgpu1.chtc.wisc.edu",
            "T:GPU-a1",
            "T:GPU_a2",
            "T:Unclaimed",
            A100,
            "I:81920",
            "T:ProjA",
            "NULL",
            RES,
            "NULL",
            "NULL",
            t,
            "NULL",
            "NULL"),
        row(
            "T:slot1@resgpu1.chtc.wisc.edu",
            "T:GPU-a2",
            "T:GPU_a2",
            "T:Unclaimed",
            A100,
            "I:81920",
            "T:ProjA",
            "NULL",
            RES,
            "NULL",
            "NULL",
            t,
            "NULL",
            "NULL"),
        row(
            "T:slot1_1@resgpu1.chtc.wisc.edu",
            "T:GPU-a1",
            "T:",
            "T:Claimed",
            A100,
            "I:81920",
            "T:ProjA",
            "R:0.9",
            RES,
            "T:alice@example.edu",
            "T:ap1.example.edu#1.0#1762164000",
            t,
            "NULL",
            "NULL"),
        row(
            "T:backfill2@resgpu1.chtc.wisc.edu",
            "T:GPU-a2",
            "T:GPU_a2",
            "T:Unclaimed",
            A100,
            "I:81920",
            "T:ProjA",
            "NULL",
            RES,
            "NULL",
            "NULL",
            t,
            "NULL",
            "NULL"),
        row(
            "T:backfill2@migbox.chtc.wisc.edu",
            "T:MIG-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901",
            "T:MIG_1b2c3d4e_5f60_7182_93a4_b5c6d7e8f901",
            "T:Unclaimed",
            "T:NVIDIA H100 80GB HBM3",
            "I:81559",
            "T:",
            "NULL",
            "T:migbox.chtc.wisc.edu",
            "NULL",
            "NULL",
            t,
            "NULL",
            "NULL"),
        row(
            "T:backfill2@busy.chtc.wisc.edu",
            "T:",
            "T:",
            "T:Unclaimed",
            "T:NVIDIA L40S",
            "I:46068",
            "T:",
            "NULL",
            "T:busy.chtc.wisc.edu",
            "NULL",
            "NULL",
            t,
            "NULL",
            "NULL"),
        row(
            "T:slot1@odd.chtc.wisc.edu",
            "NULL",
            "T:",
            "T:Owner",
            "T:NVIDIA L40S",
            "NULL",
            "NULL",
            "NULL",
            "T:odd.chtc.wisc.edu",
            "NULL",
            "NULL",
            t,
            "NULL",
            "NULL"));
  }

  private static String row(String... values) {
    return String.join(" | ", values);
  }

  @Test
  void c1FixtureGivesTheSevenGoldenRowsInAFreshFile() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    StringWriter status = new StringWriter();

    CollectSummary summary =
        Fixtures.collector(Fixtures.T1, status).collect(Fixtures.fromFile(dir, input));

    Path file = dir.resolve("gpu_state_2025-11.db");
    assertEquals(file, summary.file());
    assertEquals(new CollectSummary(file, Fixtures.T1_STORED, 6, 7), summary);
    assertEquals(c1Rows(Fixtures.T1_STORED), StoredRows.read(file));
    assertEquals(
        "Wrote 7 rows (6 slots) to gpu_state_2025-11.db at 2025-11-03 10:15:04.654321"
            + System.lineSeparator(),
        status.toString());
  }

  @Test
  void aDataDirectoryThatIsAFileIsNamedAsSuch() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T1, new StringWriter())
                    .collect(Fixtures.fromFile(input, input)));
    assertEquals("data directory " + input + " is not a directory", e.getMessage());
  }

  @Test
  void createdTableHasTheLegacyColumnsThenPreventJobsReasonAndDiskAndATimestampIndex()
      throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Fixtures.collector(Fixtures.T1, new StringWriter()).collect(Fixtures.fromFile(dir, input));

    Path file = dir.resolve("gpu_state_2025-11.db");
    String sql = StoredRows.scalar(file, "SELECT sql FROM sqlite_master WHERE name = 'gpu_state'");
    assertEquals(CollectedTable.CREATE_TABLE.replace("IF NOT EXISTS ", ""), sql);
    List<String> columns = new ArrayList<>(GpuStateTable.COLUMNS);
    columns.addAll(List.of("PreventJobsReason", "Disk"));
    assertEquals(columns, StoredRows.columns(file));
    assertEquals(
        "TEXT|BIGINT",
        StoredRows.scalar(
            file,
            "SELECT group_concat(type, '|') FROM (SELECT type FROM pragma_table_info('gpu_state')"
                + " WHERE cid >= 12 ORDER BY cid)"));
    assertEquals(
        "gpu_state",
        StoredRows.scalar(
            file,
            "SELECT tbl_name FROM sqlite_master WHERE type = 'index'"
                + " AND name = 'idx_gpu_state_timestamp'"));
  }

  @Test
  void runningTwiceAppendsSevenMoreRowsWithANewTimestamp() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Fixtures.collector(Fixtures.T1, new StringWriter()).collect(Fixtures.fromFile(dir, input));
    CollectSummary second =
        Fixtures.collector(Fixtures.T2, new StringWriter()).collect(Fixtures.fromFile(dir, input));

    assertEquals("2025-11-03 10:30:05.000001", second.timestamp());
    List<String> rows = StoredRows.read(dir.resolve("gpu_state_2025-11.db"));
    List<String> expected =
        Stream.concat(c1Rows(Fixtures.T1_STORED).stream(), c1Rows(second.timestamp()).stream())
            .toList();
    assertEquals(expected, rows);
  }

  @Test
  void existingLegacyTableKeepsItsColumnsGainsTheNewOnesButNoIndex() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    StoredRows.execute(
        file,
        "CREATE TABLE gpu_state (\"Name\" TEXT, \"AssignedGPUs\" TEXT, \"AvailableGPUs\" TEXT,"
            + " \"State\" TEXT, \"GPUs_DeviceName\" TEXT, \"GPUs_GlobalMemoryMb\" FLOAT,"
            + " \"PrioritizedProjects\" TEXT, \"GPUsAverageUsage\" FLOAT, \"Machine\" TEXT,"
            + " \"RemoteOwner\" TEXT, \"GlobalJobId\" TEXT, timestamp DATETIME,"
            + " \"GPUs_MIG_extra\" TEXT)");
    Path input = Fixtures.writeCollectInput(dir);

    Fixtures.collector(Fixtures.T1, new StringWriter()).collect(Fixtures.fromFile(dir, input));

    assertEquals("7", StoredRows.scalar(file, "SELECT count(*) FROM gpu_state"));
    assertEquals(
        "0", StoredRows.scalar(file, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"));
    assertEquals(
        "real", StoredRows.scalar(file, "SELECT typeof(GPUs_GlobalMemoryMb) FROM gpu_state"));
    List<String> columns = new ArrayList<>(GpuStateTable.COLUMNS);
    columns.addAll(List.of("GPUs_MIG_extra", "PreventJobsReason", "Disk"));
    assertEquals(columns, StoredRows.columns(file));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "\"PreventJobsReason\": \"Node maintenance\", \"Disk\": 104857600;"
            + " T:Node maintenance | I:104857600",
        "\"Disk\": 1.5e3; NULL | I:1500",
        "\"Disk\": 104857600.5; NULL | R:104857600.5",
        "\"PreventJobsReason\": null, \"Disk\": null; NULL | NULL",
        "\"PreventJobsReason\": \"\"; T: | NULL",
        "\"preventjobsreason\": 3, \"DISK\": \"big\"; T:3 | T:big",
      })
  void preventJobsReasonIsTextAndDiskAnIntegerWhenIntegral(String attributes, String stored)
      throws Exception {
    Path input =
        Fixtures.writeInput(
            dir, "[{\"Name\": \"slot1@h\", \"AssignedGPUs\": \"GPU-1\", " + attributes + "}]");

    Fixtures.collector(Fixtures.T1, new StringWriter()).collect(Fixtures.fromFile(dir, input));

    List<String> rows = StoredRows.read(dir.resolve("gpu_state_2025-11.db"));
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).endsWith(" | T:" + Fixtures.T1_STORED + " | " + stored), rows.get(0));
  }

  @Test
  void legacyTwelveColumnFileGainsBothColumnsAndOldRowsReadNull() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    legacyFileWithOneRow(file);
    Path input =
        Fixtures.writeInput(
            dir,
            "[{\"Name\": \"slot1@h\", \"AssignedGPUs\": \"GPU-1\","
                + " \"PreventJobsReason\": \"Node maintenance\", \"Disk\": 104857600}]");
    StringWriter status = new StringWriter();
    CollectRequest verbose =
        new CollectRequest(
            dir, input.toString(), "condor_status", null, Duration.ofSeconds(5), true);

    Fixtures.collector(Fixtures.T2, status).collect(verbose);

    List<String> columns = new ArrayList<>(GpuStateTable.COLUMNS);
    columns.addAll(List.of("PreventJobsReason", "Disk"));
    assertEquals(columns, StoredRows.columns(file));
    List<String> rows = StoredRows.read(file);
    assertEquals(2, rows.size());
    assertTrue(rows.get(0).endsWith(" | T:2025-11-03 10:00:05.123456 | NULL | NULL"), rows.get(0));
    assertTrue(rows.get(1).endsWith(" | T:Node maintenance | I:104857600"), rows.get(1));
    assertTrue(
        status
            .toString()
            .contains("Adding columns PreventJobsReason, Disk to gpu_state in " + file),
        status.toString());
  }

  @Test
  void aFileWithOneOfTheColumnsGainsOnlyTheOther() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    legacyFileWithOneRow(file);
    StoredRows.execute(file, "ALTER TABLE gpu_state ADD COLUMN \"disk\" BIGINT");
    Path input = Fixtures.writeCollectInput(dir);

    Fixtures.collector(Fixtures.T2, new StringWriter()).collect(Fixtures.fromFile(dir, input));

    List<String> columns = new ArrayList<>(GpuStateTable.COLUMNS);
    columns.addAll(List.of("disk", "PreventJobsReason"));
    assertEquals(columns, StoredRows.columns(file));
    assertEquals("8", StoredRows.scalar(file, "SELECT count(*) FROM gpu_state"));
  }

  @Test
  void aFailingInsertAfterTheAltersLeavesTheLegacyFileWithoutTheNewColumns() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    legacyFileWithOneRow(file);
    StoredRows.execute(
        file,
        "CREATE TRIGGER fail_on_new_rows BEFORE INSERT ON gpu_state"
            + " WHEN NEW.timestamp > '2025-11-03 10:00:05.123456'"
            + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    byte[] before = Files.readAllBytes(file);
    Path input = Fixtures.writeCollectInput(dir);

    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T2, new StringWriter())
                    .collect(Fixtures.fromFile(dir, input)));

    assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
    assertEquals(GpuStateTable.COLUMNS, StoredRows.columns(file));
    assertEquals("1", StoredRows.scalar(file, "SELECT count(*) FROM gpu_state"));
    assertArrayEquals(before, Files.readAllBytes(file));
    assertFalse(Files.exists(dir.resolve("gpu_state_2025-11.db-journal")));
  }

  /** A file in the legacy collector's format, twelve columns, with one row at 10:00:05. */
  private static void legacyFileWithOneRow(Path file) throws Exception {
    StoredRows.execute(file, GpuStateTable.CREATE_TABLE);
    StoredRows.execute(
        file,
        "INSERT INTO gpu_state VALUES ('slot1@h', 'GPU-1', '', 'Claimed', 'NVIDIA L40S', 46068,"
            + " '', 0.5, 'h', 'u@d', 's#1.0#1', '2025-11-03 10:00:05.123456')");
  }

  @Test
  void stdinIsReadForDash() throws Exception {
    CollectRequest request =
        new CollectRequest(dir, "-", "condor_status", null, Duration.ofSeconds(5), false);

    CollectSummary summary =
        Fixtures.collector(Fixtures.T1, Fixtures.collectInput(), new StringWriter())
            .collect(request);

    assertEquals(7, summary.rows());
    assertEquals(c1Rows(Fixtures.T1_STORED), StoredRows.read(summary.file()));
  }

  @Test
  void lastMicrosecondOfAMonthWritesToThatMonthsFile() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);

    CollectSummary november =
        Fixtures.collector(Fixtures.at("2025-11-30T23:59:59.999999999Z"), new StringWriter())
            .collect(Fixtures.fromFile(dir, input));
    CollectSummary december =
        Fixtures.collector(Fixtures.at("2025-12-01T00:00:00Z"), new StringWriter())
            .collect(Fixtures.fromFile(dir, input));
    CollectSummary newYear =
        Fixtures.collector(Fixtures.at("2025-12-31T23:59:59.999999Z"), new StringWriter())
            .collect(Fixtures.fromFile(dir, input));
    CollectSummary january =
        Fixtures.collector(Fixtures.at("2026-01-01T00:00:00.000001Z"), new StringWriter())
            .collect(Fixtures.fromFile(dir, input));

    assertEquals(dir.resolve("gpu_state_2025-11.db"), november.file());
    assertEquals("2025-11-30 23:59:59.999999", november.timestamp());
    assertEquals(dir.resolve("gpu_state_2025-12.db"), december.file());
    assertEquals("2025-12-01 00:00:00.000000", december.timestamp());
    assertEquals(dir.resolve("gpu_state_2025-12.db"), newYear.file());
    assertEquals(dir.resolve("gpu_state_2026-01.db"), january.file());
    assertEquals("2026-01-01 00:00:00.000001", january.timestamp());
    assertEquals(c1Rows("2025-11-30 23:59:59.999999"), StoredRows.read(november.file()));
    assertEquals(14, StoredRows.read(december.file()).size());
    assertEquals(7, StoredRows.read(january.file()).size());
  }

  @Test
  void timestampIsLocalTimeInTheClocksZone() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Clock chicago =
        Clock.fixed(Instant.parse("2025-12-01T05:59:59.5Z"), ZoneId.of("America/Chicago"));

    CollectSummary summary =
        Fixtures.collector(chicago, new StringWriter()).collect(Fixtures.fromFile(dir, input));

    assertEquals("2025-11-30 23:59:59.500000", summary.timestamp());
    assertEquals(dir.resolve("gpu_state_2025-11.db"), summary.file());
  }

  @Test
  void zeroAdsWriteNothingAndSaySo() throws Exception {
    for (String json : List.of("[]", "", " \n\t ", "[ ]\n")) {
      StringWriter status = new StringWriter();
      Path input = Fixtures.writeInput(dir, json);

      CollectSummary summary =
          Fixtures.collector(Fixtures.T1, status).collect(Fixtures.fromFile(dir, input));

      assertEquals(0, summary.slots(), json);
      assertNull(summary.file(), json);
      assertTrue(status.toString().startsWith("No slot ads in input file"), status.toString());
    }
    assertNoDatabase();
  }

  @Test
  void invalidInputFailsWithOneLineAndWritesNothing() throws Exception {
    List<String> bad =
        List.of(
            "not json",
            "{\"Name\": \"slot1@h\"}",
            "[{\"Name\": \"slot1@h\"}, 42]",
            "[{\"Name\": \"slot1@h\"}, null]",
            "[[]]",
            "\"[]\"",
            "[{\"Name\": \"slot1@h\", \"AssignedGPUs\": \"GPU-1\"}",
            "[{\"Name\": \"slot1@h\"}] [{\"Name\": \"slot2@h\"}]",
            "[{\"Name\": \"slot1@h\"}] x",
            "[{\"Name\": \"slot1@h\",}]",
            "[{\"Name\": 'slot1@h'}]");
    for (String json : bad) {
      Path input = Fixtures.writeInput(dir, json);
      GpuReportException e =
          assertThrows(
              GpuReportException.class,
              () ->
                  Fixtures.collector(Fixtures.T1, new StringWriter())
                      .collect(Fixtures.fromFile(dir, input)),
              json);
      assertTrue(e.getMessage().startsWith("invalid JSON in input file "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
    assertNoDatabase();
  }

  @Test
  void objectInsteadOfArrayIsNamedInTheMessage() throws Exception {
    Path input = Fixtures.writeInput(dir, "{\"Name\": \"slot1@h\"}");
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T1, new StringWriter())
                    .collect(Fixtures.fromFile(dir, input)));
    assertTrue(
        e.getMessage().endsWith("the document is not a JSON array of slot ads (found an object)"),
        e.getMessage());
  }

  @Test
  void invalidTailAfterValidAdsWritesNothingToAnExistingFile() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Fixtures.collector(Fixtures.T1, new StringWriter()).collect(Fixtures.fromFile(dir, input));
    String json = new String(Fixtures.collectInput(), StandardCharsets.UTF_8);
    Path truncated = Fixtures.writeInput(dir, json.substring(0, json.length() - 3));

    assertThrows(
        GpuReportException.class,
        () ->
            Fixtures.collector(Fixtures.T2, new StringWriter())
                .collect(Fixtures.fromFile(dir, truncated)));

    assertEquals(c1Rows(Fixtures.T1_STORED), StoredRows.read(dir.resolve("gpu_state_2025-11.db")));
  }

  @Test
  void missingDataDirectoryAndMissingInputFileAreRuntimeFailures() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Path missingDir = dir.resolve("nope");
    GpuReportException noDir =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T1, new StringWriter())
                    .collect(Fixtures.fromFile(missingDir, input)));
    assertEquals("data directory not found: " + missingDir, noDir.getMessage());
    assertFalse(Files.exists(missingDir));

    Path missingInput = dir.resolve("missing.json");
    GpuReportException noInput =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T1, new StringWriter())
                    .collect(Fixtures.fromFile(dir, missingInput)));
    assertEquals("input file not found: " + missingInput, noInput.getMessage());
    assertNoDatabase();
  }

  @Test
  void aSymbolicLinkLoopAsDataDirectoryIsNamedAsSuch() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Path loop = LinkLoop.in(dir);
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T1, new StringWriter())
                    .collect(Fixtures.fromFile(loop, input)));
    assertEquals(
        "cannot open data directory " + loop + ": too many levels of symbolic links: " + loop,
        e.getMessage());
    assertNoDatabase();
  }

  @Test
  void aSymbolicLinkLoopAsInputIsNamedAsSuch() throws Exception {
    Path loop = LinkLoop.in(dir);
    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T1, new StringWriter())
                    .collect(Fixtures.fromFile(dir, loop)));
    assertEquals(
        "cannot read input file " + loop + ": too many levels of symbolic links: " + loop,
        e.getMessage());
    assertNoDatabase();
  }

  @Test
  void failureAfterSomeInsertsLeavesNoRowOfThatSnapshot() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    Fixtures.collector(Fixtures.T1, new StringWriter()).collect(Fixtures.fromFile(dir, input));
    Path file = dir.resolve("gpu_state_2025-11.db");
    StoredRows.execute(
        file,
        "CREATE TRIGGER fail_after_three BEFORE INSERT ON gpu_state"
            + " WHEN (SELECT count(*) FROM gpu_state WHERE timestamp = NEW.timestamp) >= 3"
            + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");

    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T2, new StringWriter())
                    .collect(Fixtures.fromFile(dir, input)));

    assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
    assertTrue(e.getMessage().startsWith("cannot write " + file), e.getMessage());
    assertEquals(c1Rows(Fixtures.T1_STORED), StoredRows.read(file));
    assertFalse(Files.exists(dir.resolve("gpu_state_2025-11.db-journal")));
  }

  @Test
  void notADatabaseIsARuntimeFailureThatLeavesTheFileAlone() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    Files.writeString(file, "this is not an SQLite database, just some text...........");
    byte[] before = Files.readAllBytes(file);
    Path input = Fixtures.writeCollectInput(dir);

    GpuReportException e =
        assertThrows(
            GpuReportException.class,
            () ->
                Fixtures.collector(Fixtures.T1, new StringWriter())
                    .collect(Fixtures.fromFile(dir, input)));

    assertTrue(e.getMessage().startsWith("cannot write " + file + ": "), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void verboseAddsStatusLines() throws Exception {
    Path input = Fixtures.writeCollectInput(dir);
    StringWriter status = new StringWriter();
    CollectRequest request =
        new CollectRequest(
            dir, input.toString(), "condor_status", null, Duration.ofSeconds(5), true);

    Fixtures.collector(Fixtures.T1, status).collect(request);

    List<String> lines = status.toString().lines().toList();
    assertEquals(3, lines.size(), status.toString());
    assertEquals("Read 6 slot ads from input file " + input, lines.get(0));
    assertTrue(lines.get(1).startsWith("Creating table gpu_state in "), lines.get(1));
    assertTrue(lines.get(2).startsWith("Wrote 7 rows (6 slots)"), lines.get(2));
  }

  private void assertNoDatabase() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> databases =
          files.filter(p -> p.getFileName().toString().startsWith("gpu_state")).toList();
      assertEquals(List.of(), databases);
    }
  }
}
