package io.gpureport;

import io.gpureport.cli.GpuReportCommand;

/** Entry point: hands the arguments to the command line and exits with its status. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(GpuReportCommand.run(args, System.out, System.err));
  }
}
