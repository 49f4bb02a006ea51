package io.gpureport.cli;

import java.util.List;

/** Words a user probably meant instead of a mistyped command or option name. */
final class Suggestions {
  /** Names this close (in single-character edits) to the typed word count as near misses. */
  private static final int NEAR_MISS = 2;

  private Suggestions() {}

  /**
   * {@code " (did you mean --hours-back?)"} from picocli's candidates, keeping only the near misses
   * when there are any; empty when there is no candidate.
   */
  static String didYouMean(String typed, List<String> candidates) {
    if (candidates.isEmpty()) {
      return "";
    }
    List<String> near = candidates.stream().filter(c -> distance(typed, c) <= NEAR_MISS).toList();
    return " (did you mean " + alternatives(near.isEmpty() ? candidates : near) + "?)";
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  static String alternatives(List<String> words) {
    return listed(words, "or");
  }

  /** {@code a}, {@code a and b}, {@code a, b and c} for {@code conjunction} "and". */
  static String listed(List<String> words, String conjunction) {
    if (words.size() <= 1) {
      return words.isEmpty() ? "" : words.get(0);
    }
    String head = String.join(", ", words.subList(0, words.size() - 1));
    return head + " " + conjunction + " " + words.get(words.size() - 1);
  }

  /** The Levenshtein distance: single-character insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
