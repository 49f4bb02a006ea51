package io.gpureport.load;

import java.util.Locale;

/** The store format of monthly files ({@code --input-format}): SQLite or Parquet. */
public enum InputFormat {
  /** {@code gpu_state_YYYY-MM.db}: SQLite, table {@code gpu_state}. */
  SQLITE(".db"),
  /** {@code gpu_state_YYYY-MM.parquet}: Parquet (docs/metrics.md, "Parquet months"). */
  PARQUET(".parquet");

  private final String extension;

  InputFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension of a monthly file, with its dot. */
  public String extension() {
    return extension;
  }

  /** The option's value: {@code sqlite} or {@code parquet}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format of a file by its name: Parquet for {@code .parquet}, else SQLite. */
  static InputFormat ofFileName(String name) {
    return name.endsWith(PARQUET.extension) ? PARQUET : SQLITE;
  }
}
