package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A condor_status document of one million slot ads (over 100 MB) is collected in a JVM with a 64
 * MiB heap: the collector streams the input and the rows, it never holds them all.
 */
class LargeInputIT {
  static final int SLOTS = 1_000_000;
  static final int GPUS_PER_HOST = 8;
  static final String HEAP = "-Xmx64m";

  @TempDir Path dir;

  /** Writes {@link #SLOTS} claimed single-GPU slot ads; returns the file. */
  static Path writeInput(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("[\n");
      for (int i = 0; i < SLOTS; i++) {
        int host = i / GPUS_PER_HOST;
        w.write(
            String.format(
                "{\"Name\": \"slot1_%d@gpu%06d.chtc.wisc.edu\", \"AssignedGPUs\": \"GPU-%08x\","
                    + " \"AvailableGPUs\": \"{  }\", \"State\": \"Claimed\","
                    + " \"GPUs_DeviceName\": \"NVIDIA A100-SXM4-80GB\", \"GPUs_GlobalMemoryMb\": 81920,"
                    + " \"PrioritizedProjects\": \"\", \"GPUsAverageUsage\": 0.5,"
                    + " \"Machine\": \"gpu%06d.chtc.wisc.edu\", \"RemoteOwner\": \"u%d@example.edu\"}%s\n",
                i % GPUS_PER_HOST + 1, host, i, host, i % 997, i + 1 < SLOTS ? "," : ""));
      }
      w.write("]\n");
    }
    return file;
  }

  @Test
  void oneMillionSlotsInSixtyFourMegabytesOfHeap() throws Exception {
    // about 120 MB of input and 150 MB of database
    assumeTrue(Files.getFileStore(dir).getUsableSpace() > 1L << 30, "needs 1 GiB of free disk");
    Path input = writeInput(dir.resolve("status.json"));
    assertTrue(Files.size(input) > 100L * 1024 * 1024, "input of " + Files.size(input) + " bytes");
    Path data = Files.createDirectory(dir.resolve("data"));

    CliResult r =
        Cli.childJvm()
            .jvmOptions(HEAP)
            .timeoutSeconds(300)
            .run("collect", "--data-dir", data.toString(), "--input", input.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("Wrote " + SLOTS + " rows (" + SLOTS + " slots) to "), r.err());
    Path db = onlyDatabase(data);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      assertEquals(
          List.of((long) SLOTS, 1L, (long) SLOTS / GPUS_PER_HOST, 997L),
          longs(
              s,
              "SELECT count(*), count(DISTINCT timestamp), count(DISTINCT \"Machine\"),"
                  + " count(DISTINCT \"RemoteOwner\") FROM gpu_state"));
      assertEquals(
          List.of(1L),
          longs(
              s,
              "SELECT count(*) FROM gpu_state WHERE \"AssignedGPUs\" = 'GPU-000f423f'"
                  + " AND \"Name\" = 'slot1_8@gpu124999.chtc.wisc.edu'"));
    }
  }

  private static List<Long> longs(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      int n = rs.getMetaData().getColumnCount();
      Long[] values = new Long[n];
      for (int i = 0; i < n; i++) {
        values[i] = rs.getLong(i + 1);
      }
      return List.of(values);
    }
  }

  private static Path onlyDatabase(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> dbs = files.filter(p -> p.getFileName().toString().endsWith(".db")).toList();
      assertEquals(1, dbs.size(), dbs.toString());
      return dbs.get(0);
    }
  }
}
