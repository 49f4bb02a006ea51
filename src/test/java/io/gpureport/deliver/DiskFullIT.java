package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, made real with a tiny tmpfs (skipped where mounting is not allowed): the previous
 * report file stays intact, and the collector leaves no partial snapshot.
 */
class DiskFullIT {
  @TempDir Path dir;
  private Path tiny;
  private boolean mounted;

  private static boolean run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @BeforeEach
  void mountTinyDisk() throws Exception {
    tiny = Files.createDirectory(dir.resolve("tiny"));
    mounted = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", tiny.toString());
    assumeTrue(mounted, "cannot mount a tmpfs here");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", tiny.toString());
    }
  }

  @Test
  void reportOnAFullDiskKeepsThePreviousFile() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    ExampleData.build(data);
    Path target = tiny.resolve("report.html");
    Files.writeString(target, "previous\n");
    Files.write(tiny.resolve("filler"), new byte[40 * 1024]);
    CliResult r =
        Cli.run(
            "report",
            "--data-dir",
            data.toString(),
            "--output-format",
            "html",
            "--output-file",
            target.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("Error: cannot write output file " + target), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("previous\n", Files.readString(target));
    try (var s = Files.list(tiny)) {
      assertEquals(2, s.count(), "a temporary file was left behind");
    }
  }

  @Test
  void collectOnAFullDiskWritesNothing() throws Exception {
    Path db = tiny.resolve("gpu_state_2025-11.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute(io.gpureport.load.GpuStateTable.CREATE_TABLE);
    }
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 2000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"Name\": \"slot1@host")
          .append(i)
          .append(".example.org\", \"AssignedGPUs\": \"GPU-")
          .append(i)
          .append("\", \"State\": \"Unclaimed\", \"Machine\": \"host")
          .append(i)
          .append(".example.org\", \"GPUs_DeviceName\": \"NVIDIA L40S\"}");
    }
    Path input = dir.resolve("input.json");
    Files.writeString(input, json.append("]"));
    java.time.Clock clock =
        java.time.Clock.fixed(
            java.time.Instant.parse("2025-11-03T10:00:05Z"), java.time.ZoneOffset.UTC);
    CliResult r =
        Cli.with()
            .clock(clock)
            .run("collect", "--data-dir", tiny.toString(), "--input", input.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("Error: "), r.err());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM gpu_state")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }
}
