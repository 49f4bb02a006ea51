package io.gpureport.load;

import io.gpureport.errors.GpuReportException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;

/**
 * Loads the rows of a window from its monthly files into a {@link SlotTable} in load order
 * (docs/metrics.md, "Load order"). Each file is read on a read-only connection of its own, in
 * parallel, then merged in order. With more than one thread, a file without an index on timestamp
 * is split into rowid ranges of equal work ({@link FileLayout}, at most {@link
 * #MAX_PARTS_PER_FILE}), and a file with one is read in two halves of the window when the window is
 * longer than two days.
 */
public final class SlotLoader {
  private static final long SPLIT_THRESHOLD = 2 * 24 * Timestamps.MICROS_PER_HOUR;

  /**
   * Most parts one file is split into, whatever the number of threads: each part has a connection
   * and dictionaries of its own, and scans the table.
   */
  static final int MAX_PARTS_PER_FILE = 8;

  private static final int PROGRESS_STEP = 1 << 16;

  private final int threads;
  private final LoadProgress progress;

  public SlotLoader(int threads) {
    this(threads, LoadProgress.silent());
  }

  /** A loader that counts the rows it reads into {@code progress}. */
  public SlotLoader(int threads, LoadProgress progress) {
    this.threads = Math.max(1, threads);
    this.progress = progress;
  }

  /** Loads the rows of {@code range} from {@code files} (ascending month order). */
  public SlotTable load(List<Path> files, TimeRange range, Projection projection) {
    return load(files, range, projection, null);
  }

  /**
   * Loads like {@link #load(List, TimeRange, Projection)}, but from {@code openEndFile} (one of
   * {@code files}) every row from the range start on, without an upper bound.
   */
  public SlotTable load(
      List<Path> files, TimeRange range, Projection projection, Path openEndFile) {
    List<SlotTable> chunks = readAll(parts(files, range, openEndFile), projection);
    if (chunks.isEmpty()) {
      return SlotTable.empty(projection);
    }
    return merge(chunks);
  }

  /**
   * Loads the rows of {@code range} (its end {@link Long#MAX_VALUE}: no upper bound) with rowids
   * {@code [firstRowid, lastRowid]} from {@code file} (a stored-order piece), in load order; split
   * by rowid among the threads like a whole file without an index.
   */
  public SlotTable loadRowids(
      Path file, TimeRange range, long firstRowid, long lastRowid, Projection projection) {
    List<Part> parts = new ArrayList<>();
    List<long[]> rowids =
        threads == 1
            ? List.of(new long[] {firstRowid, lastRowid})
            : FileLayout.rowidParts(
                file, range, firstRowid, lastRowid, Math.min(threads, MAX_PARTS_PER_FILE));
    for (long[] r : rowids) {
      parts.add(Part.rowids(file, range, r[0], r[1]));
    }
    List<SlotTable> chunks = readAll(parts, projection);
    if (chunks.isEmpty()) {
      return SlotTable.empty(projection);
    }
    return merge(chunks);
  }

  /** The queries that together read the window, in load order. */
  List<Part> parts(List<Path> files, TimeRange range, Path openEndFile) {
    List<Part> parts = new ArrayList<>();
    for (Path f : files) {
      TimeRange last = range.openEnded(f.equals(openEndFile));
      if (threads == 1) {
        parts.add(Part.whole(f, last));
        continue;
      }
      // no index: every query scans the whole table, so split the table itself, by rowid
      List<long[]> rowidParts =
          FileLayout.rowidPartsUnlessIndexed(f, last, Math.min(threads, MAX_PARTS_PER_FILE));
      if (rowidParts != null) {
        for (long[] r : rowidParts) {
          parts.add(Part.rowids(f, last, r[0], r[1]));
        }
      } else if (range.end() - range.start() <= SPLIT_THRESHOLD) {
        parts.add(Part.whole(f, last));
      } else {
        // an index on timestamp: two halves of the window, each read through the index
        long mid = range.start() + (range.end() - range.start()) / 2;
        parts.add(Part.whole(f, new TimeRange(range.start(), mid, false)));
        parts.add(Part.whole(f, new TimeRange(mid, last.end(), last.endInclusive())));
      }
    }
    return parts;
  }

  /**
   * One query: a file, a time range and, when {@code byRowid}, rowids {@code [rowidLo, rowidHi]}.
   */
  record Part(Path file, TimeRange range, boolean byRowid, long rowidLo, long rowidHi) {
    /** Every row of the file in {@code range}. */
    static Part whole(Path file, TimeRange range) {
      return new Part(file, range, false, 0, 0);
    }

    /** The rows of the file in {@code range} whose rowid is in {@code [lo, hi]}. */
    static Part rowids(Path file, TimeRange range, long lo, long hi) {
      return new Part(file, range, true, lo, hi);
    }
  }

  private List<SlotTable> readAll(List<Part> parts, Projection projection) {
    return PartReads.all(parts, threads, p -> read(p, projection));
  }

