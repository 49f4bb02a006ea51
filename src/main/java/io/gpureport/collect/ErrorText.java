package io.gpureport.collect;

import io.gpureport.errors.IoReason;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the JSON parser's messages into the plain words of an {@code Error:} line. */
final class ErrorText {
  /** Jackson's reference to a position in the input, e.g. an opening bracket. */
  private static final Pattern SOURCE_POSITION =
      Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

  /** What remains of other {@code [Source: …]} references after the positions are rewritten. */
  private static final Pattern SOURCE_REFERENCE =
      Pattern.compile("\\s*\\(?\\[Source: [^\\]]*\\]\\)?");

  private static final Pattern UNCLOSED =
      Pattern.compile(
          "Unexpected end-of-input: expected close marker for (Object|Array)"
              + " \\(start marker at (line \\d+, column \\d+)\\)");
  private static final String END_OF_INPUT = "Unexpected end-of-input";

  private ErrorText() {}

  /**
   * A JSON parser's problem ({@code getOriginalMessage()}, without the location) in plain words:
   * positions as {@code line L, column C}, no parser internals such as {@code [Source: …]}.
   */
  static String jsonProblem(String message) {
    String text =
        SOURCE_POSITION.matcher(IoReason.oneLine(message)).replaceAll("line $1, column $2");
    text = SOURCE_REFERENCE.matcher(text).replaceAll("");
    Matcher unclosed = UNCLOSED.matcher(text);
    if (unclosed.matches()) {
      return "unexpected end of input: the "
          + unclosed.group(1).toLowerCase(Locale.ROOT)
          + " opened at "
          + unclosed.group(2)
          + " is not closed";
    }
    if (text.startsWith(END_OF_INPUT)) {
      return "unexpected end of input" + text.substring(END_OF_INPUT.length());
    }
    return lowerFirst(text);
  }

  /** {@code unrecognized token} for {@code Unrecognized token}; acronyms such as JSON stay. */
  private static String lowerFirst(String text) {
    if (text.length() < 2 || !Character.isLowerCase(text.charAt(1))) {
      return text;
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
