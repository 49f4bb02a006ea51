package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gpureport hosts}: the per-snapshot state rules on hand-built snapshots under both rule
 * sets, idle stretches broken by a missing snapshot, Allocated % equal to the report's device
 * statistics on the host's rows alone, and CSV quoting and HTML escaping of hostile host names.
 */
class HostsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode hosts(Path db, String rules, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--rules", rules, "--output-format", "json"));
    args.addAll(List.of(extra));
    return JSON.readTree(hostsRun(db, args.toArray(String[]::new)).out());
  }

  private static JsonNode host(JsonNode out, String name) {
    for (JsonNode h : out.get("hosts")) {
      if (h.get("host").asText().equals(name)) {
        return h;
      }
    }
    throw new AssertionError("no host " + name + " in " + out.toPrettyString());
  }

  private static long count(JsonNode host, String state) {
    return host.get(state).get("gpuSnapshots").asLong();
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "corrected"})
  void idlePrimaryWithClaimedBackfillIsBackfill(String rules) throws Exception {
    Path db =
        new TestDb()
            .row("slot1@h1", "GPU-1", "Unclaimed", "NVIDIA L40S", "", "h1", null, T1)
            .row("backfill2@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "eve", T1)
            .write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode h = host(hosts(db, rules), "h1");
    assertEquals(1, count(h, "backfill"));
    assertEquals(0, count(h, "idle") + count(h, "busy") + count(h, "unavailable"));
    assertEquals(0, h.get("neverClaimed").asInt());
    assertEquals("open-capacity", h.get("category").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "corrected"})
  void claimedPrimaryIsBusyWhateverElse(String rules) throws Exception {
    Path db =
        new TestDb()
            .row("slot1@h1", "GPU-1", "Unclaimed", "NVIDIA L40S", "P", "h1", null, T1)
            .row("slot1_1@h1", "GPU-1", "Claimed", "NVIDIA L40S", "P", "h1", "ann", T1)
            .row("slot1@h1", "GPU-2", "Unclaimed", "NVIDIA L40S", "P", "h1", null, T1)
            .write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode h = host(hosts(db, rules), "h1");
    assertEquals(1, count(h, "busy"));
    assertEquals(1, count(h, "idle"));
    assertEquals(1, h.get("neverClaimed").asInt());
    assertEquals("researcher-owned", h.get("category").asText());
    assertEquals(50.0, h.get("allocatedPercent").asDouble());
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "corrected"})
  void drainedIsUnavailableByItsState(String rules) throws Exception {
    Path db =
        new TestDb()
            .row("slot1@h1", "GPU-1", "Drained", "NVIDIA L40S", "", "h1", null, T1)
            .row("backfill2@h1", "GPU-1", "Unclaimed", "NVIDIA L40S", "", "h1", null, T1)
            .row("slot1@h1", "GPU-2", "Owner", "NVIDIA L40S", "", "h1", null, T1)
            .write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode h = host(hosts(db, rules), "h1");
    assertEquals(2, count(h, "unavailable"));
    assertEquals(1, h.get("unavailableByState").get("Drained").asLong());
    assertEquals(1, h.get("unavailableByState").get("Other").asLong());
    assertEquals(2, h.get("neverClaimed").asInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "corrected"})
  void aGpuThatDisappearsIsAbsentAndAHostThatLeavesIsNoData(String rules) throws Exception {
    Path db =
        new TestDb()
            .row("slot1@h1", "GPU-1", "Unclaimed", "NVIDIA L40S", "", "h1", null, T1)
            .row("slot1@h1", "GPU-2", "Unclaimed", "NVIDIA L40S", "", "h1", null, T1)
            .row("slot1@h2", "GPU-3", "Claimed", "NVIDIA H200", "", "h2", "bob", T1)
            .row("slot1@h1", "GPU-1", "Unclaimed", "NVIDIA L40S", "", "h1", null, T2)
            .row("slot1@h1", "GPU-1", "Unclaimed", "NVIDIA L40S", "", "h1", null, T3)
            .row("slot1@h2", "GPU-3", "Claimed", "NVIDIA H200", "", "h2", "bob", T3)
            .write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode out = hosts(db, rules);
    assertEquals(3, out.get("snapshots").asInt());
    JsonNode h1 = host(out, "h1");
    assertEquals(6, h1.get("gpuSnapshots").asLong());
    assertEquals(4, count(h1, "idle"));
    assertEquals(2, count(h1, "absent")); // GPU-2 at T2 and T3
    assertEquals(0, count(h1, "noData"));
    JsonNode h2 = host(out, "h2");
    assertEquals(2, count(h2, "busy"));
    assertEquals(1, count(h2, "noData")); // h2 left at T2
    assertEquals(100.0 / 3, h2.get("noData").get("percent").asDouble(), 1e-12);
    assertEquals("2025-11-03 10:10:00", h2.get("lastSeen").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "corrected"})
  void aMissingSnapshotBreaksAnIdleStretch(String rules) throws Exception {
    TestDb t = new TestDb();
    // every 5 minutes 10:00-10:20, then nothing until 11:20 (a gap > 2 x 5 min), 11:25, 11:30
    for (String time :
        List.of("10:00", "10:05", "10:10", "10:15", "10:20", "11:20", "11:25", "11:30")) {
      t.row("slot1@h1", "GPU-1", "Unclaimed", "NVIDIA L40S", "", "h1", null, DAY + time + ":00");
    }
    // GPU-2 is busy at 10:10, idle otherwise
    for (String time : List.of("10:00", "10:05", "10:15", "10:20")) {
      t.row("slot1@h1", "GPU-2", "Unclaimed", "NVIDIA L40S", "", "h1", null, DAY + time + ":00");
    }
    t.row("slot1_1@h1", "GPU-2", "Claimed", "NVIDIA L40S", "", "h1", "ann", DAY + "10:10:00");
    Path db = t.write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode out = hosts(db, rules, "--gaps", "--min-idle-hours", "0");
    assertEquals(300.0, out.get("medianSpacingSeconds").asDouble());
    List<String> got = new ArrayList<>();
    for (JsonNode x : out.get("idleStretches")) {
      got.add(
          x.get("gpu").asText()
              + " "
              + x.get("start").asText().substring(11, 16)
              + "-"
              + x.get("end").asText().substring(11, 16)
              + (x.get("open").asBoolean() ? " open" : ""));
    }
    assertEquals(
        List.of(
            "GPU-1 10:00-10:20", // ends at its last idle snapshot before the gap
            "GPU-1 11:20-11:30 open",
            "GPU-2 10:00-10:10", // to the first snapshot it is not idle in
            "GPU-2 10:15-10:20"), // GPU-2 is not seen after the gap
        got);
    JsonNode h1 = host(out, "h1");
    assertEquals("GPU-1", h1.get("longestIdle").get("gpu").asText());
    assertEquals(20.0 / 60, h1.get("longestIdle").get("hours").asDouble(), 1e-12);
    // strictly longer than --min-idle-hours
    JsonNode none = hosts(db, rules, "--gaps", "--min-idle-hours", String.valueOf(20.0 / 60));
    assertEquals(0, none.get("idleStretches").size());
  }

  /**
   * Allocated % of every host of the worked example is the Real Slots TOTAL of {@code report
   * --all-devices} run on a copy of the data holding that host's rows only.
   */
  @Test
  void allocatedPercentIsTheReportsDeviceStatisticsOfTheHostAlone() throws Exception {
    Path data = Files.createDirectories(dir.resolve("all"));
    ExampleData.build(data);
    JsonNode out = hostsOf(data);
    assertTrue(out.get("hosts").size() >= 4, out.toPrettyString());
    for (JsonNode h : out.get("hosts")) {
      String name = h.get("host").asText();
      Path one = Files.createDirectories(dir.resolve("one-" + name));
      ExampleData.build(one);
      ExampleData.executeScript(
          one.resolve("gpu_state_2025-11.db"),
          "DELETE FROM gpu_state WHERE Machine <> '" + name + "';");
      CliResult r =
          Cli.run(
              "report",
              "--data-dir",
              one.toString(),
              "--chtc-owned",
              one.resolve("chtc_owned_hosts.txt").toString(),
              "--exclude-hosts",
              "{}",
              "--all-devices",
              "--output-format",
              "json");
      assertEquals(0, r.exitCode(), r.err());
      double report =
          JSON.readTree(r.out()).get("realSlots").get("total").get("allocatedPercent").asDouble();
      assertEquals(report, h.get("allocatedPercent").asDouble(), name);
    }
  }

  private JsonNode hostsOf(Path data) throws Exception {
    CliResult r =
        Cli.run(
            "hosts",
            "--data-dir",
            data.toString(),
            "--chtc-owned",
            data.resolve("chtc_owned_hosts.txt").toString(),
            "--exclude-hosts",
            "{}",
            "--output-format",
            "json");
    assertEquals(0, r.exitCode(), r.err());
    return JSON.readTree(r.out());
  }

  /** One idle GPU ({@code GPU-<machine>} on {@code slot1@<machine>}) per machine, two snapshots. */
  private Path idleMachines(String device, String... machines) throws Exception {
    TestDb t = new TestDb();
    for (String time : List.of(T1, T2)) {
      for (String m : machines) {
        t.row("slot1@" + m, "GPU-" + m, "Unclaimed", device, "", m, null, time);
      }
    }
    return t.write(dir.resolve("gpu_state_2025-11.db"));
  }

  /** {@code hosts} on {@code db}, no exclusions, no CHTC-owned host; it must exit 0. */
  private CliResult hostsRun(Path db, String... extra) throws Exception {
    Files.writeString(dir.resolve("none.txt"), "");
    List<String> args =
        new ArrayList<>(
            List.of(
                "hosts",
                "--db-path",
                db.toString(),
                "--exclude-hosts",
                "{}",
                "--chtc-owned",
                dir.resolve("none.txt").toString()));
    args.addAll(List.of(extra));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  @Test
  void csvQuotesHostileHostNames() throws Exception {
    String comma = "a,b";
    String quote = "q\"uote";
    String newline = "line\nbreak";
    Path db = idleMachines("NVIDIA L40S", comma, quote, newline);
    CliResult r = hostsRun(db, "--output-format", "csv", "--sort", "host");
    String[] lines = r.out().split("\r\n", -1);
    assertTrue(lines[0].startsWith("host,category,device,"), lines[0]);
    assertTrue(lines[1].startsWith("\"a,b\",open-capacity,L40S,"), lines[1]);
    assertTrue(lines[2].startsWith("\"line\nbreak\",open-capacity,"), lines[2]);
    assertTrue(lines[3].startsWith("\"q\"\"uote\",open-capacity,"), lines[3]);
    assertEquals(5, lines.length); // header, three hosts, "" after the last CRLF
    assertEquals(19, lines[0].split(",").length);
    CliResult gaps = hostsRun(db, "--output-format", "csv", "--gaps", "--min-idle-hours", "0");
    assertTrue(gaps.out().startsWith("host,gpu,start,end,hours,open\r\n"), gaps.out());
    assertTrue(gaps.out().contains("\"q\"\"uote\",\"GPU-q\"\"uote\","), gaps.out());
  }

  @Test
  void htmlEscapesHostileHostDeviceAndGpuNames() throws Exception {
    String script = "<script>alert(1)</script>";
    String amp = "a&b";
    String quotes = "q\"u'ote";
    String device = "Evil<i>GPU&\"'";
    Path db = idleMachines(device, script, amp, quotes);
    CliResult r = hostsRun(db, "--output-format", "html", "--gaps", "--min-idle-hours", "0");
    String html = r.out();
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), html);
    assertFalse(html.contains("<i>"), html);
    // the host cells, and the host and GPU cells of the idle stretches
    assertTrue(html.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
    assertTrue(html.contains(">GPU-&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
    assertTrue(html.contains(">a&amp;b</td>"), html);
    assertTrue(html.contains(">GPU-a&amp;b</td>"), html);
    assertTrue(html.contains(">q&quot;u&#39;ote</td>"), html);
    // the device heading (one category, one device: grouped)
    assertTrue(html.contains(">Evil&lt;i&gt;GPU&amp;&quot;&#39;</h3>"), html);
  }

  @Test
  void usageErrorsExitTwoWithOneLine() throws Exception {
    for (List<String> bad :
        List.of(
            List.of("hosts", "--sort", "size"),
            List.of("hosts", "--top", "-1"),
            List.of("hosts", "--min-idle-hours", "-2"),
            List.of("hosts", "--category", "mine"),
            List.of("hosts", "--device", "("),
            List.of("hosts", "--output-format", "xml"))) {
      CliResult r = Cli.run(bad.toArray(String[]::new));
      assertEquals(2, r.exitCode(), bad + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), bad + ": " + r.err());
    }
  }

  private static final String DAY = "2025-11-03 ";
  private static final String T1 = DAY + "10:00:00";
  private static final String T2 = DAY + "10:05:00";
  private static final String T3 = DAY + "10:10:00";
}
