package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The accepted forms of {@code AvailableGPUs} and {@code AssignedGPUs} (§13.2). */
class GpuIdListsTest {

  @Test
  void availableAsClassAdListString() {
    assertEquals(
        List.of("GPU_5a3b8c9d", "GPU_1f2e3d4c"),
        GpuIdLists.available("{ GPUs_GPU_5a3b8c9d,GPUs_GPU_1f2e3d4c }"));
    assertEquals(List.of("GPU_a", "GPU_b"), GpuIdLists.available("  {GPUs_GPU_a ,  GPUs_GPU_b}  "));
    assertEquals(List.of("GPU_a"), GpuIdLists.available("GPUs_GPU_a"));
  }

  @Test
  void availableWrappedInAnExpression() {
    assertEquals(
        List.of("GPU_a", "GPU_b"), GpuIdLists.available("/Expr({ GPUs_GPU_a, GPUs_GPU_b })/"));
    assertEquals(List.of("GPU_a"), GpuIdLists.available(" /Expr( { GPUs_GPU_a } )/ "));
    assertEquals(List.of(), GpuIdLists.available("/Expr({ })/"));
  }

  @Test
  void availableAsJsonArray() {
    assertEquals(
        List.of("GPU_a", "MIG_1b2c_3d4e"),
        GpuIdLists.available(List.of("GPUs_GPU_a", " /Expr(GPUs_MIG_1b2c_3d4e)/ ")));
    assertEquals(List.of(), GpuIdLists.available(List.of()));
    assertEquals(List.of(), GpuIdLists.available(List.of("", " ", "GPUs_")));
  }

  @Test
  void availableEmptyForms() {
    assertEquals(List.of(), GpuIdLists.available(null));
    assertEquals(List.of(), GpuIdLists.available(""));
    assertEquals(List.of(), GpuIdLists.available("{}"));
    assertEquals(List.of(), GpuIdLists.available("{ }"));
    assertEquals(List.of(), GpuIdLists.available("{  }"));
    assertEquals(List.of("GPU_a"), GpuIdLists.available("{ , GPUs_GPU_a, }"));
  }

  @Test
  void availableRemovesEveryGpusPrefix() {
    assertEquals(List.of("GPU_a"), GpuIdLists.available("{ GPUs_GPUs_GPU_a }"));
    assertEquals(List.of("MIG_x_y"), GpuIdLists.available("{MIG_x_y}"));
  }

  @Test
  void assignedSplitsOnCommasTrimsAndKeepsEmptyElements() {
    assertEquals(List.of("GPU-a", "GPU-b"), GpuIdLists.assigned("GPU-a,GPU-b"));
    assertEquals(List.of("GPU-a", "GPU-b"), GpuIdLists.assigned(" GPU-a , GPU-b "));
    assertEquals(List.of(""), GpuIdLists.assigned(""));
    assertEquals(List.of(""), GpuIdLists.assigned("   "));
    assertEquals(List.of("a", "", "b", ""), GpuIdLists.assigned("a,,b,"));
  }

  @Test
  void assignedAsJsonArray() {
    assertEquals(List.of("GPU-a", "GPU-b"), GpuIdLists.assigned(List.of(" GPU-a", "GPU-b ")));
    assertEquals(List.of(), GpuIdLists.assigned(List.of()));
    assertNull(GpuIdLists.assigned(null));
  }
}
