package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failures real systems hit that language 1 passed in silence (issue 11's "Why"): each
 * gets the right finding now, and a design that does the right thing gets none.
 */
class PracticeExamplesTest {

  private static List<String> rules(String text) {
    return Checks.check(text).stream().map(f -> f.rule().id()).sorted().toList();
  }

  @Test
  void aServer2022HostCannotStartAnLtsc2019ImageInProcessIsolation() {
    String host = """
        host win-01 {
          os windows "server 2022"; cpu 8; memory 32GiB; runtime containerd "1.7"
          container legacy {
            os windows; cpu 1; memory 2GiB
            image "mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019"
            ISOLATION
          }
        }
        """;
    assertEquals(List.of("windows-build-mismatch"), rules(host.replace("ISOLATION", "")));
    assertEquals(List.of("windows-build-mismatch"), rules(host.replace("ISOLATION", "isolation process")));
    assertEquals(List.of(), rules(host.replace("ISOLATION", "isolation hyperv")), "Hyper-V runs older builds");
    assertEquals(List.of("windows-build-mismatch"), rules(host.replace("server 2022", "server 2019")
        .replace("ltsc2019", "ltsc2022").replace("ISOLATION", "isolation hyperv")), "but not newer ones");
  }

  @Test
  void anAmd64OnlyImageOnArm64NodesCannotExecute() {
    assertEquals(List.of("arch-mismatch"), rules("""
        host pi-01 { os linux "ubuntu 22.04"; arch arm64; cpu 4; memory 8GiB; runtime containerd "1.7" }
        cluster edge {
          nodes pi-01
          pod api { replicas 2; container api { os linux; arch amd64; image "registry.example.com/api:1.0.0"; cpu 1; memory 1GiB } }
        }
        """));
  }

  @Test
  void anOldJvmWithAMemoryLimitOnACgroupV2HostIsBlindToIt() {
    String host = """
        host app-01 {
          os linux "rhel 9.3"; cpu 8; memory 32GiB; runtime podman "4.9"
          container billing {
            os linux; image "registry.example.com/billing:3.1.0"; cpu 1; memory 2GiB
            library openjdk "VERSION"
          }
        }
        """;
    assertEquals(List.of("jvm-cgroup-blind"), rules(host.replace("VERSION", "1.8.0_292")));
    assertEquals(List.of(), rules(host.replace("VERSION", "1.8.0_372")));
    assertEquals(List.of(), rules(host.replace("VERSION", "17.0.9+9")), "what java -version prints is a version");
    assertEquals(List.of(), rules(host.replace("rhel 9.3", "rhel 7.9").replace("VERSION", "1.8.0_292")),
        "RHEL 7 mounts cgroup v1, which 8u191 and later read");
  }

  @Test
  void aContainerRuntimeOnACentos6KernelIsTooOld() {
    assertEquals(List.of("kernel-too-old"), rules("""
        host legacy-01 { os linux "centos 6.10"; cpu 8; memory 16GiB; runtime docker "1.7.1" }
        """));
    assertEquals(List.of(), rules("""
        host legacy-01 { os linux "centos 6.10"; kernel "4.19.0"; cpu 8; memory 16GiB; runtime docker "1.7.1" }
        """), "a declared kernel overrides the release table");
  }

  @Test
  void aMixedClusterWhosePodsSelectTheirOsIsClean() {
    String cluster = """
        host lin-01 { os linux "ubuntu 22.04"; arch amd64; cpu 8; memory 32GiB; runtime containerd "1.7" }
        host win-01 { os windows "server 2022"; arch amd64; cpu 8; memory 32GiB; runtime containerd "1.7" }
        cluster mixed {
          nodes lin-01, win-01
          pod web {
            replicas 2
            SELECT_LINUX
            container web { os linux; image "registry.example.com/web:1.0.0"; cpu 1; memory 1GiB }
          }
          pod legacy {
            replicas 2
            select "kubernetes.io/os" "windows"
            container app { os windows "ltsc2022"; image "registry.example.com/legacy:1.0.0"; cpu 1; memory 1GiB }
          }
        }
        """;
    assertEquals(List.of(), rules(cluster.replace("SELECT_LINUX", "select os \"linux\"")));
    assertEquals(List.of("container-os-mismatch"), rules(cluster.replace("SELECT_LINUX", "")));
  }

  @Test
  void schedulersPlaceRequestsOnWhatANodeHasLeft() {
    String cluster = """
        host node-a {
          os linux "ubuntu 22.04"; cpu 4; memory 16GiB; runtime containerd "1.7"
          container agent { os linux; image "registry.example.com/agent:1.0.0"; cpu 3; memory 2GiB }
        }
        cluster apps {
          nodes node-a
          pod web { replicas 2; container web { os linux; image "registry.example.com/web:1.0.0"; cpu 2; memory 1GiB REQUEST } }
        }
        """;
    assertEquals(List.of("overcommit", "unschedulable-pod"), rules(cluster.replace("REQUEST", "")),
        "node-a has 1 cpu left beside its own agent");
    assertEquals(List.of(), rules(cluster.replace("REQUEST", "; cpu-request 250m")),
        "two replicas request 0.5 cpu of the 1 left");
  }

  @Test
  void aNodeJoinsOneCluster() {
    StringBuilder text = new StringBuilder("host vm-host { os linux; cpu 8; memory 16GiB; runtime containerd }\n");
    for (int i = 1; i <= 5; i++) {
      text.append("cluster c").append(i).append(" { nodes vm-host }\n");
    }
    assertEquals(List.of("shared-node", "shared-node", "shared-node", "shared-node"), rules(text.toString()));
  }

  @Test
  void modulesWithNoCommonVersionConflictAsASetAndInsideOneContainer() {
    assertEquals(List.of("library-conflict"), rules("""
        host h {
          os linux; hypervisor kvm
          vm v {
            os linux
            module a { requires openjdk "11 || 17" }
            module b { requires openjdk "17 || 21" }
            module c { requires openjdk "11 || 21" }
          }
        }
        """).stream().filter(r -> r.startsWith("library-conflict")).toList());
    assertEquals(List.of("library-conflict"), rules("""
        host h {
          os linux; runtime docker
          container c {
            os linux; image "registry.example.com/jobs:1.0.0"; cpu 1; memory 1GiB
            module a { requires python ">=3.6 <3.9" }
            module b { requires python ">=3.10" }
          }
        }
        """).stream().filter(r -> r.startsWith("library-conflict")).toList());
  }

  @Test
  void valuesAsRealSystemsWriteThem() {
    assertEquals(List.of(), rules("""
        host h {
          os linux "debian 12"; cpu 4; memory 8GiB
          library glibc "2.28-225"
          module m { requires glibc ">=2.28" }
        }
        """));
    assertEquals(List.of(), rules("""
        host h {
          os linux; cpu 4; memory 8GiB; runtime containerd
          container c { os linux; image "registry.example.com/c:1.0.0"; cpu 500m; memory 512MiB }
        }
        """));
    assertEquals(List.of("invalid-value"), rules("""
        host h {
          os linux; cpu 4; memory 8GiB; runtime containerd
          container c { os linux; image "registry.example.com/c:1.0.0"; cpu 1; memory 512 }
        }
        """), "512 bytes is a forgotten unit, and it still counts as a limit given");
    assertEquals(List.of("invalid-value"), rules("""
        host n { os linux; cpu 1; memory 1GiB; runtime containerd }
        cluster k {
          nodes n
          pod p { replicas 0; container c { os linux; image "registry.example.com/c:1.0.0"; cpu 8; memory 64GiB } }
        }
        """), "a pod of no replicas is in no capacity sum");
  }
}
