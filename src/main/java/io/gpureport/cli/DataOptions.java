package io.gpureport.cli;

import io.gpureport.classify.RuleSets;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.config.ExclusionMap;
import io.gpureport.errors.UsageException;
import io.gpureport.load.InputFormat;
import io.gpureport.report.ReportRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the monthly files are and how their slots are classified, as the report takes them: the
 * source ({@code --data-dir}, {@code --db-path}, {@code --input-format}) and the filters ({@code
 * --exclude-hosts…}, {@code --chtc-owned}, {@code --rules}), for the commands built on the report's
 * window.
 */
final class DataOptions {
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

  /**
   * The monthly files; a usage error when both {@code --db-path} and {@code --data-dir} are set.
   */
  ReportRequest.Source source() {
    if (dbPath != null && dataDir != null) {
      throw new UsageException("Cannot use both --db-path and --data-dir. Choose one.");
    }
    ReportRequest.Source source =
        dbPath != null
            ? ReportRequest.Source.dbPath(dbPath)
            : ReportRequest.Source.dataDir(dataDir != null ? dataDir : Path.of("."));
    return source.in(inputFormat);
  }

  /** The rule set, exclusions and CHTC-owned hosts (warnings about the files go to {@code err}). */
  ReportRequest.Filters filters(PrintStream err) {
    if (excludeHosts != null && excludeHostsYaml != null) {
      throw new UsageException(
          "Cannot use both --exclude-hosts and --exclude-hosts-yaml. Choose one.");
    }
    ChtcOwnedHosts chtc =
        ChtcOwnedHosts.fromFile(
            chtcOwned != null ? chtcOwned : Path.of("chtc_owned_hosts.txt"),
            chtcOwned != null,
            err);
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
}
