package io.gpureport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpureport.TestDb;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markup in data and configuration: escaped in HTML, unchanged in text and JSON. */
class InjectionTest {
  private static final String EVIL_USER = "<script>alert('u')</script>&\"x\"";
  private static final String EVIL_DEVICE = "NVIDIA H200";
  private static final String EVIL_REASON = "<b>reason</b> & \"quotes\"";

  @TempDir Path dir;

  @BeforeEach
  void data() throws Exception {
    String t = "2025-11-03 10:00:05.000000";
    new TestDb()
        .row(
            "slot1_1@<i>host</i>",
            "GPU-1",
            "Claimed",
            EVIL_DEVICE,
            "Proj<A>",
            "<i>host</i>&co",
            EVIL_USER,
            t)
        .row("slot1_1@evil", "GPU-2", "Claimed", "<svg onload=x>", "", "evil&\"m\"", "bob", t)
        .write(dir.resolve("gpu_state_2025-11.db"));
    Files.writeString(
        dir.resolve("x.yaml"), "'nomatch<script>': '" + EVIL_REASON.replace("'", "''") + "'\n");
  }

  private CliResult report(String format) {
    return Cli.run(
        "report",
        "--data-dir",
        dir.toString(),
        "--exclude-hosts-yaml",
        dir.resolve("x.yaml").toString(),
        "--chtc-owned",
        "/dev/null",
        "--hours-back",
        "1",
        "--all-devices",
        "--output-format",
        format,
        "--no-charts");
  }

  @Test
  void textKeepsValuesAsTheyAre() {
    CliResult r = report("text");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("    " + EVIL_USER + ": 1.0 hrs"), r.out());
    assertTrue(r.out().contains("  nomatch<script>: " + EVIL_REASON + "\n"), r.out());
    assertTrue(r.out().contains("    <svg onload=x>: 100.0%"), r.out());
  }

  @Test
  void jsonKeepsValuesAsTheyAre() throws Exception {
    CliResult r = report("json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(EVIL_USER, j.at("/h200Users/0/users/0/user").asText());
    assertEquals(EVIL_REASON, j.at("/excludedHosts/0/reason").asText());
    assertEquals("nomatch<script>", j.at("/excludedHosts/0/pattern").asText());
  }

  @Test
  void htmlEscapesEverything() {
    CliResult r = report("html");
    assertEquals(0, r.exitCode(), r.err());
    String html = r.out();
    assertFalse(html.contains("<script>"), "unescaped script tag");
    assertFalse(html.contains("<svg"), "unescaped svg tag");
    assertFalse(html.contains("<b>reason"), "unescaped reason markup");
    assertTrue(html.contains("&lt;script&gt;alert("), html);
    assertTrue(html.contains("&lt;svg onload=x&gt;"), html);
    assertTrue(html.contains("&lt;b&gt;reason&lt;/b&gt; &amp; &quot;quotes&quot;"), html);
  }
}
