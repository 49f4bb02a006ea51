package io.gpureport.bench;

/** One row of the device statistics (SEMANTICS §7.3): class number 1–6 and raw device name. */
public record Cell(int slotClass, String device) implements Comparable<Cell> {
  @Override
  public int compareTo(Cell o) {
    int c = Integer.compare(slotClass, o.slotClass);
    return c != 0 ? c : device.compareTo(o.device);
  }

  @Override
  public String toString() {
    return slotClass + "|" + device;
  }
}
