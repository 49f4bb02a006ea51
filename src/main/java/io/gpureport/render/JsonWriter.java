package io.gpureport.render;

import java.util.ArrayDeque;
import java.util.Deque;

/** A small streaming JSON writer with two-space indentation and shortest-form doubles. */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder(4096);
  private final Deque<boolean[]> first = new ArrayDeque<>();
  private boolean afterName;

  JsonWriter beginObject() {
    return open('{');
  }

  JsonWriter endObject() {
    return close('}');
  }

  JsonWriter beginArray() {
    return open('[');
  }

  JsonWriter endArray() {
    return close(']');
  }

  JsonWriter name(String name) {
    separate();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(String s) {
    separate();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    return this;
  }

  JsonWriter value(double d) {
    separate();
    out.append(Numbers.json(d));
    return this;
  }

  JsonWriter value(long n) {
    separate();
    out.append(n);
    return this;
  }

  JsonWriter value(boolean b) {
    separate();
    out.append(b);
    return this;
  }

  JsonWriter nullValue() {
    separate();
    out.append("null");
    return this;
  }

  String finish() {
    return out.append('\n').toString();
  }

  private JsonWriter open(char c) {
    separate();
    out.append(c);
    first.push(new boolean[] {true});
    return this;
  }

  private JsonWriter close(char c) {
    boolean empty = first.pop()[0];
    if (!empty) {
      newline();
    }
    out.append(c);
    return this;
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (first.isEmpty()) {
      return;
    }
    boolean[] f = first.peek();
    if (!f[0]) {
      out.append(',');
    }
    f[0] = false;
    newline();
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(first.size()));
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
