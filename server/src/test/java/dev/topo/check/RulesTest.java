package dev.topo.check;

import static dev.topo.check.Checks.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases of the rules that the one-sample-per-rule files do not show. */
class RulesTest {
  static final String NODES = """
      host lin { os linux; runtime containerd; cpu 8; memory 4Gi }
      host win { os windows; runtime containerd; cpu 2; memory 32Gi }
      """;

  @Test
  void aPodsContainerMustMatchEveryNodeItMayLandOn() {
    assertEquals(List.of("container 'c' runs linux but cluster 'k' may schedule it on host 'win' (windows), whose kernel differs"),
        messages(NODES + "cluster k { nodes lin, win; pod p { container c { os linux } } }", "container-os-mismatch"));
  }

  @Test
  void aPodFitsWhenOneNodeHasBothEnoughCpuAndEnoughMemory() {
    String pod = "cluster k { nodes lin, win; pod p { container c { os linux; cpu %s; memory %s } } }";
    assertEquals(List.of(), messages(NODES + pod.formatted("2", "4Gi"), "unschedulable-pod"));
    assertEquals(List.of("pod 'p' requests 4 cpu and 8 GiB per replica, but no node of cluster 'k' has both:"
        + " host 'lin' has 8 cpu and 4 GiB; host 'win' has 2 cpu and 32 GiB"),
        messages(NODES + pod.formatted("4", "8Gi"), "unschedulable-pod"));
  }

  @Test
  void aNodeNamingAPodSaysSo() {
    assertEquals(List.of("cluster 'k' lists 'p' as a node, but that is a pod: pods run on hosts and VMs"),
        messages("cluster k { nodes p; pod p { } }", "unknown-reference"));
  }

  @Test
  void vmsCanBeNodes() {
    assertEquals(List.of(), messages("host h { hypervisor kvm; vm v { os linux } }\ncluster k { nodes v }",
        "unknown-reference"));
  }

  @Test
  void modulesInContainersDoNotConflictWithEachOther() {
    String text = """
        host h { os linux; runtime docker
          container a { library openjdk "8"; module x { requires openjdk "8" } }
          container b { library openjdk "17"; module y { requires openjdk "17" } }
        }
        """;
    assertEquals(List.of(), messages(text, "library-conflict"));
    assertEquals(List.of(), messages(text, "library-unsatisfied"));
  }

  @Test
  void aVmsContainersCountAgainstTheVmNotTheHost() {
    String text = """
        host h { os linux; cpu 4; hypervisor kvm
          vm v { os linux; cpu 2; runtime docker
            container a { cpu 2 }
            container b { cpu 1 }
          }
        }
        """;
    assertEquals(List.of("vm 'v' has 2 cpu but its containers are given 3"), messages(text, "overcommit"));
  }

  @Test
  void memoryOvercommitIsSpeltInUnits() {
    assertEquals(List.of("host 'h' has 8 GiB of memory but its VMs and containers are given 9 GiB"),
        messages("host h { memory 8Gi; runtime docker; container a { memory 5Gi } container b { memory 4096Mi } }",
            "overcommit"));
  }

  @Test
  void duplicateLibrariesAndRequirementsInOneBlock() {
    assertEquals(List.of("library 'x' appears twice in host 'h'", "requirement of 'x' appears twice in module 'm'"),
        messages("host h { library x \"1\"; library x \"2\"; module m { requires x \"1\"; requires x \"2\" } }",
            "duplicate-name"));
  }

  /** A few libraries are compared pairwise, many through a map: either way each repeat is reported once. */
  @Test
  void repeatsAreFoundAlikeInAFewLibrariesAndInMany() {
    for (int count : new int[] {3, 20}) { // 20: past the rule's pairwise limit
      StringBuilder host = new StringBuilder("host h {");
      for (int i = 0; i < count; i++) {
        // l0 again third and last, l1 again last but one
        String name = i == 2 || i == count - 1 ? "l0" : i == count - 2 && count > 3 ? "l1" : "l" + i;
        host.append(" library ").append(name).append(" \"1\";");
      }
      List<String> expected = new java.util.ArrayList<>(List.of("library 'l0' appears twice in host 'h'"));
      if (count > 3) {
        expected.add("library 'l1' appears twice in host 'h'");
        expected.add("library 'l0' appears twice in host 'h'");
      }
      assertEquals(expected, messages(host.append(" }").toString(), "duplicate-name"), count + " libraries");
    }
  }

  @Test
  void aClashBetweenTwoImportedFilesIsReportedOnTheImportThatBringsTheSecond() {
    var sources = new dev.topo.workspace.MemorySources()
        .with("main.topo", "import \"b.topo\"\nimport \"c.topo\"\n")
        .with("b.topo", "host x { }")
        .with("c.topo", "host x { }");
    var findings = new Analyzer(sources, new dev.topo.workspace.ParseCache(), dev.topo.workspace.MemorySources.ROOT,
        new Checker(Rules.all(), Config.DEFAULT)).analyze(dev.topo.workspace.MemorySources.uri("main.topo"),
            "import \"b.topo\"\nimport \"c.topo\"\n", Cancellation.NONE).findings();
    assertEquals(List.of("host 'x' in c.topo has the name of host 'x' in b.topo: this file imports both"),
        findings.stream().map(Finding::message).toList());
    assertEquals("import \"b.topo\"\n".length() + 7, findings.get(0).span().start());
  }

  @Test
  void aClashThatOneImportBringsWholeIsReportedOnlyByTheFileThatImportsBoth() {
    var sources = new dev.topo.workspace.MemorySources()
        .with("top.topo", "import \"main.topo\"\nhost t { }")
        .with("main.topo", "import \"b.topo\"\nimport \"c.topo\"\n")
        .with("b.topo", "host x { }")
        .with("c.topo", "host x { }");
    var analyzer = new Analyzer(sources, new dev.topo.workspace.ParseCache(), dev.topo.workspace.MemorySources.ROOT,
        new Checker(Rules.all(), Config.DEFAULT));
    for (String file : List.of("main.topo", "top.topo")) {
      var uri = dev.topo.workspace.MemorySources.uri(file);
      var findings = analyzer.analyze(uri, sources.read(uri).orElseThrow(), Cancellation.NONE).findings().stream()
          .filter(f -> f.rule().id().equals("duplicate-name")).map(Finding::message).toList();
      assertEquals(file.equals("main.topo") ? List.of("host 'x' in c.topo has the name of host 'x' in b.topo: this file imports both")
          : List.of(), findings, file);
    }
  }

  @Test
  void undeclaredNodeCapacityIsSaidAsSuch() {
    assertEquals(List.of("pod 'p' requests 4 cpu and 8 GiB per replica, but no node of cluster 'k' has both:"
        + " host 'n' has no declared cpu and 4 GiB"),
        messages("host n { memory 4Gi }\ncluster k { nodes n; pod p { container c { cpu 4; memory 8Gi } } }",
            "unschedulable-pod"));
  }

  @Test
  void aHostAndAPodMayNotShareAName() {
    assertEquals(List.of("pod 'x' has the name of host 'x': hosts, VMs, clusters and pods need names unique across the program"),
        messages("host x { }\ncluster k { pod x { } }", "duplicate-name"));
  }
}
