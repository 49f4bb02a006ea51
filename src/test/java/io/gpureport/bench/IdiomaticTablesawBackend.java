package io.gpureport.bench;

import io.gpureport.aggregate.Stat;
import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Databases;
import io.gpureport.load.Timestamps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * Option 1, idiomatic Tablesaw: {@code Table.read().db(resultSet)}, derived columns built with
 * selections, {@code where}, {@code sortOn}, {@code lag}, {@code summarize(...).by(...)} and {@code
 * countUnique}/{@code mean}/{@code sum}. No hand-rolled loop touches a row.
 *
 * <p>Two traps of dependencies.md §2 / SEMANTICS Appendix B are handled in the SQL of the load:
 *
 * <ul>
 *   <li>{@code timestamp} is declared DATETIME, which {@code Table.read().db} turns into an
 *       InstantColumn and then fails on the text: it is read as {@code CAST(timestamp AS TEXT)};
 *   <li>Tablesaw's {@code StringColumn} uses {@code ""} as its missing value, so NULL and {@code
 *       ""} collapse (and {@code countUnique} would drop the valid GPU id {@code ""}, L12). Text
 *       columns whose NULL matters are read as {@code COALESCE('=' || x, '')}: every real value
 *       carries a {@code =} prefix (so {@code ""} is {@code "="}) and SQL NULL becomes Tablesaw's
 *       missing value. {@code COALESCE} also keeps every expression column non-NULL, so sqlite-jdbc
 *       types it as text even when the first row is NULL.
 * </ul>
 *
 * <p>The floating-point result differs from the product only where Tablesaw's {@code mean}
 * (commons-math {@code StatUtils.mean}: sum/n plus a correction term) differs from the plain
 * left-to-right sum/n of SEMANTICS §7.12; see the decision record.
 */
public final class IdiomaticTablesawBackend implements Backend {
  static final String LOAD =
      "SELECT rowid AS rid,"
          + " COALESCE(Name, '') AS name,"
          + " COALESCE('=' || AssignedGPUs, '') AS gpu,"
          + " COALESCE(State, '') AS state,"
          + " COALESCE('=' || GPUs_DeviceName, '') AS dev,"
          + " COALESCE('=' || PrioritizedProjects, '') AS pp,"
          + " COALESCE('=' || Machine, '') AS machine,"
          + " CAST(timestamp AS TEXT) AS ts"
          + " FROM gpu_state WHERE timestamp >= ? AND timestamp <= ?";

  private static final DateTimeFormatter STORED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

  private static final String EMPTY = "="; // the encoded empty string

  private final BenchInputs.Rules rules;

  public IdiomaticTablesawBackend(BenchInputs.Rules rules) {
    this.rules = rules;
  }

  @Override
  public String name() {
    return "tablesaw-idiomatic";
  }