  /**
   * The window query. Text columns that the allocation metrics only test are reduced in SQL to
   * small integers, packed with the state and the storage class of the memory into one integer
   * ({@link Packed}): each column fetched costs a JNI call per row. Rows come in storage order and
   * {@link StableOrder} establishes (timestamp, rowid) order, so SQLite never sorts.
   * PreventJobsReason is read, when the projection has it, from a file that {@code records} it,
   * else NULL.
   */
  private static String query(Columns cols, boolean records, boolean endInclusive, boolean rowids) {
    StringBuilder select = new StringBuilder("SELECT timestamp");
    if (cols.name() > 0) {
      select.append(", Name");
    }
    select
        .append(", AssignedGPUs, ")
        .append(Packed.sql(cols))
        .append(", GPUs_DeviceName, GPUs_GlobalMemoryMb");
    if (cols.projects() > 0) {
      select.append(", PrioritizedProjects");
    }
    select.append(", Machine, RemoteOwner");
    if (cols.usage() > 0) {
      select.append(", GPUsAverageUsage, GlobalJobId");
    }
    if (cols.prevent() > 0) {
      // unquoted: a double-quoted name that is not a column would be read as a string literal
      select.append(records ? ", " + SlotTable.PREVENT : ", NULL");
    }
    return select
        + " FROM gpu_state WHERE timestamp >= ? AND timestamp "
        + (endInclusive ? "<=" : "<")
        + " ?"
        + (rowids ? " AND rowid BETWEEN ? AND ?" : "");
  }

  /** The 1-based positions of the query's columns; 0 for a column the projection leaves out. */
  private record Columns(
      int name,
      int gpu,
      int packed,
      int device,
      int memory,
      int projects,
      int machine,
      int owner,
      int usage,
      int job,
      int prevent) {
    static Columns of(Projection projection) {
      int next = 2; // after timestamp
      int name = projection.realNames() ? next++ : 0;
      int gpu = next++;
      int packed = next++;
      int device = next++;
      int memory = next++;
      int projects = projection.realProjects() ? next++ : 0;
      int machine = next++;
      int owner = next++;
      int usage = projection.usage() ? next++ : 0;
      int job = projection.usage() ? next++ : 0;
      int prevent = projection.prevent() ? next : 0;
      return new Columns(
          name, gpu, packed, device, memory, projects, machine, owner, usage, job, prevent);
    }
  }

  /**
   * One integer per row: the state (bits 0-1: 0 other, 1 Claimed, 2 Unclaimed, and 3 Drained when
   * the projection reads PreventJobsReason, else other), the storage class of GPUs_GlobalMemoryMb
   * (bits 2-3: 0 number, 1 NULL, 2 text, 3 other), and, when their text is not fetched,
   * PrioritizedProjects (bits 4-5: 0 NULL, 1 empty, 2 other) and whether Name contains "backfill"
   * (bits 6-7: 0 NULL, 1 no, 2 yes).
   */
  private static final class Packed {
    static String sql(Columns cols) {
      String sql =
          "(CASE State WHEN 'Claimed' THEN 1 WHEN 'Unclaimed' THEN 2"
              + (cols.prevent() > 0 ? " WHEN 'Drained' THEN 3" : "")
              + " ELSE 0 END"
              + " + 4 * (CASE typeof(GPUs_GlobalMemoryMb) WHEN 'integer' THEN 0 WHEN 'real' THEN 0"
              + " WHEN 'null' THEN 1 WHEN 'text' THEN 2 ELSE 3 END)";
      if (cols.projects() == 0) {
        sql +=
            " + 16 * (CASE WHEN PrioritizedProjects IS NULL THEN 0"
                + " WHEN PrioritizedProjects = '' THEN 1 ELSE 2 END)";
      }
      if (cols.name() == 0) {
        sql +=
            " + 64 * (CASE WHEN Name IS NULL THEN 0 WHEN instr(Name, 'backfill') > 0 THEN 2 ELSE 1 END)";
      }
      return sql + ")";
    }

    static int state(int packed) {
      return packed & 3;
    }

    static int memoryKind(int packed) {
      return (packed >> 2) & 3;
    }

    static int projects(int packed) {
      return (packed >> 4) & 3;
    }

    static int backfillName(int packed) {
      return (packed >> 6) & 3;
    }
  }

