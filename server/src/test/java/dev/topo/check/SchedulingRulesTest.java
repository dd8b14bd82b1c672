package dev.topo.check;

import static dev.topo.check.Checks.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Language 2's scheduling, as the rules that place a pod's containers on nodes see it: only
 * the nodes a pod's selectors match, requests rather than limits, and what a node has left
 * after running its own guests.
 */
class SchedulingRulesTest {
  /** A Linux and a Windows node, each with a runtime, 8 cpu and 16 GiB. */
  static final String MIXED = """
      host lin { os linux; runtime containerd; cpu 8; memory 16Gi }
      host win { os windows; runtime containerd; cpu 8; memory 16Gi }
      """;

  // ---- container-os-mismatch ----

  @Test
  void aMixedClusterWhosePodsSelectTheirOsIsClean() {
    String text = MIXED + """
        cluster k {
          nodes lin, win
          pod a { select os "linux"; container c { os linux; cpu 1; memory 1Gi } }
          pod b { select "kubernetes.io/os" "Windows"; container c { os windows; cpu 1; memory 1Gi } }
        }
        """;
    assertEquals(List.of(), messages(text, "container-os-mismatch"));
    assertEquals(List.of(), messages(text, "unschedulable-pod"));
  }

  @Test
  void aPodsContainerIsCheckedAgainstTheNodesItsPodSelectsOnly() {
    String text = MIXED + "cluster k { nodes lin, win; pod p { select os \"windows\"; container c { os linux } } }";
    assertEquals(List.of("container 'c' runs linux but its pod's selectors let cluster 'k' schedule it on host 'win'"
        + " (windows), whose kernel differs"), messages(text, "container-os-mismatch"));
  }

  @Test
  void aMacosContainerIsAMismatchWhereverItIs() {
    String message = "container 'c' runs macos, but no container runtime runs macOS containers";
    assertEquals(List.of(message), messages("host h { os macos; runtime docker; container c { os macos } }",
        "container-os-mismatch"));
    assertEquals(List.of(message), messages(MIXED + "cluster k { nodes lin; pod p { container c { os macos } } }",
        "container-os-mismatch"));
    assertEquals(List.of(message), messages("cluster k { pod p { container c { os macos } } }", "container-os-mismatch"));
  }

  // ---- unschedulable-pod ----

  @Test
  void aPodWhoseSelectorsMatchNoNodeSaysWhichLabelsTheNodesHave() {
    String text = """
        host a { os linux; arch arm64; label pool "web"; runtime containerd }
        host b { runtime containerd }
        cluster k { nodes a, b; pod p { select pool "gpu"; select os "linux" } }
        """;
    assertEquals(List.of("pod 'p' selects pool=gpu, os=linux, but no node of cluster 'k' has all those labels:"
        + " host 'a' has os=linux, arch=arm64, pool=web; host 'b' has no labels"), messages(text, "unschedulable-pod"));
    assertEquals(List.of("pod 'p' selects arch=x86_64, but no node of cluster 'k' has that label: host 'a' has"
        + " os=linux, arch=arm64, pool=web; host 'b' has no labels"),
        messages(text.replace("select pool \"gpu\"; select os \"linux\"", "select arch \"x86_64\""), "unschedulable-pod"));
  }

  @Test
  void aReplicaIsPlacedByItsRequestsNotItsLimits() {
    String pod = "cluster k { nodes lin; pod p { container c { os linux; cpu 12; cpu-request %s; memory 1Gi } } }";
    assertEquals(List.of(), messages(MIXED + pod.formatted("6"), "unschedulable-pod"));
    assertEquals(List.of("pod 'p' requests 10 cpu and 1 GiB per replica, but no node of cluster 'k' has both:"
        + " host 'lin' has 8 cpu and 16 GiB"), messages(MIXED + pod.formatted("10"), "unschedulable-pod"));
  }

