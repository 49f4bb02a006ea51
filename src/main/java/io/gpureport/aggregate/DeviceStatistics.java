package io.gpureport.aggregate;

import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.DeviceModels;
import io.gpureport.classify.RowFlags;
import io.gpureport.classify.SlotClass;
import io.gpureport.classify.SlotState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Device statistics (docs/metrics.md, "Usage by Device Type") and the class totals built from them
 * (docs/metrics.md, "Real Slots and Backfill Slots").
 */
final class DeviceStatistics {
  /** A device entry with the device's position in the device list. */
  record Entry(int listPosition, String device, Stat stat) {}

  /** Per class, its entries in device-list order. */
  final Map<SlotClass, List<Entry>> entries = new EnumMap<>(SlotClass.class);

  /** Lines of the bucket series: Real classes 1–3 by ordinal, then Backfill TOTAL (4–6). */
  private static final int LINES = SlotClass.REAL.size() + 1;

  /** Per line and bucket ({@code line * buckets + b}): claimed and total summed over devices. */
  private long[] lineClaimed = new long[0];

  private long[] lineTotal = new long[0];
  private long[] bucketStarts = new long[0];

  private DeviceStatistics() {}

  static DeviceStatistics compute(ClassifiedRows rows, Buckets buckets, boolean allDevices) {
    int[] devicePos = deviceList(rows, allDevices);
    List<String> deviceList = new ArrayList<>();
    for (int code = 0; code < devicePos.length; code++) {
      if (devicePos[code] >= 0) {
        while (deviceList.size() <= devicePos[code]) {
          deviceList.add(null);
        }
        deviceList.set(devicePos[code], rows.deviceNames().value(code));
      }
    }
    int nDev = deviceList.size();
    int n = rows.size();
    int[] partition = new int[n];
    int[] devices = rows.devices();
    for (int i = 0; i < n; i++) {
      int d = devices[i];
      boolean in = d >= 0 && devicePos[d] >= 0 && !rows.has(i, RowFlags.EXCLUDED);
      partition[i] = in ? devicePos[d] : -1;
    }
    boolean[] keep = Dedup.winners(rows, partition, Math.max(nDev, 1));
    int groups = SlotClass.values().length * nDev;
    BucketCounter counter = new BucketCounter(groups * 2);
    long[] sumClaimed = new long[groups];
    long[] sumTotal = new long[groups];
    double[] pctSum = new double[groups];
    int[] pctCount = new int[groups];
    int[] gpus = rows.gpus();
    int nBuckets = buckets.count();
    long[] lineClaimed = new long[LINES * nBuckets];
    long[] lineTotal = new long[LINES * nBuckets];
    int backfillLine = LINES - 1;
    int current = -1;
    for (int i = 0; i <= n; i++) {
      int bucket = i < n ? buckets.index[i] : -2;
      if (bucket != current) {
        for (int k = 0; k < counter.touched().size(); k++) {
          int slot = counter.touched().getInt(k);
          if ((slot & 1) == 0) {
            int g = slot >> 1;
            int total = counter.count(slot);
            int claimed = counter.count(slot + 1);
            pctSum[g] += ((double) claimed / total) * 100;
            pctCount[g]++;
            sumClaimed[g] += claimed;
            sumTotal[g] += total;
            int line = Math.min(g / nDev, backfillLine);
            lineClaimed[line * nBuckets + current] += claimed;
            lineTotal[line * nBuckets + current] += total;
          }
        }
        counter.reset();
        current = bucket;
      }
      if (i == n || partition[i] < 0 || gpus[i] < 0 || !rows.has(i, RowFlags.HOST_NAME)) {
        continue;
      }
      SlotClass cls;
      if (rows.has(i, RowFlags.BACKFILL)) {
        cls = SlotClass.backfillOf(rows.flags()[i]);
      } else if (keep[i]) {
        cls = SlotClass.primaryOf(rows.flags()[i]);
      } else {
        continue;
      }
      int g = cls.ordinal() * nDev + partition[i];
      counter.add(2 * g, gpus[i]);
      if (rows.states()[i] == SlotState.CLAIMED) {
        counter.add(2 * g + 1, gpus[i]);
      }
    }
    DeviceStatistics out = new DeviceStatistics();
    out.lineClaimed = lineClaimed;
    out.lineTotal = lineTotal;
    out.bucketStarts = buckets.starts;
    double nAll = buckets.count();
    for (SlotClass cls : SlotClass.values()) {
      List<Entry> list = new ArrayList<>();
      for (int pos = 0; pos < nDev; pos++) {
        int g = cls.ordinal() * nDev + pos;
        if (pctCount[g] > 0) {
          Stat s = new Stat(pctSum[g] / pctCount[g], sumClaimed[g] / nAll, sumTotal[g] / nAll);
          list.add(new Entry(pos, deviceList.get(pos), s));
        }
      }
      if (!list.isEmpty()) {
        out.entries.put(cls, list);
      }
    }
    return out;
  }

