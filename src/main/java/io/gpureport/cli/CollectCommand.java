package io.gpureport.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpureport collect}: appends one pool snapshot to the monthly SQLite file (stub). */
@Command(name = "collect", mixinStandardHelpOptions = true, description = "Append a pool snapshot.")
public final class CollectCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.gpureport.GpuReportException("collect is not implemented yet");
  }
}