  private SlotTable read(Part part, Projection projection) {
    boolean full = projection.usage();
    boolean prevent = projection.prevent();
    Columns cols = Columns.of(projection);
    SlotTable chunk = SlotTable.empty(projection);
    SlotTable.Dictionaries d = chunk.dictionaries();
    LongColumn tsCol = chunk.timestamps();
    IntColumn nameCol = chunk.codes(SlotTable.NAME);
    IntColumn gpuCol = chunk.codes(SlotTable.GPU);
    IntColumn stateCol = chunk.codes(SlotTable.STATE);
    IntColumn deviceCol = chunk.codes(SlotTable.DEVICE);
    DoubleColumn memoryCol = chunk.numbers(SlotTable.MEMORY);
    IntColumn projectsCol = chunk.codes(SlotTable.PROJECTS);
    IntColumn machineCol = chunk.codes(SlotTable.MACHINE);
    IntColumn ownerCol = chunk.codes(SlotTable.OWNER);
    DoubleColumn usageCol = full ? chunk.numbers(SlotTable.USAGE) : null;
    IntColumn jobCol = full ? chunk.codes(SlotTable.JOB) : null;
    IntColumn preventCol = prevent ? chunk.codes(SlotTable.PREVENT) : null;
    BooleanColumn recordedCol = prevent ? chunk.preventRecorded() : null;
    int[] nameCodes = {Dictionary.NULL, d.names().encode(""), d.names().encode("backfill")};
    int[] stateCodes = stateCodes(d.states(), prevent);
    int[] projectCodes = {Dictionary.NULL, d.projects().encode(""), d.projects().encode("*")};
    try (Connection c = Databases.openReadOnly(part.file())) {
      boolean records = prevent && GpuStateTable.hasColumn(c, SlotTable.PREVENT);
      try (PreparedStatement ps =
          c.prepareStatement(query(cols, records, part.range().endInclusive(), part.byRowid()))) {
        ps.setString(1, Timestamps.formatStored(part.range().start()));
        ps.setString(
            2,
            part.range().end() == Long.MAX_VALUE
                ? "\uffff"
                : Timestamps.formatStored(part.range().end()));
        if (part.byRowid()) {
          ps.setLong(3, part.rowidLo());
          ps.setLong(4, part.rowidHi());
        }
        try (ResultSet rs = ps.executeQuery()) {
          byte[] lastText = null;
          long lastTs = 0;
          while (rs.next()) {
            byte[] text = rs.getBytes(1);
            if (!Arrays.equals(text, lastText)) {
              String ts = text == null ? null : new String(text, StandardCharsets.UTF_8);
              lastTs = Timestamps.parseStored(ts);
              if (lastTs == Long.MIN_VALUE) {
                throw new GpuReportException(
                    "cannot read " + part.file() + ": malformed timestamp '" + ts + "'");
              }
              lastText = text;
            }
            tsCol.append(lastTs);
            if (tsCol.size() % PROGRESS_STEP == 0) {
              progress.add(PROGRESS_STEP);
            }
            int packed = rs.getInt(cols.packed());
            nameCol.append(
                cols.name() > 0
                    ? d.names().encode(rs.getBytes(cols.name()))
                    : nameCodes[Packed.backfillName(packed)]);
            gpuCol.append(d.gpus().encode(rs.getBytes(cols.gpu())));
            stateCol.append(stateCodes[Packed.state(packed)]);
            deviceCol.append(d.devices().encode(rs.getBytes(cols.device())));
            memoryCol.append(memory(rs, cols.memory(), Packed.memoryKind(packed)));
            projectsCol.append(
                cols.projects() > 0
                    ? d.projects().encode(rs.getBytes(cols.projects()))
                    : projectCodes[Packed.projects(packed)]);
            machineCol.append(d.machines().encode(rs.getBytes(cols.machine())));
            ownerCol.append(d.owners().encode(rs.getBytes(cols.owner())));
            if (full) {
              double u = rs.getDouble(cols.usage());
              usageCol.append(rs.wasNull() ? Double.NaN : u);
              jobCol.append(d.jobs().encode(rs.getBytes(cols.job())));
            }
            if (prevent) {
              preventCol.append(d.reasons().encode(rs.getBytes(cols.prevent())));
              recordedCol.append(records);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw Databases.unreadable(part.file(), e);
    }
    return chunk;
  }

  /** The state codes of {@link Packed#state}: Other, Claimed, Unclaimed and, if asked, Drained. */
  private static int[] stateCodes(Dictionary states, boolean drained) {
    int[] codes = {states.encode("Other"), states.encode("Claimed"), states.encode("Unclaimed")};
    return drained ? new int[] {codes[0], codes[1], codes[2], states.encode("Drained")} : codes;
  }

  /**
   * Lenient numeric read (docs/metrics.md, "Reading the values"): INTEGER, REAL and numeric TEXT;
   * anything else is no value.
   */
  private static double memory(ResultSet rs, int column, int kind) throws SQLException {
    return switch (kind) {
      case 0 -> rs.getDouble(column);
      case 2 -> NumericText.parse(rs.getString(column));
      default -> Double.NaN;
    };
  }

  private static SlotTable merge(List<SlotTable> chunks) {
    if (chunks.size() == 1) {
      return StableOrder.sortedByTimestamp(chunks.get(0));
    }
    return StableOrder.sortedByTimestamp(SlotTable.concat(chunks));
  }
}
