package dev.topo.check;

import static dev.topo.check.Checks.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules that check a machine's platform facts (Windows build, Linux kernel, cgroup
 * version) against what runs on it: windows-build-mismatch, kernel-too-old and
 * jvm-cgroup-blind, beyond what their samples show.
 */
class PlatformRulesTest {
  @Nested
  class WindowsBuildMismatch {
    private static final String RULE = "windows-build-mismatch";

    private List<String> found(String hostOs, String container) {
      return messages("host h { os windows \"" + hostOs + "\"; runtime docker; container c { os windows; cpu 1; memory 1GiB; "
          + container + " } }", RULE);
    }

    @Test
    void theIssuesExampleSaysBothBuildsWhereTheContainersCameFromAndTheWayOut() {
      assertEquals(List.of("container 'c' is built for Windows Server 2019 (build 17763, from its image tag) but its "
          + "host 'h' runs Windows Server 2022 (build 20348): process isolation (the default on Windows Server) needs "
          + "the same build; use an ltsc2022 image or isolation hyperv"),
          found("server 2022", "image \"mcr.microsoft.com/windows/servercore:ltsc2019\""));
    }

    @Test
    void windows11RunsServer2022ImagesInProcessIsolationButWindows10DoesNot() {
      String image = "image \"mcr.microsoft.com/windows/servercore:ltsc2022\"; isolation process";
      assertEquals(List.of(), found("windows 11 21H2", image));
      assertEquals(List.of(), found("windows 11 24H2", image));
      assertEquals(List.of("container 'c' is built for Windows Server 2022 (build 20348, from its image tag) but its "
          + "host 'h' runs Windows 10 22H2 (build 19045): process isolation (declared) needs the same build; run it "
          + "on a host of build 20348"), found("windows 10 22H2", image));
    }

    @Test
    void hyperVRunsOlderBuildsNotNewerOnes() {
      assertEquals(List.of(), found("server 2022", "image \"app:1.0-ltsc2016\"; isolation hyperv"));
      assertEquals(List.of(), found("windows 10 22H2", "image \"app:1.0-ltsc2019\""));
      assertEquals(List.of("container 'c' is built for Windows Server 2022 (build 20348, from its image tag) but its "
          + "host 'h' runs Windows 10 22H2 (build 19045): Hyper-V isolation (the default on Windows 10) runs no build "
          + "newer than the host's; use an ltsc2019 image"), found("windows 10 22H2", "image \"app:1.0-ltsc2022\""));
    }

    @Test
    void theReleaseOfTheContainerComesBeforeItsImageTag() {
      assertEquals(List.of("container 'c' is built for Windows Server 2022 (build 20348, from its release "
          + "\"ltsc2022\") but its host 'h' runs Windows Server 2019 (build 17763): process isolation (the default on "
          + "Windows Server) needs the same build; use an ltsc2019 image"),
          messages("host h { os windows \"server 2019\"; runtime docker; container c { os windows \"ltsc2022\"; "
              + "image \"app:1.0-ltsc2019\"; cpu 1; memory 1GiB } }", RULE));
    }

    @Test
    void unknownBuildsAndOtherFamiliesAreNotChecked() {
      assertEquals(List.of(), found("server", "image \"app:ltsc2019\""));
      assertEquals(List.of(), found("server 2022", "image \"app:1.0\""));
      assertEquals(List.of(), messages("host h { os windows \"server 2022\"; runtime docker; container c { os linux; "
          + "image \"app:ltsc2019\"; cpu 1; memory 1GiB } }", RULE));
      assertEquals(List.of(), messages("host h { os linux \"ubuntu 22.04\"; runtime docker; container c { os windows; "
          + "image \"app:ltsc2019\"; cpu 1; memory 1GiB } }", RULE));
    }

    @Test
    void aContainerInAVmRunsOnTheVmsKernel() {
      assertEquals(List.of(), messages("host h { os windows \"server 2022\"; hypervisor hyper-v; vm v { "
          + "os windows \"server 2019\"; runtime docker; container c { os windows; image \"app:ltsc2019\"; cpu 1; "
          + "memory 1GiB } } }", RULE));
    }

