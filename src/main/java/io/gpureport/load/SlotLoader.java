package io.gpureport.load;

import io.gpureport.GpuReportException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Loads the rows of a window from its monthly files into a {@link SlotTable} in load order
 * (SEMANTICS §4.5). Each file (and each half of a long window within a file) is read on its own
 * read-only connection in parallel, then merged in order.
 */
public final class SlotLoader {
  private static final long SPLIT_THRESHOLD = 2 * 24 * Timestamps.MICROS_PER_HOUR;

  private final int threads;

  public SlotLoader(int threads) {
    this.threads = Math.max(1, threads);
  }

  /** Loads the rows of {@code range} from {@code files} (ascending month order). */
  public SlotTable load(List<Path> files, TimeRange range, Projection projection) {
    List<Part> parts = new ArrayList<>();
    for (Path f : files) {
      if (threads > 1 && range.end() - range.start() > SPLIT_THRESHOLD) {
        long mid = range.start() + (range.end() - range.start()) / 2;
        parts.add(new Part(f, new TimeRange(range.start(), mid, false)));
        parts.add(new Part(f, new TimeRange(mid, range.end(), range.endInclusive())));
      } else {
        parts.add(new Part(f, range));
      }
    }
    List<Chunk> chunks = readAll(parts, projection);
    return merge(chunks);
  }

  private record Part(Path file, TimeRange range) {}

