package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The totals a pod's replicas need, after its replicas line or its name. */
class InlayHintsTest {
  static final String CLUSTER = """
      host n1 { os linux; cpu 16; memory 64GiB; runtime containerd }
      cluster k {
        nodes n1
        pod web {
          replicas 3
          container web { os linux; image "w:1"; cpu 2; memory 1GiB }
        }
        pod batch {
          container job { os linux; image "j:1"; cpu 0.5; memory 768Mi }
        }
        pod idle { container x { os linux; image "x:1" } }
      }
      """;

  static List<InlayHints.Hint> hints(Marked m, int from, int to) {
    return InlayHints.between(m.snapshot(), from, to, Cancellation.NONE);
  }

  static List<InlayHints.Hint> all(Marked m) {
    return hints(m, 0, m.text().length());
  }

  /** Each hint with the line it stands in, cut where it stands: "  replicas 3| = 6 cpu · 3 GiB in all". */
  static List<String> shown(Marked m, List<InlayHints.Hint> hints) {
    return hints.stream().map(h -> {
      int lineStart = m.text().lastIndexOf('\n', h.offset() - 1) + 1;
      return m.text().substring(lineStart, h.offset()) + "| " + h.label();
    }).toList();
  }

  @Test
  void afterTheReplicasLineOrElseAfterThePodsName() {
    Marked m = Marked.of(CLUSTER);
    List<InlayHints.Hint> hints = all(m);
    assertEquals(List.of("    replicas 3| = 6 cpu · 3 GiB in all", "  pod batch| = 0.5 cpu · 768 MiB in all"), shown(m, hints));
    assertEquals("3 replicas of pod 'web', each requesting 2 cpu and 1 GiB (the sum of its containers' requests)",
        hints.get(0).tooltip());
    assertEquals("1 replica of pod 'batch', each requesting 0.5 cpu and 768 MiB (the sum of its containers' requests)",
        hints.get(1).tooltip());
  }

  @Test
  void onlyHintsWithinTheRequestedRangeBothEndsIncluded() {
    Marked m = Marked.of(CLUSTER);
    int batch = m.offsetOf("pod batch") + "pod batch".length();
    assertEquals(List.of("  pod batch| = 0.5 cpu · 768 MiB in all"), shown(m, hints(m, m.offsetOf("  }\n  pod batch"), batch)));
    assertEquals(List.of("  pod batch| = 0.5 cpu · 768 MiB in all"), shown(m, hints(m, batch, batch)));
    assertEquals(List.of(), hints(m, 0, m.offsetOf("  pod web")));
    assertEquals(List.of(), hints(m, batch + 1, m.text().length()));
  }

  @Test
  void aSemicolonAfterReplicasComesBeforeTheHintAndOnlyDeclaredResourcesAreCounted() {
    Marked m = Marked.of("cluster k {\n  pod p { replicas 2; container c { os linux; memory 1GiB } }\n}\n");
    assertEquals(List.of("  pod p { replicas 2;| = 2 GiB in all"), shown(m, all(m)));
  }

  @Test
  void requestsAreCountedAndARequestAloneIsDeclared() {
    Marked m = Marked.of("cluster k {\n  pod p { replicas 2; container c { os linux; cpu 2; cpu-request 0.5; memory-request 1GiB } }\n}\n");
    assertEquals(List.of("  pod p { replicas 2;| = 1 cpu · 2 GiB in all"), shown(m, all(m)));
  }

  @Test
  void anInvalidReplicaCountOrHalfTypedTextGivesNoHintAndNoException() {
    assertEquals(List.of(), all(Marked.of("cluster k { pod p { replicas 0\n container c { cpu 1 } } }")));
    Marked half = Marked.of("cluster k { pod p { container c { cpu 1 ");
    assertEquals(List.of("cluster k { pod p| = 1 cpu in all"), shown(half, all(half)));
    Marked pod = Marked.of("cluster k { pod ");
    assertEquals(List.of(), hints(pod, 30, 3));
  }
}
