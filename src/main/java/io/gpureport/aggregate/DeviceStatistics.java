package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.DeviceModels;
import io.gpureport.classify.ReportingClass;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Device statistics (docs/metrics.md, "Usage by Device Type") and the class totals built from them
 * (docs/metrics.md, "Real Slots and Backfill Slots").
 */
final class DeviceStatistics {
  /** A device entry with the device's position in the device list. */
  record Entry(int listPosition, String device, Stat stat) {}

  private final ClassCatalogue classes;

  /** Per class index, its entries in device-list order, or null when none (set by finish). */
  private final List<List<Entry>> entries = new ArrayList<>();

  /** Lines of the bucket series: the Real classes in class order, then Backfill TOTAL. */
  private final int lines;

  /** Per class index: its line (its position among the Real classes, or the Backfill TOTAL). */
  private final int[] lineOf;

  /** Per class index: true for backfill classes, which never deduplicate. */
  private final boolean[] backfill;

  private final int nClasses;

  private final boolean allDevices;

  /** Per global device code: its position in the device list, -1 filtered, -2 not seen yet. */
  private int[] devicePos = new int[0];

  private final List<String> deviceList = new ArrayList<>();

  /** Per group {@code g = position * nClasses + class}: the running sums over closed buckets. */
  private long[] sumClaimed = new long[0];

  private long[] sumTotal = new long[0];
  private double[] pctSum = new double[0];
  private int[] pctCount = new int[0];

  /** Per line and bucket ({@code b * lines + line}): claimed and total summed over devices. */
  private long[] lineClaimed = new long[0];

  private long[] lineTotal = new long[0];
  private long[] bucketStarts = new long[0];

  /** The open bucket: its number and distinct GPUs (slot 2g total, 2g + 1 claimed). */
  private final BucketCounter counter = new BucketCounter(0);

  private int current = -1;

  /** Set for a recording fold: every closed group is handed to it. */
  private DayRecorder recorder;

  DeviceStatistics(ClassCatalogue classes, boolean allDevices) {
    this.classes = classes;
    this.allDevices = allDevices;
    this.nClasses = classes.size();
    this.lines = classes.real().size() + 1;
    this.backfill = classes.backfillFlags();
    int[] position = classes.groupPositions();
    this.lineOf = new int[nClasses];
    for (int c = 0; c < nClasses; c++) {
      lineOf[c] = backfill[c] ? lines - 1 : position[c];
    }
  }

  /** Adds a chunk (global codes) whose rows fall in {@code bucket}s, after every earlier one. */
  void add(ClassifiedRows rows, int[] bucket) {
    growDeviceList(rows);
    int n = rows.size();
    int[] partition = new int[n];
    int[] devices = rows.devices();
    for (int i = 0; i < n; i++) {
      int d = devices[i];
      boolean in = d >= 0 && devicePos[d] >= 0 && !rows.has(i, RowFlags.EXCLUDED);
      partition[i] = in ? devicePos[d] : -1;
    }
    boolean[] keep = Dedup.winners(rows, partition);
    int[] gpus = rows.gpus();
    byte[] cls = rows.classes().reporting();
    for (int i = 0; i < n; i++) {
      if (bucket[i] != current) {
        close();
        current = bucket[i];
      }
      if (partition[i] < 0 || gpus[i] < 0 || !rows.has(i, RowFlags.HOST_NAME)) {
        continue;
      }
      int c = cls[i];
      if (!backfill[c] && !keep[i]) {
        continue; // only the real-slot classes deduplicate (docs/metrics.md, L11)
      }
      int g = partition[i] * nClasses + c;
      counter.add(2 * g, gpus[i]);
      if (rows.states()[i] == SlotState.CLAIMED) {
        counter.add(2 * g + 1, gpus[i]);
      }
    }
  }

  void record(DayRecorder r) {
    this.recorder = r;
  }

  /** Closes the open bucket: its counts join the running sums, in bucket order. */
  private void close() {
    if (current < 0) {
      return;
    }
    grow(current);
    for (int k = 0; k < counter.touched().size(); k++) {
      int slot = counter.touched().getInt(k);
      if ((slot & 1) == 0) {
        int g = slot >> 1;
        int total = counter.count(slot);
        int claimed = counter.count(slot + 1);
        add(current, g, total, claimed);
        if (recorder != null) {
          recorder.deviceGroup(current, deviceList.get(g / nClasses), g % nClasses, total, claimed);
        }
      }
    }
    counter.reset();
  }