  private List<Chunk> readAll(List<Part> parts, Projection projection) {
    if (parts.size() <= 1 || threads == 1) {
      List<Chunk> out = new ArrayList<>();
      for (Part p : parts) {
        out.add(read(p, projection));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, parts.size()));
    try {
      List<Future<Chunk>> futures = new ArrayList<>();
      for (Part p : parts) {
        futures.add(pool.submit(() -> read(p, projection)));
      }
      List<Chunk> out = new ArrayList<>();
      for (Future<Chunk> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new GpuReportException("load failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GpuReportException("load interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String query(Projection projection, boolean endInclusive) {
    String extra = projection == Projection.FULL ? ", GPUsAverageUsage, GlobalJobId" : "";
    return "SELECT timestamp, Name, AssignedGPUs, State, GPUs_DeviceName, GPUs_GlobalMemoryMb,"
        + " typeof(GPUs_GlobalMemoryMb) = 'text', PrioritizedProjects, Machine, RemoteOwner"
        + extra
        + " FROM gpu_state WHERE timestamp >= ? AND timestamp "
        + (endInclusive ? "<=" : "<")
        + " ? ORDER BY timestamp, rowid";
  }

  private static Chunk read(Part part, Projection projection) {
    Chunk chunk = new Chunk();
    boolean full = projection == Projection.FULL;
    try (Connection c = Databases.openReadOnly(part.file());
        PreparedStatement ps = c.prepareStatement(query(projection, part.range().endInclusive()))) {
      ps.setString(1, Timestamps.formatStored(part.range().start()));
      ps.setString(2, Timestamps.formatStored(part.range().end()));
      try (ResultSet rs = ps.executeQuery()) {
        String lastText = null;
        long lastTs = 0;
        while (rs.next()) {
          String text = rs.getString(1);
          if (!text.equals(lastText)) {
            lastTs = Timestamps.parseStored(text);
            if (lastTs == Long.MIN_VALUE) {
              throw new GpuReportException(
                  "cannot read " + part.file() + ": malformed timestamp '" + text + "'");
            }
            lastText = text;
          }
          chunk.ts.append(lastTs);
          chunk.name.append(chunk.dict.names().encode(rs.getString(2)));
          chunk.gpu.append(chunk.dict.gpus().encode(rs.getString(3)));
          chunk.state.append(chunk.dict.states().encode(rs.getString(4)));
          chunk.device.append(chunk.dict.devices().encode(rs.getString(5)));
          chunk.memory.append(memory(rs));
          chunk.projects.append(chunk.dict.projects().encode(rs.getString(8)));
          chunk.machine.append(chunk.dict.machines().encode(rs.getString(9)));
          chunk.owner.append(chunk.dict.owners().encode(rs.getString(10)));
          if (full) {
            double u = rs.getDouble(11);
            chunk.usage.append(rs.wasNull() ? Double.NaN : u);
            chunk.job.append(chunk.dict.jobs().encode(rs.getString(12)));
          } else {
            chunk.usage.append(Double.NaN);
            chunk.job.append(Dictionary.NULL);
          }
        }
      }
    } catch (SQLException e) {
      throw Databases.unreadable(part.file(), e);
    }
    return chunk;
  }

  /** Lenient numeric read (§3.3): INTEGER, REAL and numeric TEXT; anything else is no value. */
  private static double memory(ResultSet rs) throws SQLException {
    if (rs.getInt(7) == 1) {
      return NumericText.parse(rs.getString(6));
    }
    double v = rs.getDouble(6);
    return rs.wasNull() ? Double.NaN : v;
  }

  private static SlotTable merge(List<Chunk> chunks) {
    if (chunks.size() == 1) {
      Chunk c = chunks.get(0);
      return new SlotTable(c.table(), c.dict);
    }
    SlotTable.Dictionaries dict = SlotTable.Dictionaries.create();
    Table out = SlotTable.emptyTable();
    for (Chunk c : chunks) {
      c.appendRemapped(out, dict);
    }
    return StableOrder.sortedByTimestamp(new SlotTable(out, dict));
  }

  /** The rows of one part, with its own dictionaries. */
  private static final class Chunk {
    final SlotTable.Dictionaries dict = SlotTable.Dictionaries.create();
    final LongColumn ts = LongColumn.create(SlotTable.TIMESTAMP);
    final IntColumn name = IntColumn.create(SlotTable.NAME);
    final IntColumn gpu = IntColumn.create(SlotTable.GPU);
    final IntColumn state = IntColumn.create(SlotTable.STATE);
    final IntColumn device = IntColumn.create(SlotTable.DEVICE);
    final DoubleColumn memory = DoubleColumn.create(SlotTable.MEMORY);
    final IntColumn projects = IntColumn.create(SlotTable.PROJECTS);
    final DoubleColumn usage = DoubleColumn.create(SlotTable.USAGE);
    final IntColumn machine = IntColumn.create(SlotTable.MACHINE);
    final IntColumn owner = IntColumn.create(SlotTable.OWNER);
    final IntColumn job = IntColumn.create(SlotTable.JOB);

    Table table() {
      return Table.create(
          "gpu_state", ts, name, gpu, state, device, memory, projects, usage, machine, owner, job);
    }

    void appendRemapped(Table out, SlotTable.Dictionaries d) {
      LongColumn ots = out.longColumn(SlotTable.TIMESTAMP);
      for (int i = 0; i < ts.size(); i++) {
        ots.append(ts.getLong(i));
      }
      remap(name, dict.names(), out.intColumn(SlotTable.NAME), d.names());
      remap(gpu, dict.gpus(), out.intColumn(SlotTable.GPU), d.gpus());
      remap(state, dict.states(), out.intColumn(SlotTable.STATE), d.states());
      remap(device, dict.devices(), out.intColumn(SlotTable.DEVICE), d.devices());
      out.doubleColumn(SlotTable.MEMORY).append(memory);
      remap(projects, dict.projects(), out.intColumn(SlotTable.PROJECTS), d.projects());
      out.doubleColumn(SlotTable.USAGE).append(usage);
      remap(machine, dict.machines(), out.intColumn(SlotTable.MACHINE), d.machines());
      remap(owner, dict.owners(), out.intColumn(SlotTable.OWNER), d.owners());
      remap(job, dict.jobs(), out.intColumn(SlotTable.JOB), d.jobs());
    }

    private static void remap(IntColumn src, Dictionary from, IntColumn dst, Dictionary to) {
      int[] map = from.remapInto(to);
      for (int i = 0; i < src.size(); i++) {
        int code = src.getInt(i);
        dst.append(code == Dictionary.NULL ? Dictionary.NULL : map[code]);
      }
    }
  }
}
