package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Capacity lenses on hosts, VMs and clusters. */
class CodeLensesTest {
  static List<CodeLenses.Lens> lenses(Marked m) {
    return CodeLenses.of(m.snapshot(), Cancellation.NONE);
  }

  /** Each lens's title by the word it stands on. */
  static Map<String, String> titles(Marked m) {
    Map<String, String> titles = new LinkedHashMap<>();
    for (CodeLenses.Lens lens : lenses(m)) {
      titles.merge(m.text().substring(lens.span().start(), lens.span().end()), lens.title(), (a, b) -> a + " | " + b);
    }
    return titles;
  }

  @Test
  void aHostCountsWhatItsVmsAndContainersAreGivenAndAVmItsContainers() {
    Marked m = Marked.of("""
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
        "b", "cpu 0/2 · memory 0/4 GiB"), titles(m));
  }

  @Test
  void theLensStandsOnTheName() {
    Marked m = Marked.of("host web-01 { os linux; cpu 4; memory 8GiB }");
    CodeLenses.Lens lens = lenses(m).get(0);
    assertEquals(m.offsetOf("web-01"), lens.span().start());
    assertEquals(m.offsetOf(" {"), lens.span().end());
    assertEquals(Marked.MAIN, lens.span().source());
  }

  @Test
  void aClusterCountsPodsTimesReplicasAgainstTheSumOfItsNodes() {
    Marked m = Marked.of("""
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
    assertEquals("requests cpu 8.5/32 · memory 7.75/128 GiB", titles(m).get("shop"));
  }

  @Test
  void aClusterWhoseNodesRunGuestsOfTheirOwnCountsWhatTheyHaveFree() {
    Marked m = Marked.of("""
        host n1 {
          os linux; cpu 16; memory 64GiB; runtime containerd
          container own { os linux; image "o:1"; cpu 4; memory 16GiB }
        }
        cluster shop {
          nodes n1
          pod web {
            replicas 2
            container web { os linux; image "w:1"; cpu 2; cpu-request 1; memory 1GiB; memory-request 512Mi }
          }
        }
        """);
    assertEquals(Map.of("n1", "cpu 4/16 · memory 16/64 GiB", "shop", "requests cpu 2/12 free · memory 1/48 GiB free"),
        titles(m));
  }

  @Test
  void aResourceWhoseCapacityIsUnknownIsLeftOutAndWithNeitherThereIsNoLens() {
    Marked m = Marked.of("""
        host cpu-only { os linux; cpu 4; runtime docker }
        host memory-only { os linux; memory 512Mi }
        host nothing { os linux }
        cluster k {
          nodes cpu-only, memory-only
          pod p { container c { os linux; image "c:1"; cpu 1; memory 128Mi } }
        }
        """);
    assertEquals(Map.of("cpu-only", "cpu 0/4", "memory-only", "memory 0/512 MiB"), titles(m));
  }

  @Test
  void decimalUnitsAreShownInBinaryOnesAndHalfTypedTextStillGetsLenses() {
    assertEquals(Map.of("h", "cpu 0/2 · memory 0/59.6 GiB"), titles(Marked.of("host h { os linux; cpu 2; memory 64G }")));
    assertEquals(Map.of("h", "cpu 0/2"), titles(Marked.of("host h {\n  cpu 2\n  vm ")));
  }

  @Test
  void anImportedFilesEntitiesGetNoLensHere() {
    Marked m = Marked.of("import \"lib.topo\"\nhost h { os linux; cpu 2 }").with("lib.topo", "host n { os linux; cpu 4 }");
    assertEquals(Map.of("h", "cpu 0/2"), titles(m));
  }
}
