package io.gpureport.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The loaded rows of a window in load order (docs/metrics.md, "Load order"), as Tablesaw columns:
 * text columns hold dictionary codes (-1 = NULL, so NULL and {@code ""} stay distinct), the
 * timestamp holds naive epoch microseconds, numeric columns hold doubles (NaN = no value). The
 * {@link Table} view is built on demand only: {@code Table}'s class initialiser scans the class
 * path (~0.5 s of CPU), which the report path does not need to pay.
 */
public final class SlotTable {
  public static final String TIMESTAMP = "timestamp";
  public static final String NAME = "Name";
  public static final String GPU = "AssignedGPUs";
  public static final String STATE = "State";
  public static final String DEVICE = "GPUs_DeviceName";
  public static final String MEMORY = "GPUs_GlobalMemoryMb";
  public static final String PROJECTS = "PrioritizedProjects";
  public static final String USAGE = "GPUsAverageUsage";
  public static final String MACHINE = "Machine";
  public static final String OWNER = "RemoteOwner";
  public static final String JOB = "GlobalJobId";

  private static final List<String> CODED =
      List.of(NAME, GPU, STATE, DEVICE, PROJECTS, MACHINE, OWNER, JOB);

  private final Map<String, Column<?>> columns;
  private final Dictionaries dictionaries;
  private Table table;

  /** The dictionaries of the coded text columns. */
  public record Dictionaries(
      Dictionary names,
      Dictionary gpus,
      Dictionary states,
      Dictionary devices,
      Dictionary projects,
      Dictionary machines,
      Dictionary owners,
      Dictionary jobs) {
    static Dictionaries create() {
      return new Dictionaries(
          new Dictionary(),
          new Dictionary(),
          new Dictionary(),
          new Dictionary(),
          new Dictionary(),
          new Dictionary(),
          new Dictionary(),
          new Dictionary());
    }

    Dictionary of(String column) {
      return switch (column) {
        case NAME -> names;
        case GPU -> gpus;
        case STATE -> states;
        case DEVICE -> devices;
        case PROJECTS -> projects;
        case MACHINE -> machines;
        case OWNER -> owners;
        case JOB -> jobs;
        default -> throw new IllegalArgumentException(column);
      };
    }
  }

  private SlotTable(Map<String, Column<?>> columns, Dictionaries dictionaries) {
    this.columns = columns;
    this.dictionaries = dictionaries;
  }

  /** An empty table with new dictionaries; usage and job columns only when {@code full}. */
  static SlotTable empty(boolean full) {
    Map<String, Column<?>> c = new LinkedHashMap<>();
    c.put(TIMESTAMP, LongColumn.create(TIMESTAMP));
    for (String name : List.of(NAME, GPU, STATE, DEVICE)) {
      c.put(name, IntColumn.create(name));
    }
    c.put(MEMORY, DoubleColumn.create(MEMORY));
    for (String name : List.of(PROJECTS, MACHINE, OWNER)) {
      c.put(name, IntColumn.create(name));
    }
    if (full) {
      c.put(USAGE, DoubleColumn.create(USAGE));
      c.put(JOB, IntColumn.create(JOB));
    }
    return new SlotTable(c, Dictionaries.create());
  }

  /** A Tablesaw {@link Table} over the same columns (built on first use). */
  public Table table() {
    if (table == null) {
      table = Table.create("gpu_state", new ArrayList<>(columns.values()));
    }
    return table;
  }

  public Dictionaries dictionaries() {
    return dictionaries;
  }

  public int rowCount() {
    return columns.get(TIMESTAMP).size();
  }

  public LongColumn timestamps() {
    return (LongColumn) columns.get(TIMESTAMP);
  }

  public IntColumn codes(String column) {
    return (IntColumn) columns.get(column);
  }

  public DoubleColumn numbers(String column) {
    return (DoubleColumn) columns.get(column);
  }

  /** The same rows in the given order. */
  SlotTable reordered(int[] order) {
    Map<String, Column<?>> c = new LinkedHashMap<>();
    columns.forEach((name, col) -> c.put(name, col.subset(order)));
    return new SlotTable(c, dictionaries);
  }

  /**
   * Concatenates chunks into one table of exactly the total size, re-coding their text columns into
   * new dictionaries. Each chunk is released (its list slot cleared) once copied, so the peak is
   * the result plus one chunk.
   */
  static SlotTable concat(List<SlotTable> chunks) {
    List<Rows> rows = new ArrayList<>();
    for (SlotTable c : chunks) {
      rows.add(new Rows(c, 0, c.rowCount()));
    }
    chunks.replaceAll(c -> null);
    return concatRows(rows);
  }

