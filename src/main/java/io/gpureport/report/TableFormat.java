package io.gpureport.report;

/** The formats of {@code --output-format} of {@code users} and {@code trend}. */
public enum TableFormat {
  TEXT,
  HTML,
  JSON,
  CSV
}
