package io.gpureport.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpureport sample}: generates realistic monthly sample files (stub). */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Generate sample data.")
public final class SampleCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.gpureport.GpuReportException("sample is not implemented yet");
  }
}
