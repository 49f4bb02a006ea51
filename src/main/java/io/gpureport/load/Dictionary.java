package io.gpureport.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Codes for the distinct values of a text column; code -1 is SQL NULL, {@code ""} is a value. */
public final class Dictionary {
  public static final int NULL = -1;

  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();
  private byte[][] byteKeys = new byte[64][];
  private int[] byteCodes = new int[64];
  private int byteCount;

  /**
   * The code of a UTF-8 value as the JDBC driver hands it over ({@code null} = NULL), without
   * decoding it to a String except the first time it is seen: the loader's hot path.
   */
  public int encode(byte[] utf8) {
    if (utf8 == null) {
      return NULL;
    }
    int mask = byteKeys.length - 1;
    int i = Arrays.hashCode(utf8) & mask;
    for (byte[] k = byteKeys[i]; k != null; k = byteKeys[i]) {
      if (Arrays.equals(k, utf8)) {
        return byteCodes[i];
      }
      i = (i + 1) & mask;
    }
    int code = encode(new String(utf8, StandardCharsets.UTF_8));
    byteKeys[i] = utf8;
    byteCodes[i] = code;
    if (++byteCount * 2 > byteKeys.length) {
      growByteIndex();
    }
    return code;
  }

  private void growByteIndex() {
    byte[][] oldKeys = byteKeys;
    int[] oldCodes = byteCodes;
    byteKeys = new byte[oldKeys.length * 2][];
    byteCodes = new int[oldKeys.length * 2];
    int mask = byteKeys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = Arrays.hashCode(oldKeys[j]) & mask;
        while (byteKeys[i] != null) {
          i = (i + 1) & mask;
        }
        byteKeys[i] = oldKeys[j];
        byteCodes[i] = oldCodes[j];
      }
    }
  }

  /** The code of a value, adding it when new; NULL for {@code null}. */
  public int encode(String value) {
    if (value == null) {
      return NULL;
    }
    Integer code = codes.get(value);
    if (code == null) {
      code = values.size();
      codes.put(value, code);
      values.add(value);
    }
    return code;
  }

  /** The value of a code, {@code null} for NULL. */
  public String value(int code) {
    return code == NULL ? null : values.get(code);
  }

  /** Number of distinct non-NULL values. */
  public int size() {
    return values.size();
  }

  /** The code of an existing value, or NULL if absent. */
  public int find(String value) {
    Integer code = value == null ? null : codes.get(value);
    return code == null ? NULL : code;
  }

  /** The codes of this dictionary's values in {@code target}, adding them there. */
  int[] remapInto(Dictionary target) {
    int[] map = new int[values.size()];
    for (int i = 0; i < map.length; i++) {
      map[i] = target.encode(values.get(i));
    }
    return map;
  }
}