    @Test
    void aPodIsCheckedAgainstItsEligibleNodesInOneFinding() {
      String nodes = """
          host a { os windows "server 2022"; runtime containerd; label pool "new" }
          host b { os windows "server 2025"; runtime containerd; label pool "new" }
          host c { os windows "server 2019"; runtime containerd; label pool "old" }
          """;
      String cluster = nodes + """
          cluster k {
            nodes a, b, c
            pod p { %s container app { os windows; image "app:1-ltsc2019"; cpu 1; memory 1GiB } }
          }
          """;
      assertEquals(List.of("container 'app' is built for Windows Server 2019 (build 17763, from its image tag) but "
          + "cluster 'k' may schedule it on host 'a' (build 20348) and host 'b' (build 26100): process isolation (the "
          + "default on Windows Server) needs the same build; select only the nodes that run "
          + "it"), messages(cluster.formatted(""), RULE));
      assertEquals(List.of(), messages(cluster.formatted("select pool \"old\""), RULE));
      assertEquals(List.of("container 'app' is built for Windows Server 2019 (build 17763, from its image tag) but "
          + "cluster 'k' may schedule it on host 'a' (build 20348) and host 'b' (build 26100): process isolation (the "
          + "default on Windows Server) needs the same build; run it on nodes of build 17763"),
          messages(cluster.formatted("select pool \"new\""), RULE));
      String newer = cluster.replace("ltsc2019", "ltsc2025");
      assertEquals(List.of("container 'app' is built for Windows Server 2025 / Windows 11 24H2 (build 26100, from its "
          + "image tag) but cluster 'k' may schedule it on host 'a' (build 20348): process isolation (the default on "
          + "Windows Server) needs the same build; select only the nodes that run it"),
          messages(newer.formatted("select pool \"new\""), RULE));
      assertEquals(List.of("container 'app' is built for Windows Server 2025 / Windows 11 24H2 (build 26100, from its "
          + "image tag) but cluster 'k' may schedule it on host 'c' (build 17763): process isolation (the default on "
          + "Windows Server) needs the same build; use an ltsc2019 image"),
          messages(newer.formatted("select pool \"old\""), RULE));
      assertEquals(List.of("container 'app' is built for Windows Server 2025 / Windows 11 24H2 (build 26100, from its "
          + "image tag) but cluster 'k' may schedule it on host 'a' (build 20348) and host 'c' (build 17763): process "
          + "isolation (the default on Windows Server) needs the same build; run it on nodes of build 26100"),
          messages(newer.replace("nodes a, b, c", "nodes a, c").formatted(""), RULE));
    }
  }

  @Nested
  class KernelTooOld {
    private static final String RULE = "kernel-too-old";

    @Test
    void aClusterNodeWithoutARuntimeIsCheckedToo() {
      assertEquals(List.of("host 'n' is a node of cluster 'k' and cluster 'l', but its Linux kernel 2.6.32 (CentOS 6 "
          + "ships kernel 2.6.32) is older than 3.10, the oldest that container runtimes support"),
          messages("host n { os linux \"centos 6.10\" }\ncluster k { nodes n }\ncluster l { nodes n }", RULE));
    }

    @Test
    void theFindingIsWhereTheKernelComesFromWithNotesWhereItMatters() {
      String text = "host n {\n  os linux \"rhel 6.10\"\n  runtime docker \"1.7\"\n}\ncluster k {\n  nodes n\n}\n";
      Finding f = Checks.check(text).stream().filter(x -> x.rule().id().equals(RULE)).findFirst().orElseThrow();
      assertEquals("os linux \"rhel 6.10\"", text.substring(f.span().start(), f.span().end()));
      assertEquals(List.of("runtime docker \"1.7\"", "n"),
          f.related().stream().map(r -> text.substring(r.span().start(), r.span().end())).toList());
      String declared = text.replace("runtime", "kernel \"2.6.32\"\n  runtime");
      Finding g = Checks.check(declared).stream().filter(x -> x.rule().id().equals(RULE)).findFirst().orElseThrow();
      assertEquals("kernel \"2.6.32\"", declared.substring(g.span().start(), g.span().end()));
    }

    @Test
    void aDeclaredKernelOverridesTheRelease() {
      assertEquals(List.of(), messages("host n { os linux \"centos 6.10\"; kernel \"4.4.0\"; runtime docker }", RULE));
      assertEquals(List.of("host 'n' runs a container runtime, but its Linux kernel 3.2.0 (declared) is older than "
          + "3.10, the oldest that container runtimes support"),
          messages("host n { os linux \"ubuntu 22.04\"; kernel \"3.2.0\"; runtime docker }", RULE));
    }

    @Test
    void onlyTheNumbersOfAKernelCount() {
      assertEquals(List.of(), messages("host n { os linux; kernel \"3.10.0-1160.el7.x86_64\"; runtime docker }", RULE));
      assertEquals(List.of(), messages("host n { os linux; kernel \"3.10\"; runtime docker }", RULE));
      assertEquals(1, messages("host n { os linux; kernel \"3.9.11\"; runtime docker }", RULE).size());
    }

