package io.gpureport.load;

import java.util.List;

/** Slot tables of the corrected projection built in memory for tests, without a database. */
public final class CorrectedSlots {
  /**
   * One row: its timestamp (naive epoch microseconds), text columns ({@code null} = NULL), memory
   * in MiB (NaN = no value) and PreventJobsReason.
   */
  public record Row(
      long timestamp,
      String name,
      String gpu,
      String state,
      String device,
      double memoryMib,
      String projects,
      String machine,
      String owner,
      String reason) {}

  private CorrectedSlots() {}

  /**
   * A table of {@code rows} in this order (timestamps ascending); {@code recorded}: their file
   * records PreventJobsReason (F8).
   */
  public static SlotTable table(List<Row> rows, boolean recorded) {
    SlotTable t = SlotTable.empty(Projection.CORRECTED);
    SlotTable.Dictionaries d = t.dictionaries();
    for (Row r : rows) {
      t.timestamps().append(r.timestamp());
      t.codes(SlotTable.NAME).append(code(d.names(), r.name()));
      t.codes(SlotTable.GPU).append(code(d.gpus(), r.gpu()));
      t.codes(SlotTable.STATE).append(d.states().encode(state(r.state())));
      t.codes(SlotTable.DEVICE).append(code(d.devices(), r.device()));
      t.numbers(SlotTable.MEMORY).append(r.memoryMib());
      t.codes(SlotTable.PROJECTS).append(code(d.projects(), r.projects()));
      t.codes(SlotTable.MACHINE).append(code(d.machines(), r.machine()));
      t.codes(SlotTable.OWNER).append(code(d.owners(), r.owner()));
      t.codes(SlotTable.PREVENT).append(recorded ? code(d.reasons(), r.reason()) : Dictionary.NULL);
      t.preventRecorded().append(recorded);
    }
    return t;
  }

  /** The state as the corrected projection loads it: four values. */
  private static String state(String s) {
    return s != null && List.of("Claimed", "Unclaimed", "Drained").contains(s) ? s : "Other";
  }

  private static int code(Dictionary d, String value) {
    return value == null ? Dictionary.NULL : d.encode(value);
  }
}
