package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Placeholder until the Parquet reader lands: every Parquet file is refused. */
final class ParquetFormat implements StoreFormat {
  ParquetFormat(int threads) {}

  private static GpuReportException refused(Path file) {
    return new GpuReportException("cannot read " + file + ": Parquet is not supported yet");
  }

  @Override
  public OptionalLong maxTimestamp(Path file) {
    throw refused(file);
  }

  @Override
  public Optional<Long> lastStored(Path file) {
    throw refused(file);
  }

  @Override
  public Insertions insertions(Path file) {
    throw refused(file);
  }

  @Override
  public Span span(Path file) {
    throw refused(file);
  }

  @Override
  public boolean selectsByContent() {
    return true;
  }

  @Override
  public Optional<List<Piece>> pieces(
      Segment segment, Path file, TimeRange window, boolean openEnd, long maxRows, long maxMicros) {
    throw refused(file);
  }

  @Override
  public SlotTable load(Piece piece, Projection projection, LoadProgress progress) {
    throw refused(null);
  }

  @Override
  public SlotTable load(
      List<Path> files,
      TimeRange range,
      Projection projection,
      Path openEndFile,
      LoadProgress progress) {
    throw refused(files.get(0));
  }
}
