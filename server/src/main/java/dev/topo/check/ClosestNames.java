package dev.topo.check;

import java.util.Collection;
import java.util.Optional;

/** Suggests the known name closest to a misspelt one ("did you mean ...?"). */
public final class ClosestNames {
  private ClosestNames() {}

  /** The candidate at the smallest edit distance, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int tolerance = Math.max(1, Math.min(3, word.length() / 3));
    for (String candidate : candidates) {
      if (Math.abs(candidate.length() - word.length()) > tolerance) {
        continue; // at least that many edits apart: too far to suggest, whatever else differs
      }
      int d = distance(word, candidate, Math.min(tolerance, bestDistance));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= tolerance && bestDistance > 0 ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance. */
  public static int distance(String a, String b) {
    return distance(a, b, Integer.MAX_VALUE - 1);
  }

  /**
   * Levenshtein distance, or {@code limit + 1} as soon as it is sure to exceed the limit (no cell
   * of a row is within it): most names are told apart from a misspelt one in a few letters.
   */
  static int distance(String a, String b, int limit) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowBest = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
        rowBest = Math.min(rowBest, current[j]);
      }
      if (rowBest > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], limit + 1);
  }
}
