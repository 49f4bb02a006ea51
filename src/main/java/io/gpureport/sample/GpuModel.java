package io.gpureport.sample;

/** A GPU device model of the simulated pool: raw device name, memory and typical host sizes. */
enum GpuModel {
  A100_40GB("NVIDIA A100-SXM4-40GB", 40960, new int[] {4, 8, 8}, 7, false),
  A100_80GB("NVIDIA A100-SXM4-80GB", 81920, new int[] {4, 8, 8}, 12, false),
  H100("NVIDIA H100 80GB HBM3", 81559, new int[] {4, 8, 8}, 10, false),
  H200("NVIDIA H200", 143771, new int[] {4, 8, 8}, 7, false),
  L40("NVIDIA L40", 46068, new int[] {4, 8, 8}, 8, false),
  L40S("NVIDIA L40S", 46068, new int[] {4, 8, 8}, 16, false),
  RTX_2080_TI("NVIDIA GeForce RTX 2080 Ti", 11264, new int[] {4, 8, 8, 8}, 9, false),
  A40("NVIDIA A40", 46068, new int[] {4, 8, 8}, 5, true),
  A30("NVIDIA A30", 24576, new int[] {2, 4, 4}, 4, true),
  QUADRO_RTX_6000("Quadro RTX 6000", 24576, new int[] {2, 4, 4}, 4, true),
  GTX_1080_TI("NVIDIA GeForce GTX 1080 Ti", 11178, new int[] {4, 8, 8}, 5, true),
  P100("Tesla P100-PCIE-16GB", 16384, new int[] {2, 4, 4}, 3, true);

  private final String deviceName;
  private final long memoryMb;
  private final int[] hostSizes;
  private final int weight;
  private final boolean old;

  GpuModel(String deviceName, long memoryMb, int[] hostSizes, int weight, boolean old) {
    this.deviceName = deviceName;
    this.memoryMb = memoryMb;
    this.hostSizes = hostSizes;
    this.weight = weight;
    this.old = old;
  }

  /** The raw {@code GPUs_DeviceName} value. */
  String deviceName() {
    return deviceName;
  }

  /** The {@code GPUs_GlobalMemoryMb} value in MiB. */
  long memoryMb() {
    return memoryMb;
  }

  /** Whether the model is on the old-GPU list (docs/metrics.md, "Old-GPU model filter"). */
  boolean old() {
    return old;
  }

  /** A GPU count for a host of this model, 2 to 8. */
  int hostSize(java.util.Random rng) {
    return hostSizes[rng.nextInt(hostSizes.length)];
  }

  /** A model drawn by the pool-wide weights. */
  static GpuModel pick(java.util.Random rng) {
    int total = 0;
    for (GpuModel m : values()) {
      total += m.weight;
    }
    int r = rng.nextInt(total);
    for (GpuModel m : values()) {
      r -= m.weight;
      if (r < 0) {
        return m;
      }
    }
    throw new AssertionError();
  }
}
