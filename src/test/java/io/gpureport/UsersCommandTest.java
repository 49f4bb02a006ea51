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
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpureport users} on hand-built snapshots, every figure derived by hand in the comments: a
 * bucket's value is the maximum over its snapshots (not the union), a user absent from most
 * buckets, dedup by rank, owners kept whole, the class total with ownerless GPUs, distinct jobs,
 * {@code --top}, {@code --class}, {@code --anonymize}, {@code --series} and CSV quoting.
 */
class UsersCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DAY = "2025-11-03 ";

  @TempDir Path dir;

  private CliResult users(Path db, String... extra) throws Exception {
    Files.writeString(dir.resolve("none.txt"), "");
    List<String> args =
        new ArrayList<>(
            List.of(
                "users",
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

  private JsonNode json(Path db, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of(extra));
    args.addAll(List.of("--output-format", "json"));
    return JSON.readTree(users(db, args.toArray(String[]::new)).out());
  }

  private static JsonNode user(JsonNode out, String name, String cls) {
    for (JsonNode u : out.get("users")) {
      if (u.get("user").asText().equals(name) && u.get("class").asText().equals(cls)) {
        return u;
      }
    }
    throw new AssertionError("no " + name + " in " + cls + ": " + out.toPrettyString());
  }

  private static JsonNode total(JsonNode out, String cls) {
    for (JsonNode c : out.get("classes")) {
      if (c.get("class").asText().equals(cls)) {
        return c;
      }
    }
    throw new AssertionError("no class " + cls + ": " + out.toPrettyString());
  }

  /**
   * 10:00 alice holds GPU-1, GPU-2; 10:05 GPU-2, GPU-3 (same bucket: max 2, union 3); 10:15 GPU-1:
   * values 2 and 1, peak 2 at 10:00, mean 3/2, GPU-hours 3 x 0.25.
   */
  @Test
  void aBucketsValueIsTheMaximumOverItsSnapshotsNotTheUnion() throws Exception {
    Path db =
        new TestDb()
            .row(
                "slot1_1@h1",
                "GPU-1",
                "Claimed",
                "NVIDIA L40S",
                "P",
                "h1",
                "alice",
                DAY + "10:00:00")
            .row(
                "slot1_2@h1",
                "GPU-2",
                "Claimed",
                "NVIDIA L40S",
                "P",
                "h1",
                "alice",
                DAY + "10:00:00")
            .row(
                "slot1_2@h1",
                "GPU-2",
                "Claimed",
                "NVIDIA L40S",
                "P",
                "h1",
                "alice",
                DAY + "10:05:00")
            .row(
                "slot1_3@h1",
                "GPU-3",
                "Claimed",
                "NVIDIA L40S",
                "P",
                "h1",
                "alice",
                DAY + "10:05:00")
            .row(
                "slot1_1@h1",
                "GPU-1",
                "Claimed",
                "NVIDIA L40S",
                "P",
                "h1",
                "alice",
                DAY + "10:15:00")
            .write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode out = json(db, "--series");
    assertEquals(2, out.get("buckets").asInt());
    JsonNode a = user(out, "alice", "prioritized");
    assertEquals(2, a.get("peakGpus").asInt());
    assertEquals("2025-11-03 10:00:00", a.get("peakAt").asText());
    assertEquals(1.5, a.get("meanGpus").asDouble());
    assertEquals(0.75, a.get("gpuHours").asDouble());
    assertEquals(100.0, a.get("sharePercent").asDouble());
    assertEquals("[2,1]", a.get("series").toString());
    assertEquals(0.75, total(out, "prioritized").get("gpuHours").asDouble());
  }

  /**
   * Four buckets, one snapshot each: alice holds one GPU in all four (1.0 GPU-hours), bob one in
   * the third only: peak 1 at 10:30, mean 1/4, 0.25 GPU-hours, 0.25 / 1.25 = 20 % of the class.
   */
  @Test
  void aUserAbsentFromMostBucketsAveragesOverAllBuckets() throws Exception {
    TestDb t = new TestDb();
    for (String time : List.of("10:00", "10:15", "10:30", "10:45")) {
      t.row("slot1_1@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "alice", DAY + time + ":00");
      t.row("slot1@h1", "GPU-2", "Unclaimed", "NVIDIA L40S", "", "h1", null, DAY + time + ":00");
    }
    t.row("slot1_2@h1", "GPU-2", "Claimed", "NVIDIA L40S", "", "h1", "bob", DAY + "10:30:00");
    Path db = t.write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode out = json(db);
    JsonNode bob = user(out, "bob", "open");
    assertEquals(1, bob.get("peakGpus").asInt());
    assertEquals("2025-11-03 10:30:00", bob.get("peakAt").asText());
    assertEquals(0.25, bob.get("meanGpus").asDouble());
    assertEquals(0.25, bob.get("gpuHours").asDouble());
    assertEquals(20.0, bob.get("sharePercent").asDouble(), 1e-12);
    JsonNode alice = user(out, "alice", "open");
    assertEquals(1.0, alice.get("meanGpus").asDouble());
    assertEquals(80.0, alice.get("sharePercent").asDouble(), 1e-12);
    assertEquals(1.25, total(out, "open").get("gpuHours").asDouble());
    // alice first: most GPU-hours
    assertEquals("alice", out.get("users").get(0).get("user").asText());
  }

  /**
   * One snapshot: GPU-1's idle real p-slot loses to eve's claimed backfill row (rank 2 over 1), so
   * eve counts in backfill; GPU-2 is Claimed with no owner: in the class total, no user; the same
   * name at two domains is two users.
   */
  @Test
  void dedupByRankOwnersWholeAndOwnerlessGpusInTheClassTotal() throws Exception {
    String t1 = DAY + "10:00:00";
    Path db =
        new TestDb()
            .row("slot1@h1", "GPU-1", "Unclaimed", "NVIDIA L40S", "", "h1", null, t1)
            .row("backfill2@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "eve", t1)
            .row("slot1_1@h1", "GPU-2", "Claimed", "NVIDIA L40S", "", "h1", "", t1)
            .row(
                "slot1_2@h1",
                "GPU-3",
                "Claimed",
                "NVIDIA L40S",
                "",
                "h1",
                "alice@chtc.wisc.edu",
                t1)
            .row("slot1_3@h1", "GPU-4", "Claimed", "NVIDIA L40S", "", "h1", "alice@osg-htc.org", t1)
            .write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode out = json(db);
    assertEquals(0.25, user(out, "eve", "backfill").get("gpuHours").asDouble());
    assertEquals(100.0, user(out, "eve", "backfill").get("sharePercent").asDouble());
    // open: GPU-2 (no owner), GPU-3, GPU-4: 3 GPUs x 0.25 h; each alice 1/3 of it
    assertEquals(0.75, total(out, "open").get("gpuHours").asDouble());
    assertEquals(
        100.0 / 3, user(out, "alice@chtc.wisc.edu", "open").get("sharePercent").asDouble(), 1e-12);
    assertEquals(
        100.0 / 3, user(out, "alice@osg-htc.org", "open").get("sharePercent").asDouble(), 1e-12);
    assertEquals(3, out.get("users").size());
  }

  /** Jobs are distinct GlobalJobIds over the window: alice runs job 1 twice and job 2 once. */
  @Test
  void jobsAreDistinctGlobalJobIds() throws Exception {
    Path db =
        new TestDb()
            .row(
                "slot1_1@h1",
                "GPU-1",
                "Claimed",
                "NVIDIA L40S",
                "",
                "h1",
                "alice",
                DAY + "10:00:00")
            .row(
                "slot1_1@h1",
                "GPU-1",
                "Claimed",
                "NVIDIA L40S",
                "",
                "h1",
                "alice",
                DAY + "10:15:00")
            .row(
                "slot1_2@h1",
                "GPU-2",
                "Claimed",
                "NVIDIA L40S",
                "",
                "h1",
                "alice",
                DAY + "10:15:00")
            .write(dir.resolve("gpu_state_2025-11.db"));
    ExampleData.executeScript(
        db, "UPDATE gpu_state SET GlobalJobId = 'ap#2.0#1' WHERE AssignedGPUs = 'GPU-2';");
    assertEquals(2, user(json(db), "alice", "open").get("jobs").asInt());
  }

  @Test
  void topClassAndAnonymize() throws Exception {
    TestDb t = new TestDb();
    String t1 = DAY + "10:00:00";
    // carol 3 GPUs, bob 2, alice 1 in open; dave 1 in prioritized
    int gpu = 0;
    for (String u : List.of("carol", "carol", "carol", "bob", "bob", "alice")) {
      gpu++;
      t.row("slot1_" + gpu + "@h1", "GPU-" + gpu, "Claimed", "NVIDIA L40S", "", "h1", u, t1);
    }
    t.row("slot1_9@h2", "GPU-9", "Claimed", "NVIDIA L40S", "P", "h2", "dave", t1);
    Path db = t.write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode top = json(db, "--class", "open", "--top", "2", "--anonymize");
    List<String> got = new ArrayList<>();
    for (JsonNode u : top.get("users")) {
      got.add(u.get("user").asText() + " " + u.get("class").asText() + " " + u.get("peakGpus"));
    }
    assertEquals(List.of("user-01 open 3", "user-02 open 2"), got);
    assertEquals(1, top.get("classes").size());
    JsonNode all = json(db);
    assertEquals("dave", all.get("users").get(0).get("user").asText()); // prioritized first
    assertEquals(4, all.get("users").size());
  }

  @Test
  void csvQuotesHostileUserNames() throws Exception {
    String t1 = DAY + "10:00:00";
    Path db =
        new TestDb()
            .row("slot1_1@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "a,b", t1)
            .row("slot1_2@h1", "GPU-2", "Claimed", "NVIDIA L40S", "", "h1", "a,b", t1)
            .row("slot1_3@h1", "GPU-3", "Claimed", "NVIDIA L40S", "", "h1", "q\"uote", t1)
            .write(dir.resolve("gpu_state_2025-11.db"));
    String csv = users(db, "--output-format", "csv").out();
    // share: 0.5 / 0.75 = 0.666… first, then × 100 (docs/metrics.md, "Percentages")
    String[] lines = csv.split("\r\n", -1);
    assertEquals(
        "class,user,device,peak_gpus,peak_at,mean_gpus,gpu_hours,jobs,share_percent", lines[0]);
    assertEquals("open,\"a,b\",,2,2025-11-03 10:00:00,2.0,0.5,1,66.66666666666666", lines[1]);
    assertTrue(lines[2].startsWith("open,\"q\"\"uote\",,1,"), lines[2]);
    assertEquals(4, lines.length);
    String series = users(db, "--output-format", "csv", "--series", "--by-device").out();
    assertTrue(
        series.startsWith(
            "class,user,device,bucket,gpus\r\nopen,\"a,b\",L40S,2025-11-03 10:00:00,2\r\n"),
        series);
  }

  @Test
  void htmlEscapesHostileUserAndDeviceNames() throws Exception {
    String t1 = DAY + "10:00:00";
    String script = "<script>alert(1)</script>";
    Path db =
        new TestDb()
            .row("slot1_1@h1", "GPU-1", "Claimed", "Evil<i>GPU&\"'", "", "h1", script, t1)
            .row("slot1_2@h1", "GPU-2", "Claimed", "NVIDIA L40S", "", "h1", "a&b", t1)
            .row("slot1_3@h1", "GPU-3", "Claimed", "NVIDIA L40S", "", "h1", "q\"u'ote", t1)
            .write(dir.resolve("gpu_state_2025-11.db"));
    String html = users(db, "--output-format", "html", "--by-device").out();
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
    assertFalse(html.contains("<i>"), html);
    assertTrue(html.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
    assertTrue(html.contains(">a&amp;b</td>"), html);
    assertTrue(html.contains(">q&quot;u&#39;ote</td>"), html);
    assertTrue(html.contains(">Evil&lt;i&gt;GPU&amp;&quot;&#39;</td>"), html);
    // three users of one GPU each in one bucket: 0.25 GPU-hours, a third of the class's each
    assertEquals(3, html.split(">33.3%</td>", -1).length - 1, html);
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    for (List<String> bad :
        List.of(
            List.of("users", "--class", "mine"),
            List.of("users", "--top", "-1"),
            List.of("users", "--series"),
            List.of("users", "--output-format", "html", "--series"),
            List.of("users", "--output-format", "xml"))) {
      CliResult r = Cli.run(bad.toArray(String[]::new));
      assertEquals(2, r.exitCode(), bad + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), bad + ": " + r.err());
    }
  }
}
