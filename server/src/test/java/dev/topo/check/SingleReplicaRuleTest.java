package dev.topo.check;

import static dev.topo.check.Checks.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases of single-replica that its sample does not show. */
class SingleReplicaRuleTest {
  private static final String RULE = "single-replica";

  private static String pod(String replicas, String modules) {
    return "host n { os linux; runtime containerd }\ncluster k { nodes n; pod p { " + replicas
        + " container c { os linux; image \"c:1\"; cpu 1; memory 1Gi; " + modules + " } } }";
  }

  @Test
  void everyBusyModuleOfThePodIsNamed() {
    assertEquals(List.of("pod 'p' runs one replica (replicas 1) but its module 'a' and module 'b' have load high:"
        + " no second copy to take load or survive a node loss"),
        messages(pod("replicas 1;", "module a { load high } module b { load high } module q { load medium }"), RULE));
  }

  @Test
  void aPodWithoutReplicasHasOne() {
    assertEquals(List.of("pod 'p' runs one replica (no replicas given) but its module 'a' has load high: no second"
        + " copy to take load or survive a node loss"), messages(pod("", "module a { load high }"), RULE));
  }

  @Test
  void moreReplicasAnInvalidCountOrNoBusyModuleAreNotReported() {
    assertEquals(List.of(), messages(pod("replicas 2;", "module a { load high }"), RULE));
    assertEquals(List.of(), messages(pod("replicas 0;", "module a { load high }"), RULE));
    assertEquals(List.of(), messages(pod("replicas 1;", "module a { load medium }"), RULE));
    assertEquals(List.of(), messages(pod("", ""), RULE));
  }
}
