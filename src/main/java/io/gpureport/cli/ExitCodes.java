package io.gpureport.cli;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.UsageException;

/**
 * The process exit statuses (docs/metrics.md, "Checks, messages and exit status"), and the mapping
 * from exceptions to them.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private ExitCodes() {}

  static int of(Throwable t) {
    if (t instanceof UsageException) {
      return USAGE;
    }
    return FAILURE;
  }

  static boolean isExpected(Throwable t) {
    return t instanceof GpuReportException;
  }
}
