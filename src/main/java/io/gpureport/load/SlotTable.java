package io.gpureport.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The loaded rows of a window in load order (docs/metrics.md, "Load order"), as Tablesaw columns:
 * text columns hold dictionary codes (-1 = NULL, so NULL and {@code ""} stay distinct), the
 * timestamp holds naive epoch microseconds, numeric columns hold doubles (NaN = no value), and a
 * {@link Projection#CORRECTED} load has a boolean column, {@link #preventRecorded()}. The {@link
 * Table} view is built on demand only: {@code Table}'s class initialiser scans the class path (~0.5
 * s of CPU), which the report path does not need to pay.
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

  /** The coded text column {@code PreventJobsReason}: NULL also where no file recorded it. */
  public static final String PREVENT = "PreventJobsReason";

  /** The name of the column of {@link #preventRecorded()} (not a stored column). */
  public static final String PREVENT_RECORDED = "PreventJobsReason recorded";

  private static final List<String> CODED =
      List.of(NAME, GPU, STATE, DEVICE, PROJECTS, MACHINE, OWNER, JOB, PREVENT);

  private final Map<String, Column<?>> columns;
  private final Dictionaries dictionaries;
  private Table table;

  /** The dictionaries of the coded text columns; {@code reasons} is PreventJobsReason's. */
  public record Dictionaries(
      Dictionary names,
      Dictionary gpus,
      Dictionary states,
      Dictionary devices,
      Dictionary projects,
      Dictionary machines,
      Dictionary owners,
      Dictionary jobs,
      Dictionary reasons) {
    static Dictionaries create() {
      return new Dictionaries(
          new Dictionary(),
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
        case PREVENT -> reasons;
        default -> throw new IllegalArgumentException(column);
      };
    }
  }

  private SlotTable(Map<String, Column<?>> columns, Dictionaries dictionaries) {
    this.columns = columns;
    this.dictionaries = dictionaries;
  }

  /** An empty table with new dictionaries and the columns of {@code projection}. */
  static SlotTable empty(Projection projection) {
    Map<String, Column<?>> c = new LinkedHashMap<>();
    c.put(TIMESTAMP, LongColumn.create(TIMESTAMP));
    for (String name : List.of(NAME, GPU, STATE, DEVICE)) {
      c.put(name, IntColumn.create(name));
    }
    c.put(MEMORY, DoubleColumn.create(MEMORY));
    for (String name : List.of(PROJECTS, MACHINE, OWNER)) {
      c.put(name, IntColumn.create(name));
    }
    if (projection.usage()) {
      c.put(USAGE, DoubleColumn.create(USAGE));
      c.put(JOB, IntColumn.create(JOB));
    }
    if (projection.prevent()) {
      c.put(PREVENT, IntColumn.create(PREVENT));
      c.put(PREVENT_RECORDED, BooleanColumn.create(PREVENT_RECORDED));
    }
    return new SlotTable(c, Dictionaries.create());
  }

  /** An empty table with new dictionaries and the same columns as this one. */
  SlotTable emptyLike() {
    Map<String, Column<?>> c = new LinkedHashMap<>();
    columns.forEach((name, col) -> c.put(name, col.emptyCopy()));
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

  /** Whether the table has {@link #PREVENT} and {@link #preventRecorded()} (CORRECTED loads). */
  public boolean hasPrevent() {
    return columns.containsKey(PREVENT_RECORDED);
  }

  /**
   * Per row, whether it was read from a file whose {@code gpu_state} has a PreventJobsReason column
   * (CORRECTED.md, F8, "Recorded"); its {@link #PREVENT} is NULL when not. Only a {@link
   * Projection#CORRECTED} load has it.
   *
   * @throws IllegalStateException when the table was loaded with another projection
   */
  public BooleanColumn preventRecorded() {
    if (!hasPrevent()) {
      throw new IllegalStateException("loaded without PreventJobsReason; use CORRECTED");
    }
    return (BooleanColumn) columns.get(PREVENT_RECORDED);
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
      cols.put(name, sized(name, total));
    }
    SlotTable out = new SlotTable(cols, Dictionaries.create());
    int offset = 0;
    for (int k = 0; k < parts.size(); k++) {
      Rows r = parts.get(k);
      if (!r.table().columns.keySet().equals(cols.keySet())) {
        throw new IllegalArgumentException("tables of different projections");
      }
      out.copyFrom(r.table(), r.from(), r.to(), offset);
      offset += r.count();
      parts.set(k, null);
    }
    return out;
  }

  /**
   * Makes this table the rows of {@code head} (a table of the same columns) followed by its own
   * rows {@code [0, to)}, in place, one column at a time, so that the memory needed beyond the two
   * tables is one column; {@code head}'s text values are added to this table's dictionaries.
   */
  void keepAfter(SlotTable head, int to) {
    if (to < 0 || to > rowCount()) {
      throw new IndexOutOfBoundsException("rows [0, " + to + ") of " + rowCount());
    }
    if (!head.columns.keySet().equals(columns.keySet())) {
      throw new IllegalArgumentException("tables of different projections");
    }
    int h = head.rowCount();
    for (String name : List.copyOf(columns.keySet())) {
      Column<?> dst = sized(name, h + to);
      copy(name, head, 0, h, dst, 0, remap(head, name));
      copy(name, this, 0, to, dst, h, null);
      columns.put(name, dst);
    }
    table = null;
  }

  private void copyFrom(SlotTable other, int from, int to, int offset) {
    for (String name : columns.keySet()) {
      copy(name, other, from, to, columns.get(name), offset, remap(other, name));
    }
  }

  /** A column of {@code size} rows, to be set, of the type of column {@code name}. */
  private static Column<?> sized(String name, int size) {
    if (name.equals(TIMESTAMP)) {
      return LongColumn.create(name, size);
    }
    if (name.equals(PREVENT_RECORDED)) {
      return BooleanColumn.create(name, size);
    }
    return CODED.contains(name) ? IntColumn.create(name, size) : DoubleColumn.create(name, size);
  }

  /** The codes of {@code other}'s values of text column {@code name} here; null if not text. */
  private int[] remap(SlotTable other, String name) {
    return CODED.contains(name)
        ? other.dictionaries.of(name).remapInto(dictionaries.of(name))
        : null;
  }

  /**
   * Sets rows {@code [offset, ...)} of {@code dst} to rows {@code [from, to)} of {@code src}'s
   * column {@code name}, text codes through {@code map} (null: unchanged).
   */
  private static void copy(
      String name, SlotTable src, int from, int to, Column<?> dst, int offset, int[] map) {
    int shift = offset - from;
    Column<?> column = src.columns.get(name);
    if (dst instanceof LongColumn d) {
      LongColumn s = (LongColumn) column;
      for (int i = from; i < to; i++) {
        d.set(shift + i, s.getLong(i));
      }
    } else if (dst instanceof IntColumn d) {
      IntColumn s = (IntColumn) column;
      for (int i = from; i < to; i++) {
        int code = s.getInt(i);
        d.set(shift + i, map == null || code == Dictionary.NULL ? code : map[code]);
      }
    } else if (dst instanceof BooleanColumn d) {
      BooleanColumn s = (BooleanColumn) column;
      for (int i = from; i < to; i++) {
        d.set(shift + i, s.getByte(i));
      }
    } else {
      DoubleColumn d = (DoubleColumn) dst;
      DoubleColumn s = (DoubleColumn) column;
      for (int i = from; i < to; i++) {
        d.set(shift + i, s.getDouble(i));
      }
    }
  }
}
