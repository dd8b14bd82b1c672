package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** CPU architectures, by the names Go and OCI image platforms use. */
public enum Arch {
  AMD64("amd64"), ARM64("arm64"), ARM("arm"), I386("386"), PPC64LE("ppc64le"), S390X("s390x"), RISCV64("riscv64");

  private final String word;

  Arch(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** The architecture a word names, aliases ({@code x86_64}, {@code aarch64}) and case aside. */
  public static Optional<Arch> fromWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    String canonical = switch (w) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> w;
    };
    return Arrays.stream(values()).filter(a -> a.word.equals(canonical)).findFirst();
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(Arch::word).toList();
  }

  /** Whether a kernel of this architecture runs binaries of that one: its own, and 32-bit x86 and arm on their 64-bit kin. */
  public boolean runs(Arch binary) {
    return binary == this || (this == AMD64 && binary == I386) || (this == ARM64 && binary == ARM);
  }
}