  @Override
  public BackendResult compute(Path data, long start, long end, Probe probe) {
    Table loaded = load(data, start, end);
    probe.checkpoint("load");
    int n = loaded.rowCount();
    if (n == 0) {
      return new BackendResult(0, 0, new TreeMap<>());
    }

    // Buckets (§7.1) of all loaded rows: N_all counts them before any exclusion or filter.
    DateTimeColumn time =
        loaded
            .stringColumn("ts")
            .mapInto(s -> LocalDateTime.parse(s, STORED), DateTimeColumn.create("time", n));
    LongColumn epoch = LongColumn.create("epoch", time.asEpochSecondArray(ZoneOffset.UTC));
    // Grouping needs a categorical column: the double bucket start (epoch seconds) as a LongColumn.
    LongColumn bucket = epoch.subtract(epoch.remainder(900)).asLongColumn().setName("bucket");
    loaded.addColumns(bucket);
    int nAll = bucket.countUnique();
    probe.checkpoint("buckets");

    // The device sets of §7.3: non-NULL id and device, old models out (§5.7), excluded hosts out.
    StringColumn device = loaded.stringColumn("dev");
    StringColumn machine = loaded.stringColumn("machine");
    List<String> oldDevices =
        device.unique().asList().stream()
            .filter(d -> !d.isEmpty() && DeviceModels.isOldBySubstring(d.substring(1)))
            .collect(Collectors.toList());
    List<String> excludedMachines =
        machine.unique().asList().stream()
            .filter(m -> !m.isEmpty() && rules.exclusions().excludes(m.substring(1)))
            .collect(Collectors.toList());
    Table rows =
        loaded.where(
            device
                .isNotMissing()
                .and(device.isNotIn(oldDevices))
                .and(loaded.stringColumn("gpu").isNotMissing())
                .and(machine.isNotIn(excludedMachines)));
    probe.checkpoint("filter");

    // Per-row predicates as columns (§5.1), dedup rank (§6.2) and class (§5.3).
    int m = rows.rowCount();
    StringColumn pp = rows.stringColumn("pp");
    BooleanColumn backfill =
        BooleanColumn.create("backfill", rows.stringColumn("name").containsString("backfill"), m);
    BooleanColumn claimed =
        BooleanColumn.create("claimed", rows.stringColumn("state").isEqualTo("Claimed"), m);
    BooleanColumn unclaimed =
        BooleanColumn.create("unclaimed", rows.stringColumn("state").isEqualTo("Unclaimed"), m);
    BooleanColumn chtc =
        BooleanColumn.create(
            "chtc",
            rows.stringColumn("machine")
                .isIn(
                    rules.chtcOwned().hosts().stream()
                        .map(h -> "=" + h)
                        .collect(Collectors.toList())),
            m);
    IntColumn rank = IntColumn.create("rank", new int[m]);
    rank.set(claimed.isTrue().and(backfill.isFalse()), 3);
    rank.set(claimed.isTrue().and(backfill.isTrue()), 2);
    rank.set(unclaimed.isTrue().and(backfill.isFalse()), 1);
    IntColumn slotClass = IntColumn.create("cls", new int[m]);
    slotClass.set(backfill.isFalse().and(pp.isNotEqualTo(EMPTY)).and(chtc.isFalse()), 1);
    slotClass.set(backfill.isFalse().and(pp.isNotEqualTo(EMPTY)).and(chtc.isTrue()), 2);
    slotClass.set(backfill.isFalse().and(pp.isEqualTo(EMPTY)), 3);
    slotClass.set(
        backfill.isTrue().and(chtc.isFalse()).and(pp.isNotMissing()).and(pp.isNotEqualTo(EMPTY)),
        4);
    slotClass.set(backfill.isTrue().and(chtc.isTrue()), 5);
    slotClass.set(
        backfill.isTrue().and(chtc.isFalse()).and(pp.isMissing().or(pp.isEqualTo(EMPTY))), 6);
    rows.addColumns(backfill, claimed, rank, slotClass);
    probe.checkpoint("columns");

    // Dedup (§6.3) within each device's set: per (device, timestamp, id) the highest rank, ties to
    // load order; the first row of each group after this sort is the winner.
    Table sorted = rows.sortOn("dev", "ts", "gpu", "-rank", "file", "rid");
    probe.checkpoint("sort");
    StringColumn sDevice = sorted.stringColumn("dev");
    StringColumn sTime = sorted.stringColumn("ts");
    StringColumn sGpu = sorted.stringColumn("gpu");
    Selection winner =
        sDevice
            .isNotEqualTo(sDevice.lag(1))
            .or(sTime.isNotEqualTo(sTime.lag(1)))
            .or(sGpu.isNotEqualTo(sGpu.lag(1)));
    // Backfill rows never dedup; primary rows count only as winners (a backfill winner removes
    // the GPU from the primary classes, L9).
    Table counted = sorted.where(sorted.booleanColumn("backfill").isTrue().or(winner));
    probe.checkpoint("dedup");

    // total_b and claimed_b (§7.3): distinct ids per (bucket, class, device).
    StringColumn claimedGpu = counted.stringColumn("gpu").copy().setName("claimedGpu");
    claimedGpu.set(counted.booleanColumn("claimed").isFalse(), "");
    counted.addColumns(claimedGpu);
    Table perBucket =
        counted
            .summarize("gpu", "claimedGpu", AggregateFunctions.countUnique)
            .by("bucket", "cls", "dev");
    probe.checkpoint("count");

    // pct_b = (claimed_b / total_b) * 100, then per (class, device) the mean over its buckets in
    // ascending bucket order and the sums of the counts.
    NumericColumn<?> total = perBucket.numberColumn("Count Unique [gpu]");
    NumericColumn<?> claimedCount = perBucket.numberColumn("Count Unique [claimedGpu]");
    perBucket.addColumns(claimedCount.divide(total).multiply(100).setName("pct"));
    Table perCell =
        perBucket
            .sortOn("bucket")
            .summarize(
                "pct",
                "Count Unique [claimedGpu]",
                "Count Unique [gpu]",
                AggregateFunctions.mean,
                AggregateFunctions.sum)
            .by("cls", "dev");
    DoubleColumn allocatedAvg =
        perCell.numberColumn("Sum [Count Unique [claimedGpu]]").divide(nAll);
    DoubleColumn availableAvg = perCell.numberColumn("Sum [Count Unique [gpu]]").divide(nAll);
    NumericColumn<?> allocatedPercent = perCell.numberColumn("Mean [pct]");
    SortedMap<Cell, Stat> stats = new TreeMap<>();
    for (int i = 0; i < perCell.rowCount(); i++) {
      Cell cell =
          new Cell(
              (int) perCell.numberColumn("cls").getDouble(i),
              perCell.stringColumn("dev").get(i).substring(1));
      stats.put(
          cell,
          new Stat(
              allocatedPercent.getDouble(i), allocatedAvg.getDouble(i), availableAvg.getDouble(i)));
    }
    probe.checkpoint("stats");
    return new BackendResult(n, nAll, stats);
  }

  /** The window's rows of every file, each with its file index for the load-order tie rule. */
  private static Table load(Path data, long start, long end) {
    Table all = null;
    int fileIndex = 0;
    for (Path file : BenchInputs.files(data, start, end)) {
      try (Connection c = Databases.openReadOnly(file);
          PreparedStatement ps = c.prepareStatement(LOAD)) {
        ps.setString(1, Timestamps.formatStored(start));
        ps.setString(2, Timestamps.formatStored(end));
        try (ResultSet rs = ps.executeQuery()) {
          Table part = Table.read().db(rs, "gpu_state");
          int[] index = new int[part.rowCount()];
          Arrays.fill(index, fileIndex);
          part.addColumns(IntColumn.create("file", index));
          all = all == null ? part : all.append(part);
        }
      } catch (SQLException e) {
        throw Databases.unreadable(file, e);
      }
      fileIndex++;
    }
    return all == null ? Table.create("gpu_state") : all;
  }
}
