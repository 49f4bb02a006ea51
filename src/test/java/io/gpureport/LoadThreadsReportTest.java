package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The number of load threads never shows in the output: one thread and four give the same bytes,
 * text and JSON, on a window across two monthly files, first without a timestamp index (each file
 * split by rowid among the threads), then with one (windows of more than two days read in halves).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadThreadsReportTest {
  @TempDir static Path sample;

  /** The outputs of the unindexed files, to compare the indexed ones with. */
  private static final List<String> UNINDEXED = new ArrayList<>();

  @BeforeAll
  static void generate() {
    CliResult r =
        Cli.run(
            "sample",
            "--out",
            sample.toString(),
            "--days",
            "4",
            "--start",
            "2025-10-29",
            "--hosts",
            "30",
            "-q");
    assertEquals(0, r.exitCode(), r.err());
  }

  /** Windows across Oct 31 → Nov 1, of more and less than two days, one of them in chunks. */
  private static final List<List<String>> CASES =
      List.of(
          List.of("--end-time", "2025-11-01 18:07:00", "--hours-back", "60"),
          List.of("--end-time", "2025-11-01 03:07:00", "--hours-back", "8", "--all-devices"),
          List.of(
              "--end-time",
              "2025-11-01 18:07:00",
              "--hours-back",
              "60",
              "--no-group-by-device",
              "--chunk-minutes",
              "900"),
          List.of(
              "--end-time",
              "2025-11-01 18:07:00",
              "--hours-back",
              "72",
              "--analysis-type",
              "timeseries",
              "--bucket-minutes",
              "60"),
          List.of("--end-time", "2025-11-02 00:00:00", "--analysis-type", "monthly"),
          // no end time: the newest data's path (open end in the newest file)
          List.of("--hours-back", "60"));

  private static String report(int threads, String format, List<String> extra) {
    List<String> args = new ArrayList<>(List.of("report", "--data-dir", sample.toString()));
    args.addAll(extra);
    args.addAll(List.of("--output-format", format, "--load-threads", String.valueOf(threads)));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r.out() + "\u0000" + r.err();
  }

  private static List<Path> files() throws Exception {
    try (Stream<Path> list = Files.list(sample)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".db")).sorted().toList();
    }
  }

  private static boolean indexed(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT 1 FROM pragma_index_list('gpu_state') AS l"
                    + " JOIN pragma_index_info(l.name) AS i"
                    + " WHERE i.seqno = 0 AND i.name = 'timestamp'")) {
      return rs.next();
    }
  }

  private static List<String> compareThreads() {
    List<String> outputs = new ArrayList<>();
    for (List<String> c : CASES) {
      for (String format : List.of("text", "json")) {
        String one = report(1, format, c);
        assertTrue(one.length() > 500, c + " " + format + ": " + one);
        assertEquals(one, report(4, format, c), c + " " + format);
        outputs.add(one);
      }
    }
    return outputs;
  }

  @Test
  @Order(1)
  void withoutTimestampIndexOneThreadEqualsFour() throws Exception {
    List<Path> files = files();
    assertEquals(2, files.size(), files.toString());
    for (Path f : files) {
      assertTrue(!indexed(f), f + " has an index: the rowid split would not run");
    }
    UNINDEXED.addAll(compareThreads());
  }

  @Test
  @Order(2)
  void withTimestampIndexOneThreadEqualsFour() throws Exception {
    CliResult r = Cli.run("index", "--data-dir", sample.toString());
    assertEquals(0, r.exitCode(), r.err());
    for (Path f : files()) {
      assertTrue(indexed(f), f.toString());
    }
    List<String> outputs = compareThreads();
    if (!UNINDEXED.isEmpty()) {
      assertEquals(UNINDEXED, outputs, "the index changes no output");
    }
  }
}
