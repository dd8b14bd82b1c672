package dev.topo.model;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code label KEY "VALUE"} on a node, or {@code select KEY "VALUE"} on a pod.
 *
 * @param key as written, unquoted
 * @param value as written, unquoted
 */
public record Label(Name key, Name value) {
  /** The labels every node has without declaring them, as Kubernetes gives them. */
  public enum BuiltIn {
    OS, ARCH;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The built-in key a key names: {@code os} or {@code kubernetes.io/os}, in any case. */
    public static Optional<BuiltIn> of(String key) {
      String k = key.toLowerCase(Locale.ROOT);
      if (k.startsWith("kubernetes.io/")) {
        k = k.substring("kubernetes.io/".length());
      }
      for (BuiltIn b : values()) {
        if (b.word().equals(k)) {
          return Optional.of(b);
        }
      }
      return Optional.empty();
    }
  }

  public Optional<BuiltIn> builtIn() {
    return BuiltIn.of(key.text());
  }
}
