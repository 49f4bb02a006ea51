package io.gpureport.rollup;

import io.gpureport.aggregate.DayPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** The bytes of a {@link DayPart} in a rollup entry: fixed fields, then the arrays. */
public final class DayParts {
  private DayParts() {}

  public static byte[] encode(DayPart p) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeLong(p.day());
      out.writeLong(p.rows());
      out.writeLong(p.excluded());
      out.writeLong(p.first());
      out.writeLong(p.last());
      out.writeInt(p.classes());
      longs(out, p.allocationStarts());
      longs(out, p.seriesStarts());
      for (int v : p.claimed()) {
        out.writeInt(v);
      }
      for (int v : p.unclaimed()) {
        out.writeInt(v);
      }
      out.writeBoolean(p.devices() != null);
      if (p.devices() != null) {
        devices(out, p.devices());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The part, or an {@link IOException} for bytes that are not one. */
  public static DayPart decode(byte[] b) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
    long day = in.readLong();
    long rows = in.readLong();
    long excluded = in.readLong();
    long first = in.readLong();
    long last = in.readLong();
    int classes = in.readInt();
    long[] allocation = longs(in);
    long[] series = longs(in);
    if (classes < 0 || (long) series.length * classes * 8 > in.available()) {
      throw new IOException("truncated day part");
    }
    int[] claimed = new int[series.length * classes];
    int[] unclaimed = new int[claimed.length];
    for (int i = 0; i < claimed.length; i++) {
      claimed[i] = in.readInt();
    }
    for (int i = 0; i < unclaimed.length; i++) {
      unclaimed[i] = in.readInt();
    }
    DayPart.Devices devices = in.readBoolean() ? devices(in) : null;
    if (in.available() != 0) {
      throw new IOException("trailing bytes in day part");
    }
    return new DayPart(
        day, rows, excluded, first, last, allocation, series, classes, claimed, unclaimed, devices);
  }

  private static void devices(DataOutputStream out, DayPart.Devices d) throws IOException {
    strings(out, d.deviceOrder());
    ints(out, d.groupBucket());
    ints(out, d.groupDevice());
    ints(out, d.groupClass());
    ints(out, d.groupTotal());
    ints(out, d.groupClaimed());
    out.writeInt(d.memoryOrder().length);
    out.write(d.memoryOrder());
    longs(out, d.memoryClaimed());
    longs(out, d.memoryTotal());
    ints(out, d.memoryBuckets());
    users(out, d.h200());
    users(out, d.backfill());
  }

  private static DayPart.Devices devices(DataInputStream in) throws IOException {
    List<String> order = strings(in);
    int[] gb = ints(in);
    int[] gd = ints(in);
    int[] gc = ints(in);
    int[] gt = ints(in);
    int[] gl = ints(in);
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("truncated day part");
    }
    byte[] memory = new byte[n];
    in.readFully(memory);
    long[] mc = longs(in);
    long[] mt = longs(in);
    int[] mb = ints(in);
    int groups = gb.length;
    if (gd.length != groups || gc.length != groups || gt.length != groups || gl.length != groups) {
      throw new IOException("day part of inconsistent size");
    }
    for (int k = 0; k < groups; k++) {
      if (gd[k] < 0 || gd[k] >= order.size()) {
        throw new IOException("day part names no such device");
      }
    }
    return new DayPart.Devices(order, gb, gd, gc, gt, gl, memory, mc, mt, mb, users(in), users(in));
  }

  private static void users(DataOutputStream out, DayPart.Users u) throws IOException {
    out.writeInt(u.buckets());
    out.writeBoolean(u.repeat());
    strings(out, u.ids());
    maps(out, u.kept());
    maps(out, u.deduped());
  }

  private static DayPart.Users users(DataInputStream in) throws IOException {
    int buckets = in.readInt();
    boolean repeat = in.readBoolean();
    List<String> ids = strings(in);
    return new DayPart.Users(buckets, repeat, ids, maps(in), maps(in));
  }

  private static void maps(DataOutputStream out, List<LinkedHashMap<String, Long>> maps)
      throws IOException {
    if (maps == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(maps.size());
    for (LinkedHashMap<String, Long> m : maps) {
      out.writeInt(m.size());
      for (var e : m.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue());
      }
    }
  }

  private static List<LinkedHashMap<String, Long>> maps(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > in.available()) {
      throw new IOException("truncated day part");
    }
    List<LinkedHashMap<String, Long>> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int size = in.readInt();
      if (size < 0 || size > in.available()) {
        throw new IOException("truncated day part");
      }
      LinkedHashMap<String, Long> m = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        m.put(in.readUTF(), in.readLong());
      }
      out.add(m);
    }
    return out;
  }

  private static void strings(DataOutputStream out, List<String> v) throws IOException {
    out.writeInt(v.size());
    for (String s : v) {
      out.writeUTF(s);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("truncated day part");
    }
    List<String> v = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      v.add(in.readUTF());
    }
    return v;
  }

  private static void ints(DataOutputStream out, int[] v) throws IOException {
    out.writeInt(v.length);
    for (int x : v) {
      out.writeInt(x);
    }
  }

  private static int[] ints(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || (long) n * 4 > in.available()) {
      throw new IOException("truncated day part");
    }
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readInt();
    }
    return v;
  }

  private static void longs(DataOutputStream out, long[] v) throws IOException {
    out.writeInt(v.length);
    for (long x : v) {
      out.writeLong(x);
    }
  }

  private static long[] longs(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || (long) n * 8 > in.available()) {
      throw new IOException("truncated day part");
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readLong();
    }
    return v;
  }
}