  /**
   * The allocation-over-time series (chart only): per bucket, claimed and total summed over the
   * device entries of each included Real class and of the backfill classes together.
   */
  BucketSeries bucketSeries(int bucketMinutes) {
    int nBuckets = bucketStarts.length;
    List<BucketSeries.Line> lines = new ArrayList<>();
    for (SlotClass cls : SlotClass.REAL) {
      if (classTotal(cls) != null) {
        lines.add(line(cls.displayName(), cls, cls.ordinal(), nBuckets));
      }
    }
    boolean backfill = false;
    for (SlotClass cls : SlotClass.BACKFILL) {
      backfill |= classTotal(cls) != null;
    }
    if (backfill) {
      lines.add(line(BucketSeries.BACKFILL_TOTAL, null, LINES - 1, nBuckets));
    }
    return new BucketSeries(bucketMinutes, bucketStarts, lines);
  }

  private BucketSeries.Line line(String name, SlotClass cls, int line, int nBuckets) {
    int from = line * nBuckets;
    return BucketSeries.Line.of(
        name,
        cls,
        java.util.Arrays.copyOfRange(lineClaimed, from, from + nBuckets),
        java.util.Arrays.copyOfRange(lineTotal, from, from + nBuckets));
  }

  /** Position of each device code in the first-appearance device list, or -1 (filtered). */
  private static int[] deviceList(ClassifiedRows rows, boolean allDevices) {
    int[] pos = new int[rows.deviceNames().size()];
    java.util.Arrays.fill(pos, -2);
    int next = 0;
    for (int d : rows.devices()) {
      if (d >= 0 && pos[d] == -2) {
        boolean old = !allDevices && DeviceModels.isOldBySubstring(rows.deviceNames().value(d));
        pos[d] = old ? -1 : next++;
      }
    }
    for (int i = 0; i < pos.length; i++) {
      if (pos[i] == -2) {
        pos[i] = -1;
      }
    }
    return pos;
  }

  /**
   * The class total (docs/metrics.md, "Real Slots and Backfill Slots"): sums of the entries'
   * averages in device-list order.
   */
  Stat classTotal(SlotClass cls) {
    List<Entry> list = entries.get(cls);
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
  SlotsTable slots(List<SlotClass> classes) {
    double claimed = 0;
    double available = 0;
    List<ClassStat> lines = new ArrayList<>();
    for (SlotClass cls : classes) {
      Stat t = classTotal(cls);
      if (t != null) {
        claimed += t.allocatedAvg();
        available += t.availableAvg();
        lines.add(new ClassStat(cls, t));
      }
    }
    return new SlotsTable(Stat.ofSums(claimed, available), lines);
  }

  /** True when at least one class is included (the Real Slots block is printed). */
  boolean anyIncluded() {
    for (SlotClass cls : SlotClass.values()) {
      if (classTotal(cls) != null) {
        return true;
      }
    }
    return false;
  }

  /** The per-class device tables in CLASS_ORDER, entries ascending raw name. */
  List<DeviceTable> tables() {
    List<DeviceTable> out = new ArrayList<>();
    for (Map.Entry<SlotClass, List<Entry>> e : entries.entrySet()) {
      List<Entry> sorted = new ArrayList<>(e.getValue());
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
      out.add(new DeviceTable(e.getKey(), classTotal(e.getKey()), html, rows));
    }
    return out;
  }

  /**
   * Email-subject percentages (docs/metrics.md, "Subject"): real classes with entries, then
   * combined backfill.
   */
  List<Double> subjectPercents() {
    List<Double> out = new ArrayList<>();
    for (SlotClass cls : SlotClass.REAL) {
      Stat t = classTotal(cls);
      if (t != null) {
        out.add(t.allocatedPercent());
      }
    }
    // ((0 + S4) + S5) + S6 over the classes with entries: exactly the Backfill Slots TOTAL
    Stat backfill = slots(SlotClass.BACKFILL).total();
    if (backfill.availableAvg() > 0) {
      out.add(backfill.allocatedPercent());
    }
    return out;
  }
}
