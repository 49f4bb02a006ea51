package io.gpureport.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Codes for the distinct values of a text column; code -1 is SQL NULL, {@code ""} is a value. */
public final class Dictionary {
  public static final int NULL = -1;

  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();

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
