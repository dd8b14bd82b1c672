package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How busy a module is expected to be. */
public enum Load {
  LOW, MEDIUM, HIGH;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Load> fromWord(String word) {
    return Arrays.stream(values()).filter(l -> l.word().equals(word)).findFirst();
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(Load::word).toList();
  }
}
