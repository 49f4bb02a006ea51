package io.gpureport.cli;

import io.gpureport.classify.RuleSet;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.config.ExclusionMap;
import io.gpureport.errors.UsageException;
import io.gpureport.report.ReportRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The exclusions and the CHTC-owned list of the commands that classify a window ({@code report},
 * {@code hosts}, {@code users}, {@code trend}, {@code site}; docs/metrics.md, "CHTC-owned hosts,
 * exclusions and --host").
 */
final class ExclusionOptions {
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

  /** Both {@code --exclude-hosts} and {@code --exclude-hosts-yaml} is a usage error. */
  void checkOneForm() {
    if (excludeHosts != null && excludeHostsYaml != null) {
      throw new UsageException(
          "Cannot use both --exclude-hosts and --exclude-hosts-yaml. Choose one.");
    }
  }

  /** The exclusions: inline, the file given, or {@code masked_hosts.yaml} if present. */
  ExclusionMap exclusions() {
    if (excludeHosts != null) {
      return ExclusionLoader.parse(excludeHosts, "--exclude-hosts");
    }
    boolean explicit = excludeHostsYaml != null;
    return ExclusionLoader.fromFile(
        explicit ? excludeHostsYaml : Path.of("masked_hosts.yaml"), explicit);
  }

  /**
   * The CHTC-owned list: the file given, or {@code chtc_owned_hosts.txt}; warnings on {@code err}.
   */
  ChtcOwnedHosts chtcOwned(PrintStream err) {
    return ChtcOwnedHosts.fromFile(
        chtcOwned != null ? chtcOwned : Path.of("chtc_owned_hosts.txt"), chtcOwned != null, err);
  }

  /**
   * The rule set with the exclusions and the CHTC-owned list (warnings on {@code err}); both
   * exclusion forms is a usage error.
   */
  ReportRequest.Filters filters(RuleSet rules, PrintStream err) {
    checkOneForm();
    ChtcOwnedHosts chtc = chtcOwned(err);
    return new ReportRequest.Filters(rules, exclusions(), chtc);
  }
}
