package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code report --rules corrected --explain-rules} end to end: the numbers CORRECTED.md Appendix
 * A.5 states for the worked example, the monthly report over the month (C15), and a window whose
 * backfill ownership needs the second pass.
 */
class RuleEffectsReportTest {
  @TempDir Path dir;

  private CliResult report(String... extra) {
    return report(dir, extra);
  }

  private CliResult report(Path data, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--data-dir",
                data.toString(),
                "--chtc-owned",
                dir.resolve("chtc_owned_hosts.txt").toString(),
                "--exclude-hosts-yaml",
                dir.resolve("masked_hosts.yaml").toString(),
                "--rules",
                "corrected",
                "--explain-rules"));
    args.addAll(List.of(extra));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  /** The lines of the block titled {@code title}, from its title to the next empty line. */
  private static List<String> block(String text, String title) {
    List<String> lines = text.lines().toList();
    int start = lines.indexOf(title + ":");
    assertTrue(start >= 0, title + " in\n" + text);
    int end = lines.subList(start, lines.size()).indexOf("") + start;
    return lines.subList(start, end);
  }

  private static String cells(List<String> block, String label) {
    return block.stream()
        .filter(l -> l.trim().startsWith(label + "  "))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label + " in " + block))
        .substring(38)
        .trim()
        .replaceAll(" +", " ");
  }

  @Test
  void theWorkedExampleMovesAsAppendixA5Says() throws Exception {
    ExampleData.buildCorrected(dir);
    String out = report().out();
    List<String> reference = block(out, "REFERENCE");
    assertEquals("44.4% 4.0 9.0", cells(reference, "Real Slots TOTAL"));
    assertEquals("30.0% 1.5 5.0", cells(reference, "Prioritized (Researcher Owned)"));
    assertEquals("100.0% 1.5 1.5", cells(reference, "Prioritized (CHTC Owned)"));
    assertEquals("40.0% 1.0 2.5", cells(reference, "Open Capacity"));
    assertEquals("33.3% 1.5 4.5", cells(reference, "Backfill Slots TOTAL"));
    assertEquals("25.0% 0.5 2.0", cells(reference, "Backfill (Researcher Owned)"));
    assertEquals("0.0% 0.0 0.5", cells(reference, "Backfill (CHTC Owned)"));
    assertEquals("50.0% 1.0 2.0", cells(reference, "Backfill (Open Capacity)"));
    List<String> c1 = block(out, "C1 Dedup key and rank");
    assertEquals("-8.1 +0.0 +2.0", cells(c1, "Real Slots TOTAL"));
    assertEquals("-5.0 +0.0 +1.0", cells(c1, "Prioritized (Researcher Owned)"));
    assertEquals("-25.0 +0.0 +0.5", cells(c1, "Prioritized (CHTC Owned)"));
    assertEquals("-6.7 +0.0 +0.5", cells(c1, "Open Capacity"));
    assertEquals("+0.0 +0.0 +0.0", cells(c1, "Backfill Slots TOTAL"));
    List<String> c3 = block(out, "C3 PrioritizedProjects");
    assertEquals("-1.4 -0.5 -1.5", cells(c3, "Prioritized (Researcher Owned)"));
    assertEquals("-2.5 +0.5 +1.5", cells(c3, "Open Capacity"));
    assertEquals("+0.0 +0.0 +0.0", cells(c3, "Real Slots TOTAL"));
    List<String> c2 = block(out, "C2 Empty GPU ids");
    assertEquals("+4.2 +0.0 -0.5", cells(c2, "Backfill Slots TOTAL"));
    assertEquals("+8.3 +0.0 -0.5", cells(c2, "Backfill (Researcher Owned)"));
    assertEquals("+0.0 +0.0 +0.0", cells(c2, "Real Slots TOTAL"));
    // all together the Real TOTAL is the report v2's TOTAL (primary + secondary), 50.0% (5.0/10.0)
    assertEquals("+5.6 +1.0 +1.0", cells(block(out, "C1-C12 together"), "Real Slots TOTAL"));
    assertTrue(
        out.contains("\nNot evaluated (no effect on these rows): C8, C9, C13, C14, C15, C16.\n"));
  }

  /** The body of the report: from the first block to the line of the rules not evaluated. */
  private static String body(String text) {
    int from = text.indexOf("RULE EFFECTS");
    int to = text.indexOf("Not evaluated");
    assertTrue(from > 0 && to > from, text);
    return text.substring(from, to);
  }

  @ParameterizedTest(name = "--host ''{0}''")
  @ValueSource(strings = {"", "gpu4000"})
  void monthlyExplainsTheMonthsRows(String host) throws Exception {
    ExampleData.buildCorrected(dir);
    ExampleData.addDecemberFile(dir);
    String monthly = report("--analysis-type", "monthly", "--host", host).out();
    assertTrue(monthly.contains("CHTC MONTHLY GPU REPORT - NOVEMBER 2025"), monthly);
    assertTrue(monthly.contains("\nPeriod: November 2025\nRules: corrected\n"), monthly);
    assertTrue(monthly.endsWith("\nData Period: November 2025\n" + "=".repeat(70) + "\n"));
    // the month's rows, not December's: those of a window over all of November
    String november =
        report("--end-time", "2025-12-01 00:00:00", "--hours-back", "720", "--host", host).out();
    assertEquals(body(november), body(monthly));
    String december = report("--host", host).out();
    assertTrue(!body(december).equals(body(monthly)), "the default window is December's");
    if (host.isEmpty()) {
      assertEquals("44.4% 4.0 9.0", cells(block(monthly, "REFERENCE"), "Real Slots TOTAL"));
    }
  }

  @Test
  void aMachinePrioritizedAfterItsFirstBackfillRowIsReadTwice() throws Exception {
    ExampleData.buildCorrected(dir);
    Path data = Files.createDirectory(dir.resolve("later"));
    String l40s = "NVIDIA L40S";
    new TestDb()
        .row("backfill2_1@r", "GPU-1", "Claimed", l40s, "", "r", "eve", "2025-11-20 10:00:05")
        .row("slot1@r", "GPU-2", "Unclaimed", l40s, "ProjA", "r", null, "2025-11-20 10:15:05")
        .write(data.resolve("gpu_state_2025-11.db"));
    String out = report(data).out();
    // r is prioritized (C5) although its primary row comes a snapshot after its backfill row
    List<String> c5 = block(out, "C5 Backfill ownership");
    assertEquals("+100.0 +0.5 +0.5", cells(c5, "Backfill (Researcher Owned)"), out);
    assertEquals("-100.0 -0.5 -0.5", cells(c5, "Backfill (Open Capacity)"), out);
  }
}
