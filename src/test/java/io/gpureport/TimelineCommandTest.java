package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpureport timeline} on {@link TimelineData}: the PNG's size and the colours of known
 * cells, the HTML's escaping of hostile host and user names and its self-containment, the filters,
 * and one-line usage errors.
 */
class TimelineCommandTest {
  @TempDir Path dir;

  private CliResult timeline(String... extra) throws Exception {
    Files.writeString(dir.resolve("none.txt"), "");
    List<String> args =
        new ArrayList<>(
            List.of(
                "timeline",
                "--data-dir",
                dir.toString(),
                "--chtc-owned",
                dir.resolve("none.txt").toString(),
                "--exclude-hosts",
                "{}",
                "--end-time",
                "2025-11-03 11:00:00",
                "--hours-back",
                "1"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  /**
   * Layout by hand (TimelinePng): 5 buckets → cells 12 px wide from x = 10 + 240 = 250; 3 GPUs →
   * rows 12 px high; the first row at 10 + 44 + 18 = 72 plus a 16-px heading = 88, GPU-2 at 100,
   * then a 1-px host gap and the next heading: GPU-3 at 113 + 16 = 129; height 129 + 12 + 1 + 10 +
   * 3 legend rows × 18 + 10 = 216; width at least 900.
   */
  @Test
  void pngHasTheComputedSizeAndTheStatesColours() throws Exception {
    TimelineData.write(dir.resolve("gpu_state_2025-11.db"), "h1", "h2", "ann");
    Path png = dir.resolve("t.png");
    CliResult r = timeline("--output-format", "png", "--output-file", png.toString());
    assertEquals(0, r.exitCode(), r.err());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(900, img.getWidth());
    assertEquals(216, img.getHeight());
    assertEquals(0x0072B2, rgb(img, 0, 88)); // GPU-1 10:00 busy, researcher-owned
    assertEquals(0xFFFFFF, rgb(img, 1, 88)); // GPU-1 10:15 no data
    assertEquals(0x99C7E0, rgb(img, 2, 88)); // GPU-1 10:30 idle, researcher-owned
    assertEquals(0xE69F00, rgb(img, 0, 100)); // GPU-2 10:00 backfill
    assertEquals(0x99D8C7, rgb(img, 0, 129)); // GPU-3 10:00 idle, open capacity
    assertEquals(0xFFFFFF, rgb(img, 3, 129)); // GPU-3 10:45 no data: plain white
    // GPU-3 10:30 unavailable: grey hatched with dark lines, told from no data without colour
    Set<Integer> colours = new HashSet<>();
    for (int y = 129; y < 141; y++) {
      for (int x = 250 + 2 * 12; x < 250 + 3 * 12; x++) {
        colours.add(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    assertEquals(Set.of(0x999999, 0x333333), colours);
  }

  private static int rgb(BufferedImage img, int bucket, int rowTop) {
    return img.getRGB(250 + bucket * 12 + 6, rowTop + 6) & 0xFFFFFF;
  }

  @Test
  void htmlEscapesHostileHostAndUserNamesAndIsSelfContained() throws Exception {
    String hostile = "<script>alert('x')</script>&\"";
    TimelineData.write(dir.resolve("gpu_state_2025-11.db"), hostile, "h2", "<b>mallory</b>&");
    CliResult r = timeline("--output-format", "html");
    assertEquals(0, r.exitCode(), r.err());
    String html = r.out();
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<b>"), html);
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"), html);
    // the run of GPU-1's busy bucket says GPU, host, span, state, user and job
    assertTrue(
        html.contains(
            "title=\"GPU-1 on &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;,"
                + " 11-03 10:00 to 10:15 (0.25 h): busy, researcher-owned;"
                + " user &lt;b&gt;mallory&lt;/b&gt;&amp;; job ap#1.0#1\""),
        html);
    for (String external : List.of("src=", "href=", "url(", "@import", "<link", "http")) {
      assertFalse(html.contains(external), external + " in " + html);
    }
  }

  @Test
  void filtersKeepTheMatchingHosts() throws Exception {
    TimelineData.write(dir.resolve("gpu_state_2025-11.db"), "h1", "h2", "ann");
    CliResult open = timeline("--category", "open-capacity");
    assertEquals(0, open.exitCode(), open.err());
    assertTrue(open.out().contains("GPU-3"), open.out());
    assertFalse(open.out().contains("GPU-1"), open.out());
    CliResult slots = timeline("--host", "@h1$");
    assertEquals(0, slots.exitCode(), slots.err());
    assertTrue(slots.out().contains("GPUs: 2"), slots.out());
    CliResult none = timeline("--device", "H200");
    assertEquals(0, none.exitCode(), none.err());
    assertTrue(none.out().contains("No GPUs."), none.out());
  }

  @Test
  void usageErrorsExitTwoWithOneLine() throws Exception {
    for (List<String> bad :
        List.of(
            List.of("timeline", "--host", "("),
            List.of("timeline", "--device", "[a"),
            List.of("timeline", "--category", "mine"),
            List.of("timeline", "--bucket-minutes", "0"),
            List.of("timeline", "--hours-back", "-1"),
            List.of("timeline", "--output-format", "csv"),
            List.of("timeline", "--end-time", "yesterday"))) {
      CliResult r = Cli.run(bad.toArray(String[]::new));
      assertEquals(2, r.exitCode(), bad + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), bad + ": " + r.err());
      assertTrue(r.err().startsWith("Error: "), bad + ": " + r.err());
    }
  }
}
