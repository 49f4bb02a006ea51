package io.gpureport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.render.Methodology.Block;
import io.gpureport.render.Methodology.Inline;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Markdown subset of SEMANTICS §10.6 (block structure and inline pairing). */
class MethodologyTest {

  /** A compact rendering of inline nodes: {@code [b:…]} strong, {@code [c:…]} code. */
  private static String show(List<Inline> nodes) {
    return nodes.stream()
        .map(
            n ->
                switch (n.kind()) {
                  case "strong" -> "[b:" + show(n.children()) + "]";
                  case "code" -> "[c:" + show(n.children()) + "]";
                  default -> n.text();
                })
        .collect(Collectors.joining());
  }

  private static String show(Block b) {
    if (b.kind().equals("ul")) {
      return "ul"
          + b.items().stream()
              .map(MethodologyTest::show)
              .map(s -> "(" + s + ")")
              .collect(Collectors.joining());
    }
    return b.kind() + ":" + show(b.inlines());
  }

  private static List<String> convert(String md) {
    return Methodology.convert(md).stream().map(MethodologyTest::show).toList();
  }

  @Test
  void blocks() {
    assertEquals(
        List.of(
            "h2:Title",
            "h3:Section",
            "p:First paragraph.",
            "ul(one)(two)",
            "p:After the list.",
            "ul(three)",
            "ul(four)",
            "p:#no heading",
            "p:### deeper",
            "p:-not an item"),
        convert(
            "  # Title  \n## Section\n\n   First paragraph.   \n- one\n  - two\nAfter the list.\n"
                + "- three\n\n- four\n#no heading\n### deeper\n-not an item\n"));
  }

  @Test
  void aListOpenAtTheEndIsClosed() {
    assertEquals(List.of("ul(a)(b)"), convert("- a\r\n- b"));
  }

  @Test
  void inlinePairsLeftToRight() {
    assertEquals("[b:a] and [b:b]", show(Methodology.inline("**a** and **b**")));
    assertEquals("[c:x] [b:y [c:z]]", show(Methodology.inline("`x` **y `z`**")));
    assertEquals("a ** b", show(Methodology.inline("a ** b")));
    assertEquals("[b:a] ** b", show(Methodology.inline("**a** ** b")));
    assertEquals("lone ` tick", show(Methodology.inline("lone ` tick")));
    assertEquals("[b:a `b] c`", show(Methodology.inline("**a `b** c`")));
    assertEquals("[c:x ** y] and [b:z]", show(Methodology.inline("`x ** y` and **z**")));
    assertEquals(
        "<script>&amp;", show(Methodology.inline("<script>&amp;")), "text stays plain text");
  }

  @Test
  void bundledTextIsTheSharedMethodology() throws Exception {
    String md;
    try (InputStream in = Methodology.class.getResourceAsStream("/methodology.md")) {
      md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(md.startsWith("# Methodology\n"));
    List<Block> blocks = Methodology.bundled();
    assertEquals("h2:Methodology", show(blocks.get(0)));
    assertEquals(
        "p:A machine is CHTC-owned when its name appears exactly in the CHTC-owned list. These machines"
            + " were purchased with campus support as part of startup packages. The list in effect for this report"
            + " follows.",
        show(blocks.get(blocks.size() - 1)));
    assertTrue(blocks.stream().noneMatch(b -> show(b).contains("**")), "every ** is paired");
  }

  @Test
  void correctedTextIsTheCorrectedMethodology() {
    List<Block> blocks = Methodology.corrected();
    assertEquals("h2:Methodology (corrected rules)", show(blocks.get(0)));
    assertEquals(
        "p:A machine is CHTC-owned when its name appears exactly in the CHTC-owned list. The list in"
            + " effect for this report follows.",
        show(blocks.get(blocks.size() - 1)));
    assertTrue(blocks.stream().anyMatch(b -> show(b).equals("h3:Open Capacity tiers")));
    assertTrue(blocks.stream().noneMatch(b -> show(b).contains("**")), "every ** is paired");
    assertEquals(blocks, Methodology.corrected(), "converted once");
  }
}
