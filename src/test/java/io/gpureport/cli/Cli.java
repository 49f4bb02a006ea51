package io.gpureport.cli;

import io.gpureport.deliver.Mailer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one way tests run the command line: in-process ({@link #run}, or {@link #with} to set the
 * environment, clock and mailer) or in a JVM of its own ({@link #childJvm}); each run returns a
 * {@link CliResult}.
 */
public final class Cli {
  /** A fixed clock for reproducible reports: 2025-12-03 08:00:00 UTC. */
  public static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2025-12-03T08:00:00Z"), ZoneOffset.UTC);

  private Cli() {}

  /** Runs in-process with no environment, the fixed clock and no mailer. */
  public static CliResult run(String... args) {
    return with().run(args);
  }

  /** An in-process run to configure; unset, it has no environment, the fixed clock, no mailer. */
  public static InProcess with() {
    return new InProcess();
  }

  /** A run of {@code io.gpureport.Main} in a child JVM, for limits a test JVM cannot impose. */
  public static ChildJvm childJvm() {
    return new ChildJvm();
  }

  /** An in-process run of the command line with injected environment, clock and mailer. */
  public static final class InProcess {
    private Map<String, String> env = Map.of();
    private Clock clock = FIXED_CLOCK;
    private Function<PrintStream, ? extends Mailer> mailer = err -> null;

    private InProcess() {}

    /** The environment the commands see (only {@code GPUREPORT_SMTP_PASSWORD} is read). */
    public InProcess env(Map<String, String> env) {
      this.env = Map.copyOf(env);
      return this;
    }

    /** The clock of "now" (default end time, collect timestamps, message dates). */
    public InProcess clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The mailer, made from the CLI's stderr so that its status lines land beside the CLI's. */
    public InProcess mailer(Function<PrintStream, ? extends Mailer> mailer) {
      this.mailer = Objects.requireNonNull(mailer);
      return this;
    }

    /** Runs the command line with {@code args}. */
    public CliResult run(List<String> args) {
      return run(args.toArray(String[]::new));
    }

    /** Runs the command line with {@code args}. */
    public CliResult run(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        int code = GpuReportCommand.run(args, new CliContext(o, e, env, clock, mailer.apply(e)));
        return new CliResult(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      }
    }
  }
}
