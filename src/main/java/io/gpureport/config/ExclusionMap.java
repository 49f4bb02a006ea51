package io.gpureport.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Ordered host-pattern → reason map; a pattern excludes a machine by case-insensitive find. */
public final class ExclusionMap {
  /** One exclusion entry, in document order. */
  public record Entry(String pattern, String reason) {}

  private final List<Entry> entries;
  private final List<Pattern> patterns;

  private ExclusionMap(List<Entry> entries, List<Pattern> patterns) {
    this.entries = List.copyOf(entries);
    this.patterns = List.copyOf(patterns);
  }

  /** A map with no exclusions. */
  public static ExclusionMap empty() {
    return new ExclusionMap(List.of(), List.of());
  }

  /** Compiles every pattern; an invalid one is reported through the returned error. */
  static ExclusionMap of(List<Entry> entries) {
    List<Pattern> compiled = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      compiled.add(Pattern.compile(e.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    return new ExclusionMap(entries, compiled);
  }

  public List<Entry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** True when any pattern finds a match in the machine name; NULL never matches. */
  public boolean excludes(String machine) {
    if (machine == null) {
      return false;
    }
    for (Pattern p : patterns) {
      if (p.matcher(machine).find()) {
        return true;
      }
    }
    return false;
  }
}