  private void grow(int bucket) {
    int groups = deviceList.size() * nClasses;
    if (sumClaimed.length < groups) {
      sumClaimed = Arrays.copyOf(sumClaimed, groups);
      sumTotal = Arrays.copyOf(sumTotal, groups);
      pctSum = Arrays.copyOf(pctSum, groups);
      pctCount = Arrays.copyOf(pctCount, groups);
    }
    int needed = (bucket + 1) * lines;
    if (lineClaimed.length < needed) {
      lineClaimed = Arrays.copyOf(lineClaimed, Math.max(needed, 2 * lineClaimed.length));
      lineTotal = Arrays.copyOf(lineTotal, lineClaimed.length);
    }
  }

  /** A group's distinct GPUs of one bucket join the running sums (buckets in time order). */
  private void add(int bucket, int g, int total, int claimed) {
    pctSum[g] += ((double) claimed / total) * 100;
    pctCount[g]++;
    sumClaimed[g] += claimed;
    sumTotal[g] += total;
    int line = lineOf[g % nClasses];
    lineClaimed[bucket * lines + line] += claimed;
    lineTotal[bucket * lines + line] += total;
  }

  /** Closes the open bucket before a replayed day ({@link ReportFold#append}). */
  void closeOpen() {
    close();
    current = -1;
  }

  /** A replayed day's device, in its order of first appearance; {@code code}: its global code. */
  void appendDevice(int code, String name) {
    int old = devicePos.length;
    if (old <= code) {
      devicePos = Arrays.copyOf(devicePos, code + 1);
      Arrays.fill(devicePos, old, devicePos.length, -2);
    }
    if (devicePos[code] == -2) {
      if (!allDevices && DeviceModels.isOldBySubstring(name)) {
        devicePos[code] = -1;
      } else {
        devicePos[code] = deviceList.size();
        deviceList.add(name);
      }
    }
  }

  /** A replayed group of {@code bucket} (after every earlier bucket); {@code code}: the device. */
  void appendGroup(int bucket, int code, int cls, int total, int claimed) {
    int pos = devicePos[code];
    if (pos < 0) {
      throw new IllegalStateException("replayed group of a filtered device");
    }
    grow(bucket);
    add(bucket, pos * nClasses + cls, total, claimed);
  }

  /** Closes the last bucket and builds the entries over all {@code buckets} of the window. */
  DeviceStatistics finish(Buckets buckets) {
    close();
    current = -1;
    bucketStarts = buckets.starts();
    int nBuckets = bucketStarts.length;
    lineClaimed = Arrays.copyOf(lineClaimed, nBuckets * lines);
    lineTotal = Arrays.copyOf(lineTotal, nBuckets * lines);
    int nDev = deviceList.size();
    sumClaimed = Arrays.copyOf(sumClaimed, nDev * nClasses);
    sumTotal = Arrays.copyOf(sumTotal, nDev * nClasses);
    pctSum = Arrays.copyOf(pctSum, nDev * nClasses);
    pctCount = Arrays.copyOf(pctCount, nDev * nClasses);
    double nAll = nBuckets;
    entries.clear();
    for (int c = 0; c < nClasses; c++) {
      List<Entry> list = new ArrayList<>();
      for (int pos = 0; pos < nDev; pos++) {
        int g = pos * nClasses + c;
        if (pctCount[g] > 0) {
          Stat s = new Stat(pctSum[g] / pctCount[g], sumClaimed[g] / nAll, sumTotal[g] / nAll);
          list.add(new Entry(pos, deviceList.get(pos), s));
        }
      }
      entries.add(list.isEmpty() ? null : list);
    }
    return this;
  }

  /** Extends the first-appearance device list with the chunk's new devices, in row order. */
  private void growDeviceList(ClassifiedRows rows) {
    int old = devicePos.length;
    if (old < rows.deviceNames().size()) {
      devicePos = Arrays.copyOf(devicePos, rows.deviceNames().size());
      Arrays.fill(devicePos, old, devicePos.length, -2);
    }
    for (int d : rows.devices()) {
      if (d >= 0 && devicePos[d] == -2) {
        String name = rows.deviceNames().value(d);
        boolean filtered = !allDevices && DeviceModels.isOldBySubstring(name);
        if (filtered) {
          devicePos[d] = -1;
        } else {
          devicePos[d] = deviceList.size();
          deviceList.add(name);
        }
      }
    }
  }

