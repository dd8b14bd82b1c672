package dev.topo.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * CPU architectures, named as container images name their platforms (Go's GOARCH, which the
 * OCI image index uses). The kernel's own names {@code x86_64} and {@code aarch64} are
 * accepted for {@code amd64} and {@code arm64}.
 */
public enum Arch {
  AMD64("amd64", "x86_64"),
  ARM64("arm64", "aarch64"),
  ARM("arm"),
  I386("386"),
  PPC64LE("ppc64le"),
  S390X("s390x"),
  RISCV64("riscv64");

  private final String word;
  private final List<String> aliases;

  private static final String SOURCE_NAMES = "OCI Image Index specification, `platform.architecture` (Go's GOARCH names)";
  private static final String SOURCE_COMPAT = SOURCE_NAMES + "; the CPU also executes the 32-bit instruction set";

  Arch(String word, String... aliases) {
    this.word = word;
    this.aliases = List.of(aliases);
  }

  public String word() {
    return word;
  }

  /** The other spellings that mean this architecture. */
  public List<String> aliases() {
    return aliases;
  }

  /** The architecture a word names, ignoring case and accepting the kernel's names. */
  public static Optional<Arch> fromWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(a -> a.word.equals(lower) || a.aliases.contains(lower)).findFirst();
  }

  /** The canonical names, one per architecture. */
  public static List<String> words() {
    return Arrays.stream(values()).map(Arch::word).toList();
  }

  /**
   * Whether a kernel of this architecture runs a container built for {@code container}: its
   * own, and the 32-bit architecture its CPUs still execute ({@code 386} on {@code amd64},
   * {@code arm} on {@code arm64}).
   */
  public boolean runs(Arch container) {
    return container == this || container == thirtyTwoBit();
  }

  /** The 32-bit architecture whose code this one's CPUs execute; itself when there is none. */
  private Arch thirtyTwoBit() {
    return switch (this) {
      case AMD64 -> I386;
      case ARM64 -> ARM;
      default -> this;
    };
  }

  /** The table of architectures for the docs, generated from this enum. */
  public static String markdown() {
    StringBuilder out = new StringBuilder("| architecture | also written | a kernel of it runs | source |\n"
        + "| --- | --- | --- | --- |\n");
    for (Arch arch : values()) {
      String runs = Arrays.stream(values()).filter(arch::runs).map(a -> "`" + a.word + "`")
          .collect(Collectors.joining(", "));
      String also = arch.aliases.stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
      out.append("| `").append(arch.word).append("` | ").append(also).append(" | ").append(runs).append(" | ")
          .append(arch.thirtyTwoBit() == arch ? SOURCE_NAMES : SOURCE_COMPAT).append(" |\n");
    }
    return out.toString();
  }
}
