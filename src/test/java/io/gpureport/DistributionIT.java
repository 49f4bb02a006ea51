package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gpureport.deliver.MailServerSetups;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution ({@code target/gpureport-<version>.tar.gz}), unpacked into a folder of
 * its own and run through its launcher from another working directory, as an operator would: the
 * shaded, minimized jar must still find its JDBC driver, mail provider, templates and charts.
 */
class DistributionIT {
  @TempDir static Path unpacked;
  @TempDir Path work;

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(MailServerSetups.smtp());

  private static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    Path archive = Path.of(System.getProperty("gpureport.distribution", "missing"));
    assertTrue(Files.isRegularFile(archive), "run through failsafe after package: " + archive);
    Run tar = run(unpacked, List.of("tar", "xzf", archive.toString(), "-C", unpacked.toString()));
    assertEquals(0, tar.exitCode(), tar.err());
    try (var dirs = Files.list(unpacked)) {
      home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void theArchiveHoldsLauncherManPagesCompletionConfigAndLicences() throws IOException {
    assertTrue(Files.isExecutable(home.resolve("bin/gpureport")));
    for (String page : List.of("gpureport", "gpureport-report", "gpureport-collect")) {
      String troff = Files.readString(home.resolve("man/man1/" + page + ".1"));
      String title = page.toUpperCase(Locale.ROOT).replace("-", "\\-");
      assertTrue(troff.contains(".TH \"" + title + "\" \"1\""), page + ".1 is a man page");
    }
    assertTrue(Files.isRegularFile(home.resolve("masked_hosts.yaml")));
    assertTrue(Files.isRegularFile(home.resolve("chtc_owned_hosts.txt")));
    String thirdParty = Files.readString(home.resolve("licenses/THIRD-PARTY.txt"));
    assertTrue(thirdParty.contains("org.xerial:sqlite-jdbc"), thirdParty);
  }

  @Test
  void theCompletionScriptRegistersWithBash() throws Exception {
    Path script = home.resolve("completion/gpureport-completion.bash");
    Run bash =
        run(
            work,
            List.of("bash", "-c", "source \"$0\" && complete -p gpureport", script.toString()));
    assertEquals(0, bash.exitCode(), bash.err());
    assertTrue(bash.out().contains("gpureport"), bash.out());
  }

  @Test
  void versionNamesJavaAndSqlite() throws Exception {
    Run version = gpureport("--version");
    assertEquals(0, version.exitCode(), version.err());
    List<String> lines = version.out().lines().toList();
    assertEquals(3, lines.size(), version.out());
    assertTrue(lines.get(0).matches("gpureport \\d+\\.\\d+\\.\\d+.*"), version.out());
    assertTrue(lines.get(1).startsWith("Java "), version.out());
    assertTrue(lines.get(2).startsWith("SQLite 3."), version.out());
  }

  @Test
  void sampleReportAndEmailFromAnotherDirectory() throws Exception {
    Run sample =
        gpureport("sample", "--out", "data", "--days", "1", "--start", "2025-11-03", "--quiet");
    assertEquals("", sample.err());
    assertEquals(0, sample.exitCode(), sample.err());

    // the shipped configuration copied beside the data, as the README's Install says
    for (String config : List.of("masked_hosts.yaml", "chtc_owned_hosts.txt")) {
      Files.copy(home.resolve(config), work.resolve(config));
    }
    Run json = gpureport("report", "--data-dir", "data", "--output-format", "json");
    assertEquals(0, json.exitCode(), json.err());
    assertEquals("", json.err(), "a report prints nothing on stderr (no JVM warning either)");
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertTrue(report.size() > 0, json.out());

    Run html =
        gpureport(
            "report",
            "--data-dir",
            "data",
            "--output-format",
            "html",
            "--output-file",
            "report.html",
            "--email-to",
            "ops@example.org",
            "--email-from",
            "gpureport@example.org",
            "--smtp-server",
            "127.0.0.1",
            "--smtp-port",
            Integer.toString(mail.getSmtp().getPort()),
            "--smtp-starttls",
            "off");
    assertEquals(0, html.exitCode(), html.err());
    assertTrue(Files.readString(work.resolve("report.html")).contains("<img"), "charts drawn");
    MimeMessage[] received = mail.getReceivedMessages();
    assertEquals(1, received.length);
    assertTrue(received[0].getContentType().startsWith("multipart/alternative"));
  }

  @Test
  void aSqliteReportLoadsNoParquetOrHadoopClass() throws Exception {
    Run sample =
        gpureport("sample", "--out", "data", "--days", "1", "--start", "2025-11-03", "--quiet");
    assertEquals(0, sample.exitCode(), sample.err());
    Path log = work.resolve("classes.log");
    Run report =
        run(
            work,
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-jar",
                home.resolve("lib/gpureport.jar").toString(),
                "report",
                "--data-dir",
                "data"));
    assertEquals(0, report.exitCode(), report.err());
    String loaded = Files.readString(log);
    assertTrue(loaded.contains("io.gpureport.load.MonthlyStore"), "the log lists our classes");
    for (String prefix : List.of("org.apache.parquet.", "org.apache.hadoop.", "com.ctc.wstx.")) {
      assertTrue(!loaded.contains(prefix), prefix + " loaded by a SQLite-only report");
    }
  }

  @Test
  void exportToParquetAndReportOnItThroughTheLauncher() throws Exception {
    Run sample =
        gpureport("sample", "--out", "data", "--days", "2", "--start", "2025-10-31", "--quiet");
    assertEquals(0, sample.exitCode(), sample.err());
    Run export = gpureport("export", "--data-dir", "data", "--out", "pq", "--quiet");
    assertEquals(0, export.exitCode(), export.err());
    assertEquals("", export.err());
    Run sqlite = gpureport("report", "--data-dir", "data", "--hours-back", "48");
    assertEquals(0, sqlite.exitCode(), sqlite.err());
    for (int run = 1;
        run <= 2;
        run++) { // the first records the Parquet archive, the second uses it
      Run parquet = gpureport("report", "--data-dir", "pq", "--hours-back", "48");
      assertEquals(0, parquet.exitCode(), parquet.err());
      assertEquals(sqlite.err(), parquet.err(), "run " + run);
      assertEquals(sqlite.out(), parquet.out(), "run " + run);
    }
    try (var archives = Files.list(work.resolve(".cache/gpureport"))) {
      List<String> all = archives.map(p -> p.getFileName().toString()).sorted().toList();
      // the rollup cache's subdirectory sits next to the archives (docs/decisions/0005-rollups.md)
      assertTrue(all.contains("rollups"), all.toString());
      List<String> names = all.stream().filter(n -> n.endsWith(".jsa")).toList();
      assertEquals(3, names.size(), names.toString()); // SQLite, export, Parquet
      assertTrue(names.stream().anyMatch(n -> n.endsWith("-parquet.jsa")), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.endsWith("-sqlite.jsa")), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.endsWith("-export.jsa")), names.toString());
    }
  }

  private Run gpureport(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/gpureport").toString());
    command.addAll(List.of(args));
    return run(work, command);
  }

  /** Exit code, stdout and stderr of a finished process. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(Path dir, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.put("XDG_CACHE_HOME", dir.resolve(".cache").toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("still running after 120 s: " + command);
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
