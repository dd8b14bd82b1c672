package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a Windows container is isolated: {@code process} shares the host's kernel, so its build
 * must be the host's; {@code hyperv} gives it a kernel of its own in a utility VM, which can run
 * any build up to the host's.
 */
public enum Isolation {
  PROCESS, HYPERV;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Isolation> fromWord(String word) {
    return Arrays.stream(values()).filter(i -> i.word().equals(word)).findFirst();
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(Isolation::word).toList();
  }
}
