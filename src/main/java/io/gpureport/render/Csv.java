package io.gpureport.render;

import java.util.List;

/**
 * CSV as RFC 4180 writes it, for the CSV outputs of {@code hosts}, {@code users} and {@code trend}:
 * a header row, CRLF line ends, a field quoted when it has a comma, a double quote, CR or LF, its
 * quotes doubled.
 */
final class Csv {
  private Csv() {}

  /** Appends one row. */
  static void row(StringBuilder b, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(field(fields.get(i)));
    }
    b.append("\r\n");
  }

  /** A field, quoted when RFC 4180 needs it. */
  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
