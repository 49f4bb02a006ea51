package io.gpureport.config;

import io.gpureport.errors.IoReason;
import io.gpureport.errors.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CHTC-owned machine list (docs/metrics.md, "CHTC-owned hosts"): exact, case-sensitive names in
 * file order.
 */
public final class ChtcOwnedHosts {
  private final List<String> hosts;
  private final Set<String> set;

  private ChtcOwnedHosts(List<String> hosts) {
    this.hosts = List.copyOf(hosts);
    this.set = new LinkedHashSet<>(hosts);
  }

  /** An empty list. */
  public static ChtcOwnedHosts none() {
    return new ChtcOwnedHosts(List.of());
  }

  /** Parses the file text: trimmed lines, blank and {@code #} lines skipped. */
  public static ChtcOwnedHosts parse(String text) {
    List<String> hosts = new ArrayList<>();
    for (String line : text.split("\r?\n|\r")) {
      String t = line.trim();
      if (!t.isEmpty() && !t.startsWith("#")) {
        hosts.add(t);
      }
    }
    return new ChtcOwnedHosts(hosts);
  }

  /**
   * Reads the list; a missing explicit file is a usage error, a missing default file warns on
   * {@code warn} and yields an empty list.
   */
  public static ChtcOwnedHosts fromFile(Path file, boolean explicit, java.io.PrintStream warn) {
    if (Files.notExists(file)) {
      if (explicit) {
        throw new UsageException("CHTC-owned host list not found: " + file);
      }
      warn.println(
          "Warning: CHTC-owned host list "
              + file
              + " not found; no machine is treated as"
              + " CHTC-owned");
      return none();
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("cannot read CHTC-owned host list " + file + ": " + IoReason.of(e));
    }
  }

  /** Machine names in file order (duplicates kept). */
  public List<String> hosts() {
    return hosts;
  }

  public boolean contains(String machine) {
    return machine != null && set.contains(machine);
  }
}
