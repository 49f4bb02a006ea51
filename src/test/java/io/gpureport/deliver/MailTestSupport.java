package io.gpureport.deliver;

import io.gpureport.cli.CliContext;
import io.gpureport.cli.CliResult;
import io.gpureport.cli.GpuReportCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** CLI runs with a test-configured mailer, for the e-mail tests. */
final class MailTestSupport {
  private MailTestSupport() {}

  /** Exit code, stdout and stderr of one CLI run. */
  record Run(int exitCode, String out, String err) {}

  /**
   * Runs the CLI with the fixed clock of {@link CliResult}, the given environment, and an {@link
   * SmtpMailer} whose fallback ports and implicit-TLS port are the given ones and whose status
   * lines go to the same stderr as the CLI's.
   */
  static Run cli(
      Map<String, String> env, List<Integer> fallbacks, int implicitTlsPort, List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      SmtpMailer mailer = new SmtpMailer(e, fallbacks, implicitTlsPort);
      int code =
          GpuReportCommand.run(
              args.toArray(String[]::new),
              new CliContext(o, e, env, CliResult.FIXED_CLOCK, mailer));
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }
}
