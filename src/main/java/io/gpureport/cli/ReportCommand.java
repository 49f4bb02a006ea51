package io.gpureport.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpureport report} (stub). */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Print a report.")
public final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
