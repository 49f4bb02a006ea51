package io.gpureport.cli;

import io.gpureport.classify.RuleSet;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.config.ExclusionMap;
import io.gpureport.errors.UsageException;
import io.gpureport.load.InputFormat;
import io.gpureport.load.Timestamps;
import io.gpureport.report.ReportRequest;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/**
 * The report's source and filters as one mixin for {@code hosts}, {@code users} and {@code trend}:
 * {@code --db-path}/{@code --data-dir}, {@code --input-format}, {@code --host}, the exclusions and
 * the CHTC-owned list, checked and turned into {@link ReportRequest}'s records.
 */
final class SourceOptions {
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

  /** The monthly files; throws a usage error for two sources. */
  ReportRequest.Source source() {
    if (dbPath != null && dataDir != null) {
      throw new UsageException("Cannot use both --db-path and --data-dir. Choose one.");
    }
    return (dbPath != null
            ? ReportRequest.Source.dbPath(dbPath)
            : ReportRequest.Source.dataDir(dataDir != null ? dataDir : Path.of(".")))
        .in(inputFormat);
  }

  /** The checked {@code --host} regex. */
  String host() {
    regex(host, "--host");
    return host;
  }

  /** The rule set with the exclusions and CHTC-owned hosts read (messages on {@code ctx}). */
  ReportRequest.Filters filters(CliContext ctx, RuleSet rules) {
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
    return new ReportRequest.Filters(rules, exclusions, chtc);
  }

  /** A regular expression of an option, or a usage error. */
  static Pattern regex(String r, String option) {
    try {
      return Pattern.compile(r);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "invalid " + option + " regular expression '" + r + "': " + e.getDescription());
    }
  }

  /** {@code --end-time} as naive epoch microseconds, null when not given. */
  static Long endTime(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    long t = Timestamps.parseUser(text);
    if (t == Long.MIN_VALUE) {
      throw new UsageException("Invalid end_time format. Use YYYY-MM-DD HH:MM:SS");
    }
    return t;
  }
}
