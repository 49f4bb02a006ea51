package io.gpureport.collect;

import io.gpureport.errors.GpuReportException;
import io.gpureport.errors.PathProbe;
import io.gpureport.load.GpuStateTable;
import io.gpureport.load.Timestamps;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Takes one snapshot of the pool (docs/metrics.md, "How collect builds the rows"): gets the {@code
 * condor_status -json} document, validates all of it, then builds the rows ad by ad and appends
 * them to the monthly file in one transaction. Invalid input never touches the database.
 */
public final class Collector {
  private final Clock clock;
  private final Supplier<InputStream> stdin;
  private final PrintWriter status;

  /**
   * @param clock gives the snapshot timestamp, read in the clock's zone as naive local time
   * @param stdin the stream behind {@code --input -}
   * @param status where status lines go (stderr)
   */
  public Collector(Clock clock, Supplier<InputStream> stdin, PrintWriter status) {
    this.clock = clock;
    this.stdin = stdin;
    this.status = status;
  }

  /** Runs the collector; throws {@link GpuReportException} on any failure, writing nothing. */
  public CollectSummary collect(CollectRequest request) {
    Path dataDir = request.dataDir();
    if (!PathProbe.attributes(
            dataDir,
            "data directory not found: " + dataDir,
            "cannot open data directory " + dataDir)
        .isDirectory()) {
      throw new GpuReportException("data directory " + dataDir + " is not a directory");
    }
    try (SnapshotInput input = acquire(request)) {
      LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
      String timestamp = Timestamps.formatStored(Timestamps.of(now));
      long slots = SlotAdParser.count(input.open(), input.description());
      if (request.verbose()) {
        say("Read " + slots + " slot ads from " + input.description());
      }
      if (slots == 0) {
        say("No slot ads in " + input.description() + "; nothing written");
        return new CollectSummary(null, timestamp, 0, 0);
      }
      String fileName = GpuStateTable.monthlyFileName(now.getYear(), now.getMonthValue());
      Path file = dataDir.resolve(fileName);
      long rows = write(input, file, timestamp, request.verbose());
      say("Wrote " + rows + " rows (" + slots + " slots) to " + fileName + " at " + timestamp);
      return new CollectSummary(file, timestamp, slots, rows);
    }
  }

  private SnapshotInput acquire(CollectRequest request) {
    if (request.runsCondorStatus()) {
      CondorStatusSource source =
          new CondorStatusSource(request.condorStatus(), request.pool(), request.timeout());
      if (request.verbose()) {
        say("Running " + String.join(" ", source.command()));
      }
      return source.run();
    }
    if (CollectRequest.STDIN.equals(request.input())) {
      return SnapshotInput.spool(stdin.get(), "standard input");
    }
    return SnapshotInput.file(Path.of(request.input()));
  }

  private long write(SnapshotInput input, Path file, String timestamp, boolean verbose) {
    SnapshotRows rows = new SnapshotRows(timestamp);
    try (SnapshotWriter writer = SnapshotWriter.begin(file);
        SlotAdParser ads = SlotAdParser.open(input.open(), input.description())) {
      if (verbose && writer.createdTable()) {
        say("Creating table gpu_state in " + file);
      }
      if (verbose && !writer.addedColumns().isEmpty()) {
        say(
            "Adding columns "
                + String.join(", ", writer.addedColumns())
                + " to gpu_state in "
                + file);
      }
      for (SlotAd ad = ads.next(); ad != null; ad = ads.next()) {
        rows.explode(ad, writer::add);
      }
      writer.commit();
      return writer.rows();
    }
  }

  private void say(String line) {
    status.println(line);
    status.flush();
  }
}
