package io.gpureport.render;

import io.gpureport.errors.GpuReportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The methodology text and its small Markdown subset (docs/metrics.md, "Methodology box").
 *
 * <p>The converter produces a tree of blocks and inline runs of <em>plain</em> text; it never
 * produces markup. The template turns each node into its element and FreeMarker escapes every text
 * run, so the escaping does not depend on this class getting anything right.
 *
 * <p>Inline rule: scanning from left to right, a {@code **} that has a later {@code **} opens a
 * {@code <strong>} up to that one, and a backquote that has a later backquote opens a {@code
 * <code>} up to that one; an unpaired marker stays literal. A pair is looked for inside the
 * enclosing element only, so the elements always nest properly.
 */
public final class Methodology {
  private static final String RESOURCE = "/methodology.md";
  private static final String CORRECTED = "/methodology-corrected.md";
  private static final Map<String, List<Block>> BUNDLED = new ConcurrentHashMap<>();

  private Methodology() {}

  /** A block element: {@code h2}, {@code h3} or {@code p} with {@code inlines}, or {@code ul}. */
  public record Block(String kind, List<Inline> inlines, List<List<Inline>> items) {
    static Block of(String kind, List<Inline> inlines) {
      return new Block(kind, inlines, List.of());
    }
  }

  /**
   * An inline node: {@code text} (a plain-text run in {@code text}), or {@code strong} / {@code
   * code} with {@code children}.
   */
  public record Inline(String kind, String text, List<Inline> children) {
    static Inline text(String s) {
      return new Inline("text", s, List.of());
    }
  }

  /** The bundled methodology text of the rule set reference, converted once. */
  public static List<Block> bundled() {
    return BUNDLED.computeIfAbsent(RESOURCE, r -> convert(load(r)));
  }

  /** The bundled methodology text of the rule set corrected (CORRECTED §7.4), converted once. */
  public static List<Block> corrected() {
    return BUNDLED.computeIfAbsent(CORRECTED, r -> convert(load(r)));
  }

  private static String load(String resource) {
    try (InputStream in = Methodology.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new GpuReportException("the bundled methodology text " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GpuReportException(
          "cannot read the bundled methodology text: " + e.getMessage(), e);
    }
  }

  /** Converts the Markdown subset into blocks. */
  public static List<Block> convert(String markdown) {
    List<Block> out = new ArrayList<>();
    List<List<Inline>> list = null;
    for (String raw : markdown.split("\r\n|\r|\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("- ")) {
        if (list == null) {
          list = new ArrayList<>();
        }
        list.add(inline(line.substring(2).strip()));
        continue;
      }
      list = close(list, out);
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("## ")) {
        out.add(Block.of("h3", inline(line.substring(3).strip())));
      } else if (line.startsWith("# ")) {
        out.add(Block.of("h2", inline(line.substring(2).strip())));
      } else {
        out.add(Block.of("p", inline(line)));
      }
    }
    close(list, out);
    return List.copyOf(out);
  }

  private static List<List<Inline>> close(List<List<Inline>> list, List<Block> out) {
    if (list != null) {
      out.add(new Block("ul", List.of(), List.copyOf(list)));
    }
    return null;
  }

  /** The inline runs of one element's text. */
  public static List<Inline> inline(String text) {
    return parse(text, 0, text.length());
  }

  private static List<Inline> parse(String s, int from, int to) {
    List<Inline> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int i = from;
    while (i < to) {
      if (s.startsWith("**", i) && i + 2 <= to) {
        int close = s.indexOf("**", i + 2);
        if (close >= 0 && close + 2 <= to) {
          flush(run, out);
          out.add(new Inline("strong", null, parse(s, i + 2, close)));
          i = close + 2;
          continue;
        }
      } else if (s.charAt(i) == '`') {
        int close = s.indexOf('`', i + 1);
        if (close >= 0 && close < to) {
          flush(run, out);
          out.add(new Inline("code", null, parse(s, i + 1, close)));
          i = close + 1;
          continue;
        }
      }
      run.append(s.charAt(i));
      i++;
    }
    flush(run, out);
    return List.copyOf(out);
  }

  private static void flush(StringBuilder run, List<Inline> out) {
    if (run.length() > 0) {
      out.add(Inline.text(run.toString()));
      run.setLength(0);
    }
  }
}