  /** Whether the table has the usage and job columns ({@link Projection#FULL}). */
  boolean full() {
    return columns.containsKey(USAGE);
  }

  /** Rows {@code [from, to)} of a table. */
  record Rows(SlotTable table, int from, int to) {
    Rows {
      if (from < 0 || to < from || to > table.rowCount()) {
        throw new IndexOutOfBoundsException(
            "rows [" + from + ", " + to + ") of " + table.rowCount());
      }
    }

    int count() {
      return to - from;
    }
  }

  /**
   * The given rows, one after the other, in one table of exactly their number, their text columns
   * re-coded into new dictionaries. Each entry is released (its list slot cleared) once copied.
   */
  static SlotTable concatRows(List<Rows> parts) {
    int total = 0;
    for (Rows r : parts) {
      total += r.count();
    }
    Map<String, Column<?>> cols = new LinkedHashMap<>();
    for (String name : parts.get(0).table().columns.keySet()) {
      Column<?> col =
          name.equals(TIMESTAMP)
              ? LongColumn.create(name, total)
              : CODED.contains(name)
                  ? IntColumn.create(name, total)
                  : DoubleColumn.create(name, total);
      cols.put(name, col);
    }
    SlotTable out = new SlotTable(cols, Dictionaries.create());
    int offset = 0;
    for (int k = 0; k < parts.size(); k++) {
      Rows r = parts.get(k);
      out.copyFrom(r.table(), r.from(), r.to(), offset);
      offset += r.count();
      parts.set(k, null);
    }
    return out;
  }

  /**
   * Makes this table the rows of {@code head} followed by its own rows {@code [0, to)}, in place,
   * one column at a time, so that the memory needed beyond the two tables is one column; {@code
   * head}'s text values are added to this table's dictionaries.
   */
  void keepAfter(SlotTable head, int to) {
    if (to < 0 || to > rowCount()) {
      throw new IndexOutOfBoundsException("rows [0, " + to + ") of " + rowCount());
    }
    int h = head.rowCount();
    int total = h + to;
    for (String name : List.copyOf(columns.keySet())) {
      Column<?> col;
      if (name.equals(TIMESTAMP)) {
        LongColumn dst = LongColumn.create(name, total);
        LongColumn a = head.timestamps();
        LongColumn b = timestamps();
        for (int i = 0; i < h; i++) {
          dst.set(i, a.getLong(i));
        }
        for (int i = 0; i < to; i++) {
          dst.set(h + i, b.getLong(i));
        }
        col = dst;
      } else if (CODED.contains(name)) {
        int[] map = head.dictionaries.of(name).remapInto(dictionaries.of(name));
        IntColumn dst = IntColumn.create(name, total);
        IntColumn a = head.codes(name);
        IntColumn b = codes(name);
        for (int i = 0; i < h; i++) {
          int code = a.getInt(i);
          dst.set(i, code == Dictionary.NULL ? Dictionary.NULL : map[code]);
        }
        for (int i = 0; i < to; i++) {
          dst.set(h + i, b.getInt(i));
        }
        col = dst;
      } else {
        DoubleColumn dst = DoubleColumn.create(name, total);
        DoubleColumn a = head.numbers(name);
        DoubleColumn b = numbers(name);
        for (int i = 0; i < h; i++) {
          dst.set(i, a.getDouble(i));
        }
        for (int i = 0; i < to; i++) {
          dst.set(h + i, b.getDouble(i));
        }
        col = dst;
      }
      columns.put(name, col);
    }
    table = null;
  }

  private void copyFrom(SlotTable other, int from, int to, int offset) {
    LongColumn ts = timestamps();
    LongColumn ots = other.timestamps();
    int shift = offset - from;
    for (int i = from; i < to; i++) {
      ts.set(shift + i, ots.getLong(i));
    }
    for (String name : columns.keySet()) {
      if (CODED.contains(name)) {
        int[] map = other.dictionaries.of(name).remapInto(dictionaries.of(name));
        IntColumn src = other.codes(name);
        IntColumn dst = codes(name);
        for (int i = from; i < to; i++) {
          int code = src.getInt(i);
          dst.set(shift + i, code == Dictionary.NULL ? Dictionary.NULL : map[code]);
        }
      } else if (!name.equals(TIMESTAMP)) {
        DoubleColumn src = other.numbers(name);
        DoubleColumn dst = numbers(name);
        for (int i = from; i < to; i++) {
          dst.set(shift + i, src.getDouble(i));
        }
      }
    }
  }
}
