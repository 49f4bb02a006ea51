package io.gpureport.config;

import io.gpureport.errors.IoReason;
import io.gpureport.errors.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the exclusion document, flat or nested form (docs/metrics.md, "Exclusions
 * (masked_hosts.yaml)", D1, D2).
 */
public final class ExclusionLoader {
  private ExclusionLoader() {}

  /** Reads an exclusion file; a missing default file means no exclusions. */
  public static ExclusionMap fromFile(Path file, boolean explicit) {
    if (Files.notExists(file)) {
      if (explicit) {
        throw new UsageException("exclusion file not found: " + file);
      }
      return ExclusionMap.empty();
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("cannot read exclusion file " + file + ": " + IoReason.of(e));
    }
  }

  /** Parses an inline or file document; {@code source} names it in error messages. */
  public static ExclusionMap parse(String document, String source) {
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      root = new Yaml(new SafeConstructor(options)).load(document);
    } catch (YAMLException e) {
      throw new UsageException("cannot parse exclusions in " + source + syntaxError(e));
    }
    if (root == null) {
      return ExclusionMap.empty();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new UsageException(
          "exclusions in " + source + " must be a mapping of host pattern to reason");
    }
    Object nested = map.get("excluded_hosts");
    if (map.containsKey("excluded_hosts")) {
      if (nested == null) {
        return ExclusionMap.empty();
      }
      if (!(nested instanceof Map<?, ?> inner)) {
        throw new UsageException("excluded_hosts in " + source + " must be a mapping");
      }
      return build(inner, source);
    }
    return build(map, source);
  }

  private static ExclusionMap build(Map<?, ?> map, String source) {
    List<ExclusionMap.Entry> entries = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Map || value instanceof List) {
        throw new UsageException(
            "exclusion reason for '" + e.getKey() + "' in " + source + " must be a scalar");
      }
      entries.add(
          new ExclusionMap.Entry(
              String.valueOf(e.getKey()), value == null ? "" : value.toString()));
    }
    try {
      return ExclusionMap.of(entries);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "invalid exclusion pattern '"
              + e.getPattern()
              + "' in "
              + source
              + ": "
              + e.getDescription());
    }
  }

  /**
   * {@code " at line 4, column 1: found unexpected end of stream (while scanning a quoted scalar at
   * line 3, column 4)"}, or {@code ": <first line of the message>"} when snakeyaml gives no
   * position.
   */
  private static String syntaxError(YAMLException e) {
    if (!(e instanceof MarkedYAMLException marked) || marked.getProblemMark() == null) {
      return ": " + firstLine(e.getMessage());
    }
    String problem =
        marked.getProblem() == null ? "invalid YAML" : IoReason.oneLine(marked.getProblem());
    String context =
        marked.getContext() == null
            ? ""
            : " ("
                + IoReason.oneLine(marked.getContext())
                + (marked.getContextMark() == null
                    ? ""
                    : " at " + position(marked.getContextMark()))
                + ")";
    return " at " + position(marked.getProblemMark()) + ": " + problem + context;
  }

  /** {@code line 3, column 5}, counted from 1. */
  private static String position(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid YAML";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
