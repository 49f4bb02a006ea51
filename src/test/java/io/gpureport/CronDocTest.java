package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/cron.md describes the status lines that a monthly run really prints on stderr. */
class CronDocTest {
  private static final List<String> COUNTS =
      List.of("no", "one", "two", "three", "four", "five", "six");

  @TempDir Path dir;

  @Test
  void monthlyProgressLinesMatchTheDocument() throws Exception {
    ExampleData.build(dir);
    ExampleData.addDecemberFile(dir);
    CliResult r =
        Cli.run(
            "report",
            "--analysis-type",
            "monthly",
            "--data-dir",
            dir.toString(),
            "--chtc-owned",
            dir.resolve("chtc_owned_hosts.txt").toString(),
            "--exclude-hosts-yaml",
            dir.resolve("masked_hosts.yaml").toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.err().lines().toList();
    String doc =
        Files.readString(Path.of("docs", "cron.md"), StandardCharsets.UTF_8)
            .replaceAll("\\s+", " ");
    assertTrue(
        doc.contains("for monthly the " + COUNTS.get(lines.size()) + " progress lines"),
        "docs/cron.md does not say " + lines.size() + " progress lines: " + lines);
    for (String line : lines) {
      String opening = line.split(" ")[0];
      assertTrue(doc.contains("`" + opening), "docs/cron.md does not show " + line);
    }
  }
}
