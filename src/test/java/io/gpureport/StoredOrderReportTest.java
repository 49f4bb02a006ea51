package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.load.GpuStateTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window of several chunks reads files without a timestamp index in stored-order pieces (rowid
 * ranges, each file scanned once), holding back each piece's newest snapshot: with pieces of a few
 * thousand rows, which cut snapshots, the output is byte for byte the one of a single chunk, and
 * when the rows are not stored in time order (a snapshot stored early, two files overlapping) the
 * fallback to time chunks gives it too; files with the index mixed in keep time pieces.
 */
class StoredOrderReportTest {
  /**
   * Stored rows of a piece: not a multiple of a snapshot's rows, so pieces end inside snapshots.
   */
  private static final long PIECE_ROWS = 2999;

  /** The chunk budget whose pieces have {@link #PIECE_ROWS} rows. */
  private static final String CHUNK_ROWS = String.valueOf(2 * PIECE_ROWS);

  private static final String ONE_CHUNK = "100000000";

  @TempDir static Path sample;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    CliResult r =
        Cli.run(
            "sample",
            "--out",
            sample.toString(),
            "--days",
            "6",
            "--start",
            "2025-10-28",
            "--hosts",
            "24",
            "-q");
    assertEquals(0, r.exitCode(), r.err());
  }

  /** Windows of more than three days across Oct 31 → Nov 1 (several chunks at 5,998 rows). */
  private static final List<List<String>> CASES =
      List.of(
          List.of("--end-time", "2025-11-02 21:07:00", "--hours-back", "100"),
          List.of("--end-time", "2025-11-02 21:07:00", "--hours-back", "100", "--all-devices"),
          List.of(
              "--end-time", "2025-11-02 21:07:00", "--hours-back", "100", "--no-group-by-device"),
          List.of(
              "--end-time",
              "2025-11-02 21:07:00",
              "--hours-back",
              "100",
              "--analysis-type",
              "timeseries",
              "--bucket-minutes",
              "45"),
          List.of("--end-time", "2025-11-02 00:00:00", "--analysis-type", "monthly"),
          List.of("--end-time", "2025-11-02 21:07:00", "--hours-back", "100", "--host", "gpu4000"),
          // no end time: the newest data's path (open end in the newest file)
          List.of("--hours-back", "100"),
          // the rule set corrected folds the same chunks and pieces (docs/decisions/0003)
          List.of(
              "--end-time",
              "2025-11-02 21:07:00",
              "--hours-back",
              "100",
              "--rules",
              "corrected",
              "--host-table",
              "full"),
          List.of(
              "--end-time",
              "2025-11-02 00:00:00",
              "--analysis-type",
              "monthly",
              "--rules",
              "corrected"));

  private static String report(Path data, List<String> chunking, String format, List<String> c) {
    List<String> args = new ArrayList<>(List.of("report", "--data-dir", data.toString()));
    args.addAll(c);
    args.addAll(List.of("--output-format", format));
    args.addAll(chunking);
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r.out() + "\u0000" + r.err();
  }

  /** Stored-order pieces (and the time chunks) give the single chunk's bytes, every case. */
  private static void assertSameAsOneChunk(Path data) {
    for (List<String> c : CASES) {
      for (String format : List.of("text", "json")) {
        String one = report(data, List.of("--chunk-minutes", ONE_CHUNK), format, c);
        assertTrue(one.length() > 500, c + " " + format + ": " + one);
        assertEquals(
            one, report(data, List.of("--chunk-rows", CHUNK_ROWS), format, c), c + " " + format);
        assertEquals(
            one, report(data, List.of("--chunk-minutes", "1440"), format, c), c + " " + format);
      }
    }
  }

  private static Path copy(Path to) throws Exception {
    for (String month : List.of("2025-10", "2025-11")) {
      Files.copy(sample.resolve(file(month)), to.resolve(file(month)));
    }
    return to;
  }

  private static String file(String month) {
    return "gpu_state_" + month + ".db";
  }

  private static void sql(Path file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static long count(Path file, String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  @Test
  void piecesThatCutSnapshotsGiveTheOneChunkOutput() throws Exception {
    Path october = sample.resolve(file("2025-10"));
    long pieceRows = PIECE_ROWS;
    assertTrue(count(october, "SELECT max(rowid) FROM gpu_state") > 2 * pieceRows);
    assertEquals(
        1,
        count(
            october,
            "SELECT (SELECT timestamp FROM gpu_state WHERE rowid = "
                + pieceRows
                + ") = (SELECT timestamp FROM gpu_state WHERE rowid = "
                + (pieceRows + 1)
                + ")"),
        "the first piece ends inside a snapshot");
    assertEquals(0, count(october, "SELECT count(*) FROM pragma_index_list('gpu_state')"));
    assertSameAsOneChunk(sample);
  }

  @Test
  void aSnapshotStoredBeforeEarlierOnesFallsBackToTimeChunks() throws Exception {
    Path data = copy(dir);
    Path october = data.resolve(file("2025-10"));
    // the snapshot of Oct 31 12:00 moved to the start of the file (rowids below every other)
    sql(
        october,
        "CREATE TABLE moved AS SELECT * FROM gpu_state"
            + " WHERE timestamp LIKE '2025-10-31 12:00%'",
        "DELETE FROM gpu_state WHERE timestamp LIKE '2025-10-31 12:00%'",
        "INSERT INTO gpu_state (rowid, "
            + String.join(", ", GpuStateTable.COLUMNS)
            + ") SELECT -rowid, "
            + String.join(", ", GpuStateTable.COLUMNS)
            + " FROM moved",
        "DROP TABLE moved");
    assertTrue(count(october, "SELECT count(*) FROM gpu_state WHERE rowid < 0") > 0);
    assertSameAsOneChunk(data);
  }

  @Test
  void filesOverlappingInTimeFallBackToTimeChunks() throws Exception {
    Path data = copy(dir);
    // November's file also holds a snapshot of October 30
    sql(
        data.resolve(file("2025-11")),
        "ATTACH '" + data.resolve(file("2025-10")) + "' AS oct",
        "INSERT INTO gpu_state SELECT * FROM oct.gpu_state"
            + " WHERE timestamp LIKE '2025-10-30 06:00%'");
    assertTrue(
        count(
                data.resolve(file("2025-11")),
                "SELECT count(*) FROM gpu_state WHERE timestamp < '2025-11'")
            > 0);
    assertSameAsOneChunk(data);
  }

  @Test
  void aFileWithTheIndexBetweenFilesWithoutKeepsTimePieces() throws Exception {
    Path data = copy(dir);
    sql(data.resolve(file("2025-10")), GpuStateTable.CREATE_INDEX);
    assertSameAsOneChunk(data);
  }

  @Test
  void chunkRowsMustBePositive() {
    CliResult r = Cli.run("report", "--data-dir", sample.toString(), "--chunk-rows", "0");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--chunk-rows must be >= 1, was 0"), r.err());
  }
}
