package io.gpureport.load;

import java.util.List;

/** Slot tables built in memory for tests, without a database. */
public final class InMemorySlots {
  /** One row's text columns ({@code null} = NULL) and memory in MiB (NaN = no value). */
  public record Slot(
      String name,
      String gpu,
      String state,
      String device,
      double memoryMib,
      String projects,
      String machine,
      String owner) {}

  private InMemorySlots() {}

  /** A table of {@code slots} in this order, all stamped {@code timestamp}. */
  public static SlotTable table(long timestamp, List<Slot> slots) {
    SlotTable t = SlotTable.empty(Projection.ALLOCATION);
    SlotTable.Dictionaries d = t.dictionaries();
    for (Slot s : slots) {
      t.timestamps().append(timestamp);
      t.codes(SlotTable.NAME).append(code(d.names(), s.name()));
      t.codes(SlotTable.GPU).append(code(d.gpus(), s.gpu()));
      t.codes(SlotTable.STATE).append(code(d.states(), s.state()));
      t.codes(SlotTable.DEVICE).append(code(d.devices(), s.device()));
      t.numbers(SlotTable.MEMORY).append(s.memoryMib());
      t.codes(SlotTable.PROJECTS).append(code(d.projects(), s.projects()));
      t.codes(SlotTable.MACHINE).append(code(d.machines(), s.machine()));
      t.codes(SlotTable.OWNER).append(code(d.owners(), s.owner()));
    }
    return t;
  }

  private static int code(Dictionary d, String value) {
    return value == null ? Dictionary.NULL : d.encode(value);
  }
}
