package dev.topo.check;

import java.util.List;

/** Lists in messages, as people write them. */
public final class Words {
  private Words() {}

  /** "a", "a and b", "a, b and c". */
  public static String and(List<String> words) {
    if (words.size() < 2) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
  }
}
