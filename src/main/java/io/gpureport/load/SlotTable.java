package io.gpureport.load;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The loaded rows of a window in load order (SEMANTICS §4.5), as a Tablesaw table: text columns
 * hold dictionary codes (-1 = NULL, so NULL and {@code ""} stay distinct), the timestamp holds
 * naive epoch microseconds, numeric columns hold doubles (missing = no value).
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

  private final Table table;
  private final Dictionaries dictionaries;

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
  }

  SlotTable(Table table, Dictionaries dictionaries) {
    this.table = table;
    this.dictionaries = dictionaries;
  }

  public Table table() {
    return table;
  }

  public Dictionaries dictionaries() {
    return dictionaries;
  }

  public int rowCount() {
    return table.rowCount();
  }

  public LongColumn timestamps() {
    return table.longColumn(TIMESTAMP);
  }

  public IntColumn codes(String column) {
    return table.intColumn(column);
  }

  public DoubleColumn numbers(String column) {
    return table.doubleColumn(column);
  }
}