  @Test
  void aNodeGivesAPodOnlyWhatItsOwnContainersAndVmsLeave() {
    String text = """
        host n { os linux; runtime containerd; cpu 8; memory 16Gi; hypervisor kvm
          container own { os linux; cpu 4; memory 2Gi }
          vm v { os linux; cpu 2; memory 4Gi }
        }
        cluster k { nodes n; pod p { container c { os linux; cpu %s; memory 10Gi } } }
        """;
    assertEquals(List.of(), messages(text.formatted("2"), "unschedulable-pod"));
    assertEquals(List.of("pod 'p' requests 3 cpu and 10 GiB per replica, but no node of cluster 'k' has both:"
        + " host 'n' has 2 cpu and 10 GiB left after what it runs itself"), messages(text.formatted("3"), "unschedulable-pod"));
  }

  @Test
  void onlyTheNodesAPodSelectsMustFitIt() {
    String text = MIXED.replace("host win { os windows; runtime containerd; cpu 8", "host win { os windows; runtime containerd; cpu 64")
        + "cluster k { nodes lin, win; pod p { %s container c { cpu 16 } } }";
    assertEquals(List.of(), messages(text.formatted(""), "unschedulable-pod"));
    assertEquals(List.of("pod 'p' requests 16 cpu and 0 B per replica, but no node of cluster 'k' that it selects has"
        + " both: host 'lin' has 8 cpu and 16 GiB"), messages(text.formatted("select os \"linux\";"), "unschedulable-pod"));
  }

  @Test
  void aPodWithNoReplicasIsLeftOut() {
    String text = MIXED + "cluster k { nodes lin; pod p { replicas 0; select pool \"none\"; container c { cpu 99 } } }";
    assertEquals(List.of(), messages(text, "unschedulable-pod"));
    assertEquals(List.of(), messages(text, "overcommit"));
  }

  // ---- overcommit ----

  @Test
  void aClustersRequestsAreComparedWithWhatItsNodesHaveFree() {
    String text = """
        host n { os linux; runtime containerd; cpu 8; memory 16Gi
          container own { os linux; cpu 6; memory 8Gi }
        }
        cluster k { nodes n; pod p { replicas 2; container c { os linux; cpu 4; cpu-request %s; memory 2Gi } } }
        """;
    assertEquals(List.of(), messages(text.formatted("1"), "overcommit"));
    assertEquals(List.of("the pods of cluster 'k', times their replicas, request 3 cpu where its nodes have 2 free of 8"),
        messages(text.formatted("1.5"), "overcommit"));
  }

  @Test
  void anAmountIsComparedOnlyWhenEveryNodeDeclaresIt() {
    String text = "host a { cpu 1 }\nhost b { memory 1Gi }\n"
        + "cluster k { nodes a, b; pod p { replicas 4; container c { cpu 1; memory 1Gi } } }";
    assertEquals(List.of(), messages(text, "overcommit"));
  }

  @Test
  void overcommitShowsTheExcessThatRoundingWouldHide() {
    assertEquals(List.of("host 'h' has 4 GiB of memory but its VMs and containers are given 4 GiB + 1 MiB"),
        messages("host h { memory 4Gi; hypervisor kvm; vm a { memory 2Gi } vm b { memory 2049Mi } }", "overcommit"));
    assertEquals(List.of("the pods of cluster 'k', times their replicas, request 4 GiB + 1 MiB of memory where its"
        + " nodes have 4 GiB"),
        messages("host n { memory 4Gi }\ncluster k { nodes n; pod p { container a { memory 2Gi } container b { memory 2049Mi } } }",
            "overcommit"));
    assertEquals(List.of("host 'h' has 4 cpu but its VMs and containers are given 4.0001"),
        messages("host h { cpu 4; hypervisor kvm; vm a { cpu 2 } vm b { cpu 2.0001 } }", "overcommit"));
  }

  // ---- missing-runtime ----

  @Test
  void aNodeWithoutARuntimeMattersOnlyToThePodsThatMayRunOnIt() {
    String text = """
        host apps { os linux; label pool "apps"; runtime containerd }
        host store { os linux }
        cluster k { nodes apps, store; pod web { %s container c { os linux } } pod idle { select pool "store" } }
        """;
    assertEquals(List.of(), messages(text.formatted("select pool \"apps\";"), "missing-runtime"));
    assertEquals(List.of("cluster 'k' may run pod 'web' on host 'store', which declares no container runtime"),
        messages(text.formatted(""), "missing-runtime"));
  }
}
