package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site of {@code gpureport site} in a real headless Chromium: from the front page, every page
 * reached by a link loads without a console error or warning, shows its images, and links only to
 * files of the site. The front page's screenshot is left in {@code target/site-index.png} (copied
 * to docs/img for the README by hand, deliberately).
 */
class SiteBrowserIT {
  @TempDir Path dir;

  @Test
  void everyPageLoadsCleanlyAndEveryLinkLeadsToAFileOfTheSite() throws Exception {
    Path data = SiteCommandTest.nineDays(dir.resolve("data"));
    Path site = dir.resolve("site");
    CliResult r =
        Cli.run(
            "site",
            "--data-dir",
            data.toString(),
            "--out",
            site.toString(),
            "--exclude-hosts",
            "{}",
            "--chtc-owned",
            data.resolve("none.txt").toString(),
            "--end-time",
            "2025-12-02 12:00:00");
    assertEquals(0, r.exitCode(), r.err());

    try (Browser browser = Browser.start(dir.resolve("profile"))) {
      Set<Path> seen = new HashSet<>();
      Deque<Path> pages = new ArrayDeque<>(List.of(site.resolve("index.html")));
      while (!pages.isEmpty()) {
        Path page = pages.pop();
        if (!seen.add(page)) {
          continue;
        }
        browser.open(page);
        assertEquals(List.of(), browser.problems(), page + ": console");
        assertEquals(List.of(), browser.brokenImages(), page + ": images");
        assertFalse(browser.title().isBlank(), page + ": title");
        for (String link : browser.links()) {
          assertFalse(link.startsWith("/") || link.contains(":"), page + " links to " + link);
          Path target = page.getParent().resolve(link).normalize();
          assertTrue(target.startsWith(site), page + " links out of the site: " + link);
          assertTrue(Files.isRegularFile(target), page + " links to a missing " + link);
          if (link.endsWith(".html")) {
            pages.push(target);
          }
        }
        if (page.endsWith("index.html")) {
          browser.screenshot(Path.of("target", "site-index.png"));
        }
      }
      // the front page, 3 reports, 2 timelines, the hosts table, 24 host pages
      assertEquals(1 + 3 + 3 + 24, seen.size(), seen.toString());
    }
  }
}
