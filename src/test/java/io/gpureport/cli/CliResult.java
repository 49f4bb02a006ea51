package io.gpureport.cli;

import io.gpureport.deliver.Mailer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the command line in-process and captures its exit code, stdout and stderr. */
public record CliResult(int exitCode, String out, String err) {
  /** A fixed clock for reproducible reports: 2025-12-03 08:00:00 UTC. */
  public static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2025-12-03T08:00:00Z"), ZoneOffset.UTC);

  /** Runs with no environment, the fixed clock and no mailer. */
  public static CliResult run(String... args) {
    return run(Map.of(), null, args);
  }

  /** Runs with the given environment and mailer. */
  public static CliResult run(Map<String, String> env, Mailer mailer, String... args) {
    return run(FIXED_CLOCK, env, mailer, args);
  }

  /** Runs with the given clock, environment and mailer. */
  public static CliResult run(Clock clock, Map<String, String> env, Mailer mailer, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = GpuReportCommand.run(args, new CliContext(o, e, env, clock, mailer));
      return new CliResult(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }
}
