package io.gpureport.errors;

/** "No data" outcome: the message is printed as-is (no "Error:" prefix), exit status 1. */
public class NoDataException extends GpuReportException {
  public NoDataException(String message) {
    super(message);
  }
}
