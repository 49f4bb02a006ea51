package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gpureport trend} on hand-built snapshots (figures derived by hand in the comments): a week
 * crossing a month boundary over two monthly files, a day with a collector outage, partial periods,
 * and the GPU-hours identity with {@code users} when every bucket has one snapshot.
 */
class TrendCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode run(String command, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of(extra));
    args.addAll(List.of("--output-format", "json"));
    return JSON.readTree(cli(command, args.toArray(String[]::new)).out());
  }

  /** A successful run of {@code command} on the data directory (trend: without the cache). */
  private CliResult cli(String command, String... extra) throws Exception {
    Files.writeString(dir.resolve("none.txt"), "");
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--data-dir",
                dir.toString(),
                "--exclude-hosts",
                "{}",
                "--chtc-owned",
                dir.resolve("none.txt").toString()));
    if (command.equals("trend")) {
      args.add("--no-cache");
    }
    args.addAll(List.of(extra));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  /**
   * Three days, 1 of 2 open GPUs claimed each day at noon: the HTML page's chart is a PNG of the
   * report's chart size (820 × 340) in a data: URI, its alt text names the last day's 50 %; {@code
   * --no-charts} leaves it out.
   */
  @Test
  void htmlEmbedsTheChartAsAPng() throws Exception {
    TestDb t = new TestDb();
    for (String day : List.of("2025-11-03", "2025-11-04", "2025-11-05")) {
      t.row("slot1_1@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "ann", day + " 12:00:00");
      t.row("slot1@h1", "GPU-2", "Unclaimed", "NVIDIA L40S", "", "h1", null, day + " 12:00:00");
    }
    t.write(dir.resolve("gpu_state_2025-11.db"));
    String[] range = {"--period", "day", "--from", "2025-11-03", "--to", "2025-11-05"};
    CliResult r = cli("trend", concat(range, "--output-format", "html"));
    assertEquals("", r.err());
    String html = r.out();
    Matcher img =
        Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]*)\"")
            .matcher(html);
    assertTrue(img.find(), html);
    BufferedImage png =
        ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
    assertEquals(820, png.getWidth());
    assertEquals(340, png.getHeight());
    String alt = img.group(2);
    assertTrue(alt.startsWith("Line chart: Allocated % per day, 2025-11-03 to 2025-11-05."), alt);
    assertTrue(alt.contains("(2025-11-05): prioritized 0.0%, open 50.0%,"), alt);
    assertFalse(img.find(), "one chart");
    String none = cli("trend", concat(range, "--output-format", "html", "--no-charts")).out();
    assertFalse(none.contains("<img"), none);
    assertTrue(none.contains(">open</td>"), none);
  }

  private static JsonNode row(JsonNode out, String start, String cls) {
    for (JsonNode r : out.get("rows")) {
      if (r.get("start").asText().equals(start) && r.get("class").asText().equals(cls)) {
        return r;
      }
    }
    throw new AssertionError("no " + start + " " + cls + ": " + out.toPrettyString());
  }

  /**
   * Week Mon 2025-10-27 to Sun 11-02, one snapshot on Fri 10-31 (October file: 1 of 2 open GPUs
   * claimed) and one on Sat 11-01 (November file: 2 of 2): claimed 3, available 4 over 2 buckets
   * with data: 1.5 / 2.0, 75 %, 0.75 GPU-hours, coverage 2 / (7 × 96).
   */
  @Test
  void aWeekCrossingAMonthBoundary() throws Exception {
    new TestDb()
        .row(
            "slot1_1@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "ann", "2025-10-31 10:00:00")
        .row("slot1@h1", "GPU-2", "Unclaimed", "NVIDIA L40S", "", "h1", null, "2025-10-31 10:00:00")
        .write(dir.resolve("gpu_state_2025-10.db"));
    new TestDb()
        .row(
            "slot1_1@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "ann", "2025-11-01 10:00:00")
        .row(
            "slot1_2@h1", "GPU-2", "Claimed", "NVIDIA L40S", "", "h1", "bob", "2025-11-01 10:00:00")
        .write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode out = run("trend", "--from", "2025-10-27", "--to", "2025-11-02");
    assertEquals(4, out.get("rows").size()); // one week: prioritized, open, backfill, real
    JsonNode open = row(out, "2025-10-27", "open");
    assertEquals("2025-11-03", open.get("end").asText());
    assertEquals(false, open.get("partial").asBoolean());
    assertEquals(1.5, open.get("avgAllocated").asDouble());
    assertEquals(2.0, open.get("avgAvailable").asDouble());
    assertEquals(75.0, open.get("allocatedPercent").asDouble());
    assertEquals(0.75, open.get("claimedGpuHours").asDouble());
    assertEquals(2, open.get("bucketsWithData").asInt());
    assertEquals(672, open.get("bucketsInPeriod").asInt());
    assertEquals(1.5, row(out, "2025-10-27", "real").get("avgAllocated").asDouble());
    assertEquals(0.0, row(out, "2025-10-27", "prioritized").get("avgAvailable").asDouble());
  }

  /**
   * 2025-11-03: the collector ran 00:00-05:45 only (24 of 96 buckets), 1 of 2 GPUs claimed each
   * time: averages over the buckets with data (1.0 / 2.0, 50 %), 6 GPU-hours, coverage 25 %.
   */
  @Test
  void aDayWithACollectorOutage() throws Exception {
    TestDb t = new TestDb();
    for (int q = 0; q < 24; q++) {
      // seconds past the bucket start: the range starts at 00:00:00.000000, which sorts after
      // the text "00:00:00" stored without a fraction
      String time = String.format("2025-11-03 %02d:%02d:30", q / 4, 15 * (q % 4));
      t.row("slot1_1@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "ann", time);
      t.row("slot1@h1", "GPU-2", "Unclaimed", "NVIDIA L40S", "", "h1", null, time);
    }
    t.write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode open =
        row(
            run("trend", "--period", "day", "--from", "2025-11-03", "--to", "2025-11-03"),
            "2025-11-03",
            "open");
    assertEquals(1.0, open.get("avgAllocated").asDouble());
    assertEquals(2.0, open.get("avgAvailable").asDouble());
    assertEquals(50.0, open.get("allocatedPercent").asDouble());
    assertEquals(6.0, open.get("claimedGpuHours").asDouble());
    assertEquals(25.0, open.get("coveragePercent").asDouble());
  }

  /** A 24-hour range ending 2025-11-04 06:00 starts mid-day 11-03 and ends mid-day 11-04. */
  @Test
  void partialPeriodsAreMarkedOrDropped() throws Exception {
    TestDb t = new TestDb();
    for (String time :
        List.of("2025-11-03 00:00:00", "2025-11-03 12:00:00", "2025-11-04 06:00:00")) {
      t.row("slot1_1@h1", "GPU-1", "Claimed", "NVIDIA L40S", "", "h1", "ann", time);
    }
    t.write(dir.resolve("gpu_state_2025-11.db"));
    JsonNode out =
        run("trend", "--period", "day", "--hours-back", "24", "--end-time", "2025-11-04 06:00:00");
    JsonNode first = row(out, "2025-11-03", "open");
    assertTrue(first.get("partial").asBoolean());
    assertEquals(1, first.get("bucketsWithData").asInt()); // 12:00; 00:00 is before the range
    assertEquals(72, first.get("bucketsInPeriod").asInt()); // 06:00-24:00
    JsonNode last = row(out, "2025-11-04", "open");
    assertTrue(last.get("partial").asBoolean());
    assertEquals(25, last.get("bucketsInPeriod").asInt()); // 00:00-06:15
    JsonNode complete =
        run(
            "trend",
            "--period",
            "day",
            "--hours-back",
            "24",
            "--end-time",
            "2025-11-04 06:00:00",
            "--complete-only");
    assertEquals(0, complete.get("rows").size());
  }

  /**
   * The GPU-hours identity: with one snapshot per bucket and an owner on every Claimed row, the
   * GPU-hours of {@code users} summed over a class's users equal {@code trend}'s claimed GPU-hours
   * of that class summed over the periods, on random pools.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void usersGpuHoursAddUpToTrendsClaimedGpuHours(long seed) throws Exception {
    Random rnd = new Random(seed);
    TestDb t = new TestDb();
    List<String> users = List.of("ann", "bob", "a,b", "eve@x.org");
    for (int q = 0; q < 40; q++) {
      String time = String.format("2025-11-03 %02d:%02d:00", 8 + q / 4, 15 * (q % 4) + 1);
      for (int g = 0; g < 8; g++) {
        String host = "h" + g % 3;
        String pp = g % 2 == 0 ? "" : "P";
        boolean claimed = rnd.nextInt(3) > 0;
        String owner = users.get(rnd.nextInt(users.size()));
        t.row("slot1@" + host, "GPU-" + g, "Unclaimed", "NVIDIA L40S", pp, host, null, time);
        if (claimed && rnd.nextBoolean()) {
          t.row(
              "slot1_" + g + "@" + host,
              "GPU-" + g,
              "Claimed",
              "NVIDIA L40S",
              pp,
              host,
              owner,
              time);
        } else if (claimed) {
          t.row(
              "backfill1_" + g + "@" + host,
              "GPU-" + g,
              "Claimed",
              "NVIDIA L40S",
              pp,
              host,
              owner,
              time);
        }
      }
    }
    t.write(dir.resolve("gpu_state_2025-11.db"));
    String[] window = {"--hours-back", "24", "--end-time", "2025-11-03 20:00:00"};
    JsonNode u = run("users", concat(window, "--top", "0"));
    JsonNode tr = run("trend", concat(window, "--period", "day"));
    for (String cls : List.of("prioritized", "open", "backfill")) {
      double sumUsers = 0;
      for (JsonNode r : u.get("users")) {
        if (r.get("class").asText().equals(cls)) {
          sumUsers += r.get("gpuHours").asDouble();
        }
      }
      double sumTrend = 0;
      for (JsonNode r : tr.get("rows")) {
        if (r.get("class").asText().equals(cls)) {
          sumTrend += r.get("claimedGpuHours").asDouble();
        }
      }
      assertTrue(sumTrend > 0, cls);
      assertEquals(sumTrend, sumUsers, 1e-9, cls);
    }
  }

  private static String[] concat(String[] a, String... b) {
    List<String> out = new ArrayList<>(List.of(a));
    out.addAll(List.of(b));
    return out.toArray(String[]::new);
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    for (List<String> bad :
        List.of(
            List.of("trend", "--period", "month"),
            List.of("trend", "--from", "2025-11-01"),
            List.of("trend", "--from", "2025-11-01", "--to", "2025-10-01"),
            List.of("trend", "--from", "2025-11-01", "--to", "2025-11-02", "--hours-back", "5"),
            List.of("trend", "--from", "nov", "--to", "2025-11-02"))) {
      CliResult r = Cli.run(bad.toArray(String[]::new));
      assertEquals(2, r.exitCode(), bad + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), bad + ": " + r.err());
    }
  }
}
