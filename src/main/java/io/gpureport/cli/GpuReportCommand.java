package io.gpureport.cli;

import io.gpureport.errors.NoDataException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Root command {@code gpureport}: dispatches to {@code report}, {@code collect}, {@code sample},
 * {@code index}, {@code export}, {@code hosts}, {@code timeline} and {@code cache}.
 */
@Command(
    name = "gpureport",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "GPU allocation reports for an HTCondor pool.",
    subcommands = {
      ReportCommand.class,
      CollectCommand.class,
      SampleCommand.class,
      IndexCommand.class,
      ExportCommand.class,
      HostsCommand.class,
      TimelineCommand.class,
      UsersCommand.class,
      TrendCommand.class,
      SiteCommand.class,
      CacheCommand.class
    })
public final class GpuReportCommand implements Runnable {
  @Spec CommandSpec spec;

  private CliContext context;

  CliContext context() {
    return context;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), ParseErrors.missingCommand(spec.commandLine()));
  }

  /** Runs the command line with the real environment and returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(
        args,
        new CliContext(
            out,
            err,
            System.getenv(),
            java.time.Clock.systemDefaultZone(),
            new io.gpureport.deliver.SmtpMailer(err)));
  }

  /** Runs the command line in a given context and returns the exit status; never throws. */
  public static int run(String[] args, CliContext context) {
    PrintStream out = context.out();
    PrintStream err = context.err();
    PrintWriter errWriter =
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    GpuReportCommand root = new GpuReportCommand();
    root.context = context;
    CommandLine cl = new CommandLine(root);
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(errWriter);
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          errWriter.println("Error: " + ParseErrors.message(ex, a));
          errWriter.flush();
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean verbose =
              parseResult.hasMatchedOption("--verbose")
                  || (parseResult.subcommand() != null
                      && parseResult.subcommand().hasMatchedOption("--verbose"));
          report(ex, verbose, errWriter);
          return ExitCodes.of(ex);
        });
    int code = cl.execute(args);
    errWriter.flush();
    return code;
  }

  private static void report(Exception ex, boolean verbose, PrintWriter err) {
    if (ex instanceof NoDataException) {
      err.println(ex.getMessage());
    } else if (ExitCodes.isExpected(ex)) {
      err.println("Error: " + ex.getMessage());
    } else {
      err.println("Error: " + ex);
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
  }
}
