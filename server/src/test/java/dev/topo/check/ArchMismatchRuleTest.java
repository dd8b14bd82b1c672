package dev.topo.check;

import static dev.topo.check.Checks.check;
import static dev.topo.check.Checks.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases of arch-mismatch that its sample does not show. */
class ArchMismatchRuleTest {
  private static final String RULE = "arch-mismatch";

  private static String host(String name, String arch, String more) {
    return "host " + name + " { os linux; " + (arch.isEmpty() ? "" : "arch " + arch + "; ") + "runtime containerd"
        + more + " }\n";
  }

  private static String container(String arch) {
    return "container api { os linux; arch " + arch + "; image \"api:1.0\"; cpu 1; memory 1Gi }";
  }

  @Test
  void aContainerOnAHostOfAnotherArchitectureSaysWhyItCannotStart() {
    assertEquals(List.of("container 'api' is built for amd64 but its host 'pi-01' runs arm64: its binaries cannot"
        + " execute there (exec format error)"), messages(host("pi-01", "arm64", "; " + container("amd64")), RULE));
  }

  @Test
  void aKernelRunsItsOwnArchitectureAndThe32BitOneOfItsFamilyOnly() {
    assertEquals(List.of(), messages(host("h", "amd64", "; " + container("386")), RULE));
    assertEquals(List.of(), messages(host("h", "arm64", "; " + container("arm")), RULE));
    assertEquals(List.of(), messages(host("h", "amd64", "; " + container("amd64")), RULE));
    assertEquals(1, messages(host("h", "386", "; " + container("amd64")), RULE).size());
    assertEquals(1, messages(host("h", "arm", "; " + container("arm64")), RULE).size());
    assertEquals(1, messages(host("h", "amd64", "; " + container("arm")), RULE).size());
  }

  @Test
  void aMultiArchImageFitsWhenOneOfItsArchitecturesDoesAndAliasesAreTheirNames() {
    assertEquals(List.of(), messages(host("h", "arm64", "; " + container("amd64, arm64")), RULE));
    assertEquals(List.of(), messages(host("h", "aarch64", "; " + container("arm64")), RULE));
    assertEquals(List.of(), messages(host("h", "amd64", "; " + container("x86_64")), RULE));
    assertEquals(List.of("container 'api' is built for amd64 and ppc64le but its host 'h' runs arm64: its binaries"
        + " cannot execute there (exec format error)"), messages(host("h", "arm64", "; " + container("amd64, ppc64le")),
        RULE));
  }

  @Test
  void nothingIsCheckedAgainstAHostWithoutArchNorForAContainerWithoutIt() {
    assertEquals(List.of(), messages(host("h", "", "; " + container("s390x")), RULE));
    assertEquals(List.of(), messages(host("h", "arm64", "; container api { os linux; image \"api:1.0\" }"), RULE));
  }

  @Test
  void aVmWithoutArchHasItsHostsAndTheNoteSaysWhereItComesFrom() {
    String text = "host h { os linux; arch arm64; hypervisor kvm\n  vm v { os linux; runtime containerd; "
        + container("amd64") + " } }";
    List<Finding> findings = check(text).stream().filter(f -> f.rule().id().equals(RULE)).toList();
    assertEquals(List.of("container 'api' is built for amd64 but its vm 'v' runs arm64: its binaries cannot execute"
        + " there (exec format error)"), findings.stream().map(Finding::message).toList());
    assertEquals("vm 'v' runs arm64, the architecture of its host 'h'", findings.get(0).related().get(0).message());
    assertEquals(text.indexOf("arch arm64"), findings.get(0).related().get(0).span().start());
  }

  @Test
  void aVmOfAnotherArchitectureNeedsAnEmulatingHypervisor() {
    String vm = "host h { os linux; arch amd64; hypervisor %s; vm v { os linux; arch arm64 } }";
    List<Finding> findings = check(vm.formatted("kvm")).stream().filter(f -> f.rule().id().equals(RULE)).toList();
    assertEquals(List.of("vm 'v' is arm64 but its host 'h' runs amd64: a hypervisor lends its guests the host's CPU;"
        + " only an emulator (qemu) runs another architecture"), findings.stream().map(Finding::message).toList());
    assertEquals(vm.formatted("kvm").indexOf("arch arm64"), findings.get(0).span().start());
    assertEquals("host 'h' runs amd64", findings.get(0).related().get(0).message());
    assertEquals(List.of(), messages(vm.formatted("qemu"), RULE));
    assertEquals(List.of(), messages(vm.formatted("qemu \"8.2.0\""), RULE));
    assertEquals(List.of(), messages("host h { os linux; hypervisor kvm; vm v { os linux; arch arm64 } }", RULE));
  }

  @Test
  void aVmCountsEvenTheCompatibleArchitecturesAsDifferent() {
    assertEquals(1, messages("host h { os linux; arch amd64; hypervisor kvm; vm v { os linux; arch 386 } }", RULE)
        .size());
  }

  @Test
  void aPodsContainerIsCheckedAgainstItsEligibleNodesInOneFinding() {
    String nodes = host("a1", "amd64", "") + host("r1", "arm64", "") + host("r2", "aarch64", "") + host("x", "", "");
    String pod = "cluster k { nodes a1, r1, r2, x; pod p { %s" + container("amd64") + " } }";
    List<Finding> findings = check(nodes + pod.formatted("")).stream().filter(f -> f.rule().id().equals(RULE)).toList();
    assertEquals(List.of("container 'api' is built for amd64 but cluster 'k' may schedule it on host 'r1' (arm64) and"
        + " host 'r2' (arm64): its binaries cannot execute there (exec format error)"),
        findings.stream().map(Finding::message).toList());
    assertEquals(List.of("host 'r1' runs arm64", "host 'r2' runs arm64"),
        findings.get(0).related().stream().map(r -> r.message()).toList());
    assertEquals(List.of(), messages(nodes + pod.formatted("select arch \"amd64\"; "), RULE));
    assertEquals(List.of(), messages(nodes + pod.formatted("select \"kubernetes.io/arch\" \"x86_64\"; "), RULE));
  }

  @Test
  void aPodWhoseSelectorsMatchNoNodeIsNotThisRulesConcern() {
    String text = host("r1", "arm64", "") + "cluster k { nodes r1; pod p { select arch \"amd64\"; "
        + container("amd64") + " } }";
    assertEquals(List.of(), messages(text, RULE));
  }
}
