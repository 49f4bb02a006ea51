package io.gpureport.collect;

/** Turns library and process messages into the one-line form of an {@code Error:} line. */
final class ErrorText {
  private ErrorText() {}

  /** {@code message} on one line: surrounding blanks stripped, line breaks folded to spaces. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