  /**
   * The allocation-over-time series (chart only): per bucket, claimed and total summed over the
   * device entries of each included Real class and of the backfill classes together.
   */
  BucketSeries bucketSeries(int bucketMinutes) {
    int nBuckets = bucketStarts.length;
    List<BucketSeries.Line> out = new ArrayList<>();
    for (ReportingClass cls : classes.real()) {
      if (classTotal(cls) != null) {
        out.add(line(cls.displayName(), cls, lineOf[cls.index()], nBuckets));
      }
    }
    boolean anyBackfill = false;
    for (ReportingClass cls : classes.backfill()) {
      anyBackfill |= classTotal(cls) != null;
    }
    if (anyBackfill) {
      out.add(line(BucketSeries.BACKFILL_TOTAL, null, lines - 1, nBuckets));
    }
    return new BucketSeries(bucketMinutes, bucketStarts, out);
  }

  private BucketSeries.Line line(String name, ReportingClass cls, int line, int nBuckets) {
    long[] claimed = new long[nBuckets];
    long[] total = new long[nBuckets];
    for (int b = 0; b < nBuckets; b++) {
      claimed[b] = lineClaimed[b * lines + line];
      total[b] = lineTotal[b * lines + line];
    }
    return BucketSeries.Line.of(name, cls, claimed, total);
  }

  /**
   * The class total (docs/metrics.md, "Real Slots and Backfill Slots"): sums of the entries'
   * averages in device-list order.
   */
  Stat classTotal(ReportingClass cls) {
    List<Entry> list = entries.get(cls.index());
    if (list == null) {
      return null;
    }
    double claimed = 0;
    double available = 0;
    for (Entry e : list) {
      claimed += e.stat().allocatedAvg();
      available += e.stat().availableAvg();
    }
    return available > 0 ? Stat.ofSums(claimed, available) : null;
  }

  /** Real or Backfill Slots: included classes and the TOTAL, or null if none is included. */
  SlotsTable slots(List<ReportingClass> group) {
    double claimed = 0;
    double available = 0;
    List<ClassStat> out = new ArrayList<>();
    for (ReportingClass cls : group) {
      Stat t = classTotal(cls);
      if (t != null) {
        claimed += t.allocatedAvg();
        available += t.availableAvg();
        out.add(new ClassStat(cls, t));
      }
    }
    return new SlotsTable(Stat.ofSums(claimed, available), out);
  }

  /** True when at least one class is included (the Real Slots block is printed). */
  boolean anyIncluded() {
    for (ReportingClass cls : classes.classes()) {
      if (classTotal(cls) != null) {
        return true;
      }
    }
    return false;
  }

  /** The per-class device tables in CLASS_ORDER, entries ascending raw name. */
  List<DeviceTable> tables() {
    List<DeviceTable> out = new ArrayList<>();
    for (ReportingClass cls : classes.classes()) {
      List<Entry> list = entries.get(cls.index());
      if (list == null) {
        continue;
      }
      List<Entry> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparing(Entry::device));
      double c = 0;
      double a = 0;
      List<DeviceTable.Entry> rows = new ArrayList<>();
      for (Entry x : sorted) {
        c += x.stat().allocatedAvg();
        a += x.stat().availableAvg();
        rows.add(new DeviceTable.Entry(x.device(), DeviceModels.displayName(x.device()), x.stat()));
      }
      Stat html = a > 0 ? Stat.ofSums(c, a) : null;
      out.add(new DeviceTable(cls, classTotal(cls), html, rows));
    }
    return out;
  }

  /**
   * Email-subject percentages (docs/metrics.md, "Subject"): real classes with entries, then
   * combined backfill.
   */
  List<Double> subjectPercents() {
    List<Double> out = new ArrayList<>();
    for (ReportingClass cls : classes.real()) {
      Stat t = classTotal(cls);
      if (t != null) {
        out.add(t.allocatedPercent());
      }
    }
    // ((0 + S4) + S5) + S6 over the classes with entries: exactly the Backfill Slots TOTAL
    Stat backfillTotal = slots(classes.backfill()).total();
    if (backfillTotal.availableAvg() > 0) {
      out.add(backfillTotal.allocatedPercent());
    }
    return out;
  }
}
