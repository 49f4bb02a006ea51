package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/** One transaction per snapshot: rollback on failure, and readers never see half a snapshot. */
class SnapshotWriterTest {
  @TempDir Path dir;

  private static GpuStateRow row(String id, String ts) {
    return new GpuStateRow(
        "slot1@h",
        id,
        "",
        "Claimed",
        "NVIDIA L40S",
        46068L,
        "",
        0.5,
        "h",
        "u@d",
        "s#1.0#1",
        ts,
        null,
        1024L);
  }

  @Test
  void closingWithoutCommitOnAFreshFileLeavesNoFile() {
    Path file = dir.resolve("gpu_state_2025-11.db");
    try (SnapshotWriter writer = SnapshotWriter.begin(file)) {
      assertTrue(writer.createdTable());
      writer.add(row("GPU-1", Fixtures.T1_STORED));
      writer.add(row("GPU-2", Fixtures.T1_STORED));
      assertEquals(2, writer.rows());
    }
    assertFalse(Files.exists(file));
    assertFalse(Files.exists(dir.resolve("gpu_state_2025-11.db-journal")));
  }

  @Test
  void closingWithoutCommitOnAnExistingFileKeepsEarlierSnapshots() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    try (SnapshotWriter writer = SnapshotWriter.begin(file)) {
      writer.add(row("GPU-1", "2025-11-01 00:00:00.000000"));
      writer.commit();
    }
    try (SnapshotWriter writer = SnapshotWriter.begin(file)) {
      assertFalse(writer.createdTable());
      writer.add(row("GPU-1", "2025-11-01 00:15:00.000000"));
      writer.add(row("GPU-2", "2025-11-01 00:15:00.000000"));
    }
    assertEquals(1, StoredRows.read(file).size());
    assertTrue(
        StoredRows.read(file).get(0).endsWith("T:2025-11-01 00:00:00.000000 | NULL | I:1024"));
  }

  @Test
  void aLegacyTableGainsTheMissingColumnsOnlyIfTheSnapshotCommits() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    StoredRows.execute(file, io.gpureport.load.GpuStateTable.CREATE_TABLE);
    try (SnapshotWriter writer = SnapshotWriter.begin(file)) {
      assertFalse(writer.createdTable());
      assertEquals(List.of("PreventJobsReason", "Disk"), writer.addedColumns());
      writer.add(row("GPU-1", Fixtures.T1_STORED));
    }
    assertEquals(12, StoredRows.columns(file).size());
    try (SnapshotWriter writer = SnapshotWriter.begin(file)) {
      assertEquals(List.of("PreventJobsReason", "Disk"), writer.addedColumns());
      writer.add(row("GPU-1", Fixtures.T1_STORED));
      writer.commit();
    }
    assertEquals(14, StoredRows.columns(file).size());
    try (SnapshotWriter writer = SnapshotWriter.begin(file)) {
      assertEquals(List.of(), writer.addedColumns());
    }
  }

  /**
   * The test holds the write lock until the second writer is inside its {@code BEGIN IMMEDIATE},
   * which cannot complete while the lock is held: the second writer must wait there, not fail.
   */
  @Test
  @Timeout(60)
  void writerWaitsForAnotherWriterInsteadOfFailing() throws Exception {
    Path file = dir.resolve("gpu_state_2025-11.db");
    try (SnapshotWriter first = SnapshotWriter.begin(file)) {
      first.add(row("GPU-1", "2025-11-01 00:00:00.000000"));
      first.commit();
    }
    SnapshotWriter holder = SnapshotWriter.begin(file);
    holder.add(row("GPU-9", "2025-11-01 00:10:00.000000"));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread second =
        new Thread(
            () -> {
              try (SnapshotWriter writer = SnapshotWriter.begin(file)) {
                writer.add(row("GPU-2", "2025-11-01 00:15:00.000000"));
                writer.commit();
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "second-writer");
    second.start();
    awaitBeginImmediate(second);
    assertTrue(second.isAlive(), "the second writer did not wait: " + failure.get());
    holder.commit();
    holder.close();
    second.join();
    assertNull(failure.get());
    assertEquals(3, StoredRows.read(file).size());
  }

  /**
   * Returns once {@code t} is in the native call that {@code setAutoCommit(false)} makes (the
   * {@code BEGIN IMMEDIATE} of the writer's {@code begin}), or has ended.
   */
  private static void awaitBeginImmediate(Thread t) {
    while (t.isAlive() && !inBeginImmediate(t.getStackTrace())) {
      Thread.yield();
    }
  }

  private static boolean inBeginImmediate(StackTraceElement[] stack) {
    if (stack.length == 0 || !stack[0].isNativeMethod()) {
      return false;
    }
    boolean inSetAutoCommit = false;
    for (StackTraceElement frame : stack) {
      inSetAutoCommit |= frame.getMethodName().equals("setAutoCommit");
      if (frame.getClassName().equals(SnapshotWriter.class.getName())
          && frame.getMethodName().equals("begin")) {
        return inSetAutoCommit;
      }
    }
    return false;
  }

  /**
   * A reader polls the per-snapshot counts while the collector appends snapshots: every snapshot it
   * sees must be complete. The collector writes the next snapshot only once the reader has seen the
   * previous one (the reader never waits for the collector), so the reader sees every snapshot.
   */
  @Test
  @Timeout(120)
  void concurrentReaderOnlyEverSeesWholeSnapshots() throws Exception {
    int adsPerSnapshot = 400;
    int gpusPerAd = 4;
    int snapshots = 12;
    int rowsPerSnapshot = adsPerSnapshot * gpusPerAd;
    Path input = Fixtures.writeInput(dir, pool(adsPerSnapshot, gpusPerAd));
    Path file = dir.resolve("gpu_state_2025-11.db");
    Fixtures.collector(clockAt(0), new StringWriter()).collect(Fixtures.fromFile(dir, input));

    AtomicBoolean writing = new AtomicBoolean(true);
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    List<Integer> snapshotsPerQuery = new CopyOnWriteArrayList<>();
    // sawAtLeast[k] opens once a query has returned k snapshots
    CountDownLatch[] sawAtLeast = new CountDownLatch[snapshots + 1];
    for (int k = 0; k <= snapshots; k++) {
      sawAtLeast[k] = new CountDownLatch(1);
    }
    Thread reader =
        new Thread(
            () -> {
              SQLiteConfig config = new SQLiteConfig();
              config.setReadOnly(true);
              config.setBusyTimeout(30_000);
              try (Connection c = config.createConnection("jdbc:sqlite:" + file);
                  Statement st = c.createStatement()) {
                do {
                  int groups = 0;
                  try (ResultSet rs =
                      st.executeQuery(
                          "SELECT timestamp, count(*) FROM gpu_state GROUP BY timestamp")) {
                    while (rs.next()) {
                      groups++;
                      long count = rs.getLong(2);
                      seen.merge(rs.getString(1), count, Math::min);
                      if (count != rowsPerSnapshot && errors.size() < 20) {
                        errors.add(new AssertionError(rs.getString(1) + " has " + count));
                      }
                    }
                  }
                  snapshotsPerQuery.add(groups);
                  for (int k = 0; k <= groups; k++) {
                    sawAtLeast[k].countDown();
                  }
                } while (writing.get());
              } catch (Throwable t) {
                errors.add(t);
                for (CountDownLatch latch : sawAtLeast) {
                  latch.countDown(); // the writer goes on; the error fails the test
                }
              }
            });
    reader.start();
    try {
      // snapshot i once the reader has seen the i before it; the reader keeps querying meanwhile
      for (int i = 1; i < snapshots; i++) {
        awaitReader(sawAtLeast[i], errors);
        Fixtures.collector(clockAt(i), new StringWriter()).collect(Fixtures.fromFile(dir, input));
      }
      awaitReader(sawAtLeast[snapshots], errors);
    } finally {
      writing.set(false);
      reader.join();
    }

    assertEquals(List.of(), errors);
    Map<String, Long> perSnapshot = new TreeMap<>(seen);
    assertEquals(snapshots, perSnapshot.size(), "reader saw: " + perSnapshot);
    assertTrue(snapshotsPerQuery.size() >= snapshots, "reader ran too few queries");
    for (Map.Entry<String, Long> e : perSnapshot.entrySet()) {
      assertEquals(rowsPerSnapshot, e.getValue(), e.getKey());
    }
    assertEquals(
        String.valueOf(snapshots),
        StoredRows.scalar(file, "SELECT count(DISTINCT timestamp) FROM gpu_state"));
    assertEquals(
        String.valueOf(snapshots * rowsPerSnapshot),
        StoredRows.scalar(file, "SELECT count(*) FROM gpu_state"));
  }

  private static void awaitReader(CountDownLatch latch, List<Throwable> errors)
      throws InterruptedException {
    assertTrue(latch.await(60, TimeUnit.SECONDS), "the reader is stuck: " + errors);
  }

  private static Clock clockAt(int quarterHours) {
    Instant start = Instant.parse("2025-11-03T00:00:00.123456Z");
    return Clock.fixed(start.plus(Duration.ofMinutes(15L * quarterHours)), ZoneOffset.UTC);
  }

  /** A synthetic pool: {@code ads} primary slots with {@code gpus} GPUs each. */
  static String pool(int ads, int gpus) {
    StringBuilder json = new StringBuilder("[\n");
    for (int a = 0; a < ads; a++) {
      List<String> ids = new ArrayList<>();
      for (int g = 0; g < gpus; g++) {
        ids.add("GPU-" + a + "x" + g);
      }
      json.append(a == 0 ? "" : ",\n")
          .append("{\"Name\": \"slot1@host")
          .append(a)
          .append("\", \"AssignedGPUs\": \"")
          .append(String.join(",", ids))
          .append("\", \"State\": \"Claimed\", \"GPUs_GlobalMemoryMb\": 46068,")
          .append(" \"Machine\": \"host")
          .append(a)
          .append("\"}");
    }
    return json.append("\n]\n").toString();
  }

  @Test
  void poolHelperIsValidInput() {
    byte[] json = pool(3, 2).getBytes(StandardCharsets.UTF_8);
    assertEquals(3, SlotAdParser.count(new ByteArrayInputStream(json), "pool"));
  }
}
