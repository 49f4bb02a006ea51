package io.gpureport.rollup;

import io.gpureport.aggregate.DayPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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
    if (in.available() != 0) {
      throw new IOException("trailing bytes in day part");
    }
    return new DayPart(
        day, rows, excluded, first, last, allocation, series, classes, claimed, unclaimed);
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
