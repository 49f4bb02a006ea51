package io.gpureport.errors;

/** A runtime failure with a one-line message for the user (exit status 1). */
public class GpuReportException extends RuntimeException {
  public GpuReportException(String message) {
    super(message);
  }

  public GpuReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
