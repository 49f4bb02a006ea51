package io.gpureport.export;

/** The file formats {@code export} writes: Parquet only, for now. */
public enum ExportFormat {
  /** Apache Parquet, zstd-compressed, one {@code gpu_state_YYYY-MM.parquet} per month. */
  PARQUET("parquet", ".parquet");

  private final String id;
  private final String extension;

  ExportFormat(String id, String extension) {
    this.id = id;
    this.extension = extension;
  }

  /** The name on the command line, e.g. {@code parquet}. */
  public String id() {
    return id;
  }

  /** The file name extension, with the dot. */
  public String extension() {
    return extension;
  }
}
