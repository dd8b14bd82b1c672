package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Operating-system families: a container can only run on a kernel of its own family. */
public enum OsFamily {
  LINUX, WINDOWS, MACOS, FREEBSD;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The family in a message: the word in English, the product's name in Korean ("Linux"). */
  public Message named() {
    return Message.of("os." + word());
  }

  public static Optional<OsFamily> fromWord(String word) {
    return Arrays.stream(values()).filter(f -> f.word().equals(word)).findFirst();
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(OsFamily::word).toList();
  }
}
