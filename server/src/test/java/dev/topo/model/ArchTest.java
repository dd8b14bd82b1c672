package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchTest {
  @Test
  void theCanonicalWordsAreTheSevenOfTheSpecification() {
    assertEquals(List.of("amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64"), Arch.words());
  }

  @ParameterizedTest
  @CsvSource({"amd64, AMD64", "x86_64, AMD64", "X86_64, AMD64", "AMD64, AMD64", "arm64, ARM64", "aarch64, ARM64",
      "AArch64, ARM64", "arm, ARM", "386, I386", "ppc64le, PPC64LE", "s390x, S390X", "riscv64, RISCV64"})
  void readsEachWordAndAliasIgnoringCase(String word, Arch arch) {
    assertEquals(Optional.of(arch), Arch.fromWord(word));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x64", "i386", "x86", "armv7", "arm32", "mips", "amd 64"})
  void otherWordsAreNoArchitecture(String word) {
    assertEquals(Optional.empty(), Arch.fromWord(word));
  }

  /** Every pair: a kernel runs its own architecture and the 32-bit one its CPU executes, nothing else. */
  @Test
  void aKernelRunsItsOwnArchitectureAndItsThirtyTwoBitPredecessor() {
    Set<List<Arch>> compatible = Set.of(List.of(Arch.AMD64, Arch.I386), List.of(Arch.ARM64, Arch.ARM));
    for (Arch kernel : Arch.values()) {
      for (Arch container : Arch.values()) {
        boolean expected = kernel == container || compatible.contains(List.of(kernel, container));
        assertEquals(expected, kernel.runs(container), kernel.word() + " running " + container.word());
      }
    }
    assertTrue(Arch.AMD64.runs(Arch.I386));
    assertFalse(Arch.I386.runs(Arch.AMD64));
    assertFalse(Arch.ARM64.runs(Arch.AMD64));
  }
}
