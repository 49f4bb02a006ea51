package io.gpureport.errors;

/** A usage error detected before any data is read (exit status 2). */
public class UsageException extends GpuReportException {
  public UsageException(String message) {
    super(message);
  }
}
