package io.gpureport.aggregate;

import java.util.List;

/**
 * One host of a timeline: its category (as in {@code hosts}), devices (raw names, first seen first)
 * and GPUs by id.
 */
public record TimelineHost(
    String host, HostCategory category, List<String> devices, List<TimelineGpu> gpus) {
  public TimelineHost {
    devices = List.copyOf(devices);
    gpus = List.copyOf(gpus);
  }

  /** The first device's raw name, or "" if none. */
  public String device() {
    return devices.isEmpty() ? "" : devices.get(0);
  }
}
