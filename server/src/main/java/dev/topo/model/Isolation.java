package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a Windows container is isolated: sharing the host's kernel (process), or in a utility VM
 * with a kernel of its own (hyperv), which relaxes the rule that image and host builds match.
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
