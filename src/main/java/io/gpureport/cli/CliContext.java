package io.gpureport.cli;

import io.gpureport.deliver.Mailer;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** What the commands take from the outside world, injected so that tests can replace it. */
public record CliContext(
    PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Mailer mailer) {
  /** Whether stderr is the process's own terminal, where long runs show their progress. */
  boolean interactive() {
    return err == System.err && System.console() != null;
  }
}
