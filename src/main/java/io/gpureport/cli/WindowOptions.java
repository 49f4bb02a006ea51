package io.gpureport.cli;

import io.gpureport.aggregate.HostCategory;
import io.gpureport.classify.RuleSets;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.config.ExclusionMap;
import io.gpureport.errors.UsageException;
import io.gpureport.load.InputFormat;
import io.gpureport.load.Timestamps;
import io.gpureport.report.ReportRequest;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/**
 * The report's source, window and filter options as {@code hosts} and {@code timeline} take them
 * (README, "hosts options"): window, data files, {@code --host}, exclusions, CHTC-owned list and
 * rule set, checked and turned into {@link ReportRequest}'s records.
 */
final class WindowOptions {
  @Option(
      names = "--hours-back",
      paramLabel = "INT",
      defaultValue = "24",
      description = "Window length in hours, >= 0 (default: ${DEFAULT-VALUE}).")
  int hoursBack;

  @Option(
      names = "--end-time",
      paramLabel = "TEXT",
      description = "End of the window, \"YYYY-MM-DD HH:MM:SS\" (default: the newest data).")
  String endTime;

  @Option(
      names = "--db-path",
      paramLabel = "FILE",
      description = "A database file (or a .parquet file) instead of --data-dir, as in report.")
  Path dbPath;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Directory of the monthly files (default: the current directory).")
  Path dataDir;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      converter = ReportCommand.InputFormatConverter.class,
      description = "Read only sqlite (.db) or parquet monthly files (default: both).")
  InputFormat inputFormat;

  @Option(
      names = "--host",
      paramLabel = "REGEX",
      defaultValue = "",
      description = "Only slots whose name matches this regex (default: no filter).")
  String host;

  @Option(
      names = "--exclude-hosts",
      paramLabel = "TEXT",
      description = "Inline exclusion document, YAML or JSON, instead of --exclude-hosts-yaml.")
  String excludeHosts;

  @Option(
      names = "--exclude-hosts-yaml",
      paramLabel = "FILE",
      description =
          "Exclusion file of host pattern: reason (default: masked_hosts.yaml, if present).")
  Path excludeHostsYaml;

  @Option(
      names = "--chtc-owned",
      paramLabel = "FILE",
      description = "List of CHTC-owned hosts, one a line (default: chtc_owned_hosts.txt).")
  Path chtcOwned;

  @Option(
      names = "--rules",
      paramLabel = "NAME",
      defaultValue = "reference",
      converter = ReportCommand.RulesConverter.class,
      description =
          "Rule set whose classes and dedup rank are used: reference or corrected"
              + " (default: ${DEFAULT-VALUE}).")
  String rules;

  /** The window; fails with a usage error on a negative length or a malformed end time. */
  ReportRequest.Window window() {
    if (hoursBack < 0) {
      throw new UsageException("--hours-back must be >= 0, was " + hoursBack);
    }
    Long end = null;
    if (endTime != null && !endTime.isEmpty()) {
      long t = Timestamps.parseUser(endTime);
      if (t == Long.MIN_VALUE) {
        throw new UsageException("Invalid end_time format. Use YYYY-MM-DD HH:MM:SS");
      }
      end = t;
    }
    return new ReportRequest.Window(hoursBack, end);
  }

  /** {@code --host}, checked to be a regular expression. */
  String host() {
    regex(host, "--host");
    return host;
  }

  /** The data files; fails with a usage error when both --db-path and --data-dir are given. */
  ReportRequest.Source source() {
    if (dbPath != null && dataDir != null) {
      throw new UsageException("Cannot use both --db-path and --data-dir. Choose one.");
    }
    return (dbPath != null
            ? ReportRequest.Source.dbPath(dbPath)
            : ReportRequest.Source.dataDir(dataDir != null ? dataDir : Path.of(".")))
        .in(inputFormat);
  }

  /** Rule set, exclusions and CHTC-owned list (warnings of the latter on the context's stderr). */
  ReportRequest.Filters filters(CliContext ctx) {
    if (excludeHosts != null && excludeHostsYaml != null) {
      throw new UsageException(
          "Cannot use both --exclude-hosts and --exclude-hosts-yaml. Choose one.");
    }
    ChtcOwnedHosts chtc =
        ChtcOwnedHosts.fromFile(
            chtcOwned != null ? chtcOwned : Path.of("chtc_owned_hosts.txt"),
            chtcOwned != null,
            ctx.err());
    ExclusionMap exclusions;
    if (excludeHosts != null) {
      exclusions = ExclusionLoader.parse(excludeHosts, "--exclude-hosts");
    } else {
      boolean explicit = excludeHostsYaml != null;
      exclusions =
          ExclusionLoader.fromFile(
              explicit ? excludeHostsYaml : Path.of("masked_hosts.yaml"), explicit);
    }
    return new ReportRequest.Filters(RuleSets.named(rules), exclusions, chtc);
  }

  /** {@code r} compiled, or a usage error naming {@code option}. */
  static Pattern regex(String r, String option) {
    try {
      return Pattern.compile(r);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "invalid " + option + " regular expression '" + r + "': " + e.getDescription());
    }
  }

  /** The categories of a comma-separated {@code --category} (null: none given, all). */
  static Set<HostCategory> categories(String list) {
    Set<HostCategory> categories = EnumSet.noneOf(HostCategory.class);
    if (list != null) {
      for (String c : list.split(",", -1)) {
        HostCategory k = HostCategory.ofKey(c.trim());
        if (k == null) {
          throw new UsageException(
              "invalid --category '"
                  + c.trim()
                  + "': expected researcher-owned, chtc-owned, open-capacity or unclassified");
        }
        categories.add(k);
      }
    }
    return categories;
  }
}
