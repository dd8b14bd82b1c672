package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Capacity lenses on hosts, VMs and clusters. */
class CodeLensFeatureTest {
  static List<CodeLens> lenses(Fixture f) {
    return CodeLensFeature.codeLenses(f.snapshot(), Cancellation.NONE);
  }

  /** Each lens by the word it stands on. */
  static Map<String, String> titles(Fixture f) {
    String[] lines = f.text().split("\n", -1);
    return lenses(f).stream().collect(Collectors.toMap(
        l -> lines[l.getRange().getStart().getLine()].substring(l.getRange().getStart().getCharacter(),
            l.getRange().getEnd().getCharacter()),
        l -> l.getCommand().getTitle(), (a, b) -> a + " | " + b, java.util.LinkedHashMap::new));
  }

  @Test
  void aHostCountsWhatItsVmsAndContainersAreGivenAndAVmItsContainers() {
    Fixture f = Fixture.of("""
        host metal {
          os linux; cpu 16; memory 64GiB; hypervisor kvm; runtime docker
          vm a {
            os linux; cpu 8; memory 32GiB; runtime docker
            container c { os linux; image "c:1"; cpu 2; memory 512Mi }
          }
          vm b { os linux; cpu 2; memory 4GiB }
          container d { os linux; image "d:1"; cpu 2; memory 4GiB }
        }
        """);
    assertEquals(Map.of(
        "metal", "cpu 12/16 · memory 40/64 GiB",
        "a", "cpu 2/8 · memory 0.5/32 GiB",
        "b", "cpu 0/2 · memory 0/4 GiB"), titles(f));
  }

  @Test
  void theLensStandsOnTheNameAndIsOnlyALabel() {
    Fixture f = Fixture.of("host web-01 { os linux; cpu 4; memory 8GiB }");
    CodeLens lens = lenses(f).get(0);
    assertEquals(new Range(new Position(0, 5), new Position(0, 11)), lens.getRange());
    assertEquals("", lens.getCommand().getCommand()); // nothing runs when it is clicked
  }

  @Test
  void aClusterCountsPodsTimesReplicasAgainstTheSumOfItsNodes() {
    Fixture f = Fixture.of("""
        host n1 { os linux; cpu 16; memory 64GiB; runtime containerd }
        host n2 { os linux; cpu 16; memory 64GiB; runtime containerd }
        cluster shop {
          nodes n1, n2
          pod web {
            replicas 3
            container web { os linux; image "w:1"; cpu 1; memory 1GiB }
            container sidecar { os linux; image "s:1"; cpu 0.5; memory 256Mi }
          }
          pod api {
            replicas 2
            container api { os linux; image "a:1"; cpu 2; memory 2GiB }
          }
        }
        """);
    assertEquals("cpu 8.5/32 · memory 7.75/128 GiB", titles(f).get("shop"));
  }

  @Test
  void aResourceWhoseCapacityIsUnknownIsLeftOutAndWithNeitherThereIsNoLens() {
    Fixture f = Fixture.of("""
        host cpu-only { os linux; cpu 4; runtime docker }
        host memory-only { os linux; memory 512Mi }
        host nothing { os linux }
        cluster k {
          nodes cpu-only, memory-only
          pod p { container c { os linux; image "c:1"; cpu 1; memory 128Mi } }
        }
        """);
    assertEquals(Map.of("cpu-only", "cpu 0/4", "memory-only", "memory 0/512 MiB"), titles(f));
  }

  @Test
  void decimalUnitsAreShownInBinaryOnesAndHalfTypedTextStillGetsLenses() {
    assertEquals(Map.of("h", "cpu 0/2 · memory 0/59.6 GiB"), titles(Fixture.of("host h { os linux; cpu 2; memory 64G }")));
    assertEquals(Map.of("h", "cpu 0/2"), titles(Fixture.of("host h {\n  cpu 2\n  vm ")));
  }
}