    @Test
    void unknownKernelsMachinesWithoutContainersAndOtherSystemsAreNotChecked() {
      assertEquals(List.of(), messages("host n { os linux \"gentoo\"; runtime docker }", RULE));
      assertEquals(List.of(), messages("host n { os linux \"centos 6.10\" }", RULE));
      assertEquals(List.of(), messages("host n { os windows \"server 2022\"; kernel \"2.6.32\"; runtime docker }", RULE));
    }
  }

  @Nested
  class JvmCgroupBlind {
    private static final String RULE = "jvm-cgroup-blind";

    private List<String> found(String host, String container) {
      return messages("host h { " + host + "; runtime containerd; container c { os linux; image \"c:1\"; cpu 1; "
          + container + " } }", RULE);
    }

    @Test
    void aDeclaredCgroupVersionOverridesTheRelease() {
      assertEquals(List.of("container 'c' has a memory limit and its host 'h' uses cgroup v2; its JDK 1.8.0_292 reads "
          + "cgroup v1 limits but not cgroup v2 limits (from 8u372), so it sizes its heap from the host's memory and is "
          + "OOM-killed at the limit: upgrade it to a release that reads cgroup v2 limits, or set -XX:MaxRAMPercentage "
          + "or -Xmx explicitly"), found("os linux \"centos 7\"; cgroup v2", "memory 1GiB; library openjdk \"1.8.0_292\""));
      assertEquals(List.of(), found("os linux \"rhel 9\"; cgroup v1", "memory 1GiB; library openjdk \"1.8.0_292\""));
    }

    @Test
    void everyJvmNameCountsAndOthersDoNot() {
      String host = "os linux \"debian 12\"";
      assertEquals(1, found(host, "memory 1GiB; library Corretto \"11.0.15\"").size());
      assertEquals(1, found(host, "memory 1GiB; library jre \"1.8.0_292\"").size());
      assertEquals(List.of(), found(host, "memory 1GiB; library graalvm \"11.0.15\""));
    }

    @Test
    void withoutALimitAReadableVersionOrAKnownCgroupThereIsNothingToCheck() {
      assertEquals(List.of(), found("os linux \"debian 12\"", "library openjdk \"11.0.15\""));
      assertEquals(List.of(), found("os linux \"debian 12\"", "memory 1GiB; library zulu \"11.56.19\""));
      assertEquals(List.of(), found("os linux \"gentoo\"", "memory 1GiB; library openjdk \"11.0.15\""));
      assertEquals(List.of(), found("os linux", "memory 1GiB; library openjdk \"11.0.15\""));
    }

    @Test
    void aPodOnNodesOfBothVersionsNamesEveryNodeThatBlindsIt() {
      String text = """
          host a { os linux "rhel 8"; runtime containerd }
          host b { os linux "rhel 9"; runtime containerd }
          cluster k {
            nodes a, b
            pod p { container c { os linux; image "c:1"; cpu 1; memory 1GiB; library java "1.8.0_181" } }
          }
          """;
      assertEquals(List.of("container 'c' has a memory limit and cluster 'k' may schedule it on host 'a' (cgroup v1) and "
          + "host 'b' (cgroup v2); its JDK 1.8.0_181 reads neither cgroup v1 limits (from 8u191) nor cgroup v2 limits "
          + "(from 8u372), so it sizes its heap from the host's memory and is OOM-killed at the limit: upgrade it to a "
          + "release that reads cgroup v2 limits, or set -XX:MaxRAMPercentage or -Xmx explicitly"), messages(text, RULE));
    }

    @Test
    void theFindingIsOnTheLibraryWithNotesWhereTheCgroupVersionComesFrom() {
      String text = "host h {\n  os linux \"ubuntu 24.04\"\n  runtime containerd\n  container c {\n    os linux\n"
          + "    image \"c:1\"\n    cpu 1\n    memory 1GiB\n    library openjdk \"11.0.2\"\n  }\n}\n";
      Finding f = Checks.check(text).stream().filter(x -> x.rule().id().equals(RULE)).findFirst().orElseThrow();
      assertEquals("library openjdk \"11.0.2\"", text.substring(f.span().start(), f.span().end()));
      assertEquals(List.of("os linux \"ubuntu 24.04\""),
          f.related().stream().map(r -> text.substring(r.span().start(), r.span().end())).toList());
    }
  }
}
