package io.gpureport.cli;

import io.gpureport.errors.UsageException;
import io.gpureport.report.SiteJob;
import io.gpureport.report.SiteRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gpureport site}: a static web site of the reports in a folder, updated by every run
 * (README, "site options").
 */
@Command(
    name = "site",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    abbreviateSynopsis = true,
    description =
        "Update a static web site in a folder: the HTML report of the last complete day, week and"
            + " month (earlier pages are kept), and a front page that links them all. Run it from"
            + " cron; any web server, or a browser opening index.html, shows it.")
public final class SiteCommand implements Callable<Integer> {
  @ParentCommand GpuReportCommand parent;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The site's folder, created if missing; existing pages are kept.")
  Path out;

  @Option(
      names = "--end-time",
      paramLabel = "TEXT",
      description =
          "Make the site as of this time, \"YYYY-MM-DD HH:MM:SS\" (default: the newest data).")
  String endTime;

  @Mixin SourceOptions data;

  @Mixin ExclusionOptions exclusion;

  @Mixin RulesOption rules;

  @Option(names = "--no-charts", description = "Report pages without charts.")
  boolean noCharts;

  @Option(names = "--verbose", description = "Stack traces for errors.")
  boolean verbose;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    SiteRequest request = toRequest(ctx);
    new SiteJob(ctx.clock(), ctx.out(), ctx.err(), engine.threads()).run(request);
    return ExitCodes.OK;
  }

  SiteRequest toRequest(CliContext ctx) {
    engine.validate();
    if (out.toString().isEmpty()) {
      throw new UsageException("--out must not be empty");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + out + " is not a directory");
    }
    return new SiteRequest(
        data.source(),
        exclusion.filters(rules.ruleSet(), ctx.err()),
        data.host(),
        out,
        SourceOptions.endTime(endTime),
        !noCharts,
        verbose);
  }
}
