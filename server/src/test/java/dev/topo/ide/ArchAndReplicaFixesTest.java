package dev.topo.ide;

import static dev.topo.ide.CodeActionsTest.applied;
import static dev.topo.ide.CodeActionsTest.rulesOf;
import static dev.topo.ide.CodeActionsTest.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The repairs of arch-mismatch (a pod selects nodes its images run on) and single-replica (two replicas). */
class ArchAndReplicaFixesTest {
  private static final String NODES = """
      host amd { os linux; arch amd64; runtime containerd }
      host arm { os linux; arch arm64; runtime containerd }
      """;

  @Test
  void aPodSelectsTheArchitectureOfItsNodesThatRunsItsImages() {
    Marked f = Marked.of(NODES + """
        cluster k {
          nodes arm, amd
          pod p {
            replicas 2
            container c { os linux; arch 3|86; image "c:1"; cpu 1; memory 1Gi }
          }
        }
        """);
    String fixed = applied(f, "Run pod 'p' only on amd64 nodes ('select arch \"amd64\"')");
    assertEquals(f.text().replace("    replicas 2\n", "    replicas 2\n    select arch \"amd64\"\n"), fixed);
    assertEquals(List.of(), rulesOf(fixed));
  }

  @Test
  void noArchitectureRunsEveryImageOfThePodOrTheNodesOfTheImageAreNotEligible() {
    String pod = NODES + """
        cluster k {
          nodes amd, arm
          pod p { %s
            container c { os linux; arch amd|64; image "c:1"; cpu 1; memory 1Gi }
            container d { os linux; arch %s; image "d:1"; cpu 1; memory 1Gi }
          }
        }
        """;
    List<String> suppressOnly = List.of("Suppress 'arch-mismatch' with topo-ignore");
    assertEquals(suppressOnly, titles(Marked.of(pod.formatted("", "arm64"))));
    assertEquals(suppressOnly, titles(Marked.of(pod.formatted("select arch \"arm64\"", "arm64, amd64"))));
    assertEquals(List.of("Run pod 'p' only on amd64 nodes ('select arch \"amd64\"')", suppressOnly.get(0)),
        titles(Marked.of(pod.formatted("", "arm64, amd64"))));
  }

  @Test
  void aContainerOnAHostHasNoRepair() {
    Marked f = Marked.of("host h { os linux; arch arm64; runtime containerd; container c { os linux; arch a|md64 } }");
    assertEquals(List.of("Suppress 'arch-mismatch' with topo-ignore"), titles(f));
  }

  @Test
  void oneReplicaBecomesTwo() {
    Marked f = Marked.of(NODES + """
        cluster k {
          nodes amd
          pod p {
            replicas |1
            container c { os linux; image "c:1"; cpu 1; memory 1Gi; module m { load high } }
          }
        }
        """);
    String fixed = applied(f, "Run 2 replicas of pod 'p'");
    assertEquals(f.text().replace("replicas 1", "replicas 2"), fixed);
    assertEquals(List.of(), rulesOf(fixed));
  }

  @Test
  void aPodWithoutReplicasGetsTwo() {
    Marked f = Marked.of(NODES + """
        cluster k {
          nodes amd
          pod |p {
            container c { os linux; image "c:1"; cpu 1; memory 1Gi; module m { load high } }
          }
        }
        """);
    assertEquals(f.text().replace("  pod p {\n", "  pod p {\n    replicas 2\n"), applied(f, "Run 2 replicas of pod 'p'"));
  }
}
