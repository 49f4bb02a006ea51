package io.gpureport.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pool layout: names, GPU ids and models, for the smallest, default and largest pools. */
class PoolModelTest {
  private static PoolModel pool(int hosts, long seed) {
    Random rng = new Random(seed);
    return PoolModel.build(hosts, rng, UserDirectory.create(rng));
  }

  @Test
  void namesAndGpuIdsAreUnique() {
    for (int hosts : new int[] {SampleSpec.MIN_HOSTS, 120, SampleSpec.MAX_HOSTS}) {
      PoolModel pool = pool(hosts, 3);
      assertEquals(hosts, pool.hosts().size());
      Set<String> machines = new HashSet<>();
      Set<String> gpus = new HashSet<>();
      for (Host h : pool.hosts()) {
        assertTrue(machines.add(h.machine()), h.machine());
        assertTrue(h.machine().endsWith(".chtc.wisc.edu"), h.machine());
        assertTrue(h.gpuCount() >= 2 && h.gpuCount() <= 8, h.machine());
        for (int g = 0; g < h.gpuCount(); g++) {
          assertTrue(gpus.add(h.gpuId(g)), h.gpuId(g));
          assertTrue(h.gpuId(g).matches("GPU-[0-9a-f]{8}"), h.gpuId(g));
          assertEquals(h.gpuId(g).replace('-', '_'), h.availableId(g));
        }
      }
      assertTrue(machines.containsAll(PoolModel.CHTC_OWNED));
      assertTrue(machines.contains(PoolModel.VOYLES) && machines.contains(PoolModel.GPULAB));
    }
  }

  @Test
  void everyModelEvenInTheSmallestPool() {
    for (long seed = 0; seed < 20; seed++) {
      Set<GpuModel> models = EnumSet.noneOf(GpuModel.class);
      pool(SampleSpec.MIN_HOSTS, seed).hosts().forEach(h -> models.add(h.model()));
      assertEquals(EnumSet.allOf(GpuModel.class), models, "seed " + seed);
    }
  }

  @Test
  void defaultPoolSize() {
    for (long seed = 40; seed < 45; seed++) {
      int gpus = pool(120, seed).gpuCount();
      assertTrue(gpus > 680 && gpus < 820, "GPUs: " + gpus);
    }
  }
}
