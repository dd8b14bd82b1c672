package dev.topo.check;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is, most serious first. */
public enum Severity {
  ERROR, WARNING, INFO;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> fromWord(String word) {
    for (Severity s : values()) {
      if (s.word().equals(word)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Whether this is at least as serious as the other. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
