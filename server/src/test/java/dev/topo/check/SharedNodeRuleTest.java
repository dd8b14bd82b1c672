package dev.topo.check;

import static dev.topo.check.Checks.check;
import static dev.topo.check.Checks.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import dev.topo.check.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases of shared-node that its sample does not show. */
class SharedNodeRuleTest {
  private static final String RULE = "shared-node";
  private static final String NODES = "host n1 { os linux }\nhost h { os linux; hypervisor kvm; vm v1 { os linux } }\n";

  @Test
  void everyLaterEntryIsReportedWithANoteAtTheFirst() {
    String text = NODES + "cluster a { nodes n1 }\ncluster b { nodes v1, n1 }\ncluster c { nodes n1 }\n";
    List<Finding> findings = check(text).stream().filter(f -> f.rule().id().equals(RULE)).toList();
    assertEquals(List.of(
        "cluster 'b' lists host 'n1', already a node of cluster 'a': a machine joins one cluster, whose scheduler"
            + " counts all of it",
        "cluster 'c' lists host 'n1', already a node of cluster 'a': a machine joins one cluster, whose scheduler"
            + " counts all of it"), findings.stream().map(Finding::message).toList());
    int first = text.indexOf("nodes n1") + "nodes ".length();
    for (Finding f : findings) {
      assertEquals(first, f.related().get(0).span().start());
      assertEquals("host 'n1' is first a node of cluster 'a' here", f.related().get(0).message());
    }
    assertEquals(text.indexOf("v1, n1") + "v1, ".length(), findings.get(0).span().start());
  }

  @Test
  void vmsAreNodesToo() {
    assertEquals(1, messages(NODES + "cluster a { nodes v1 }\ncluster b { nodes v1 }", RULE).size());
  }

  @Test
  void oneClusterListingANodeTwiceOrUnknownNamesAreNotShared() {
    assertEquals(List.of(), messages(NODES + "cluster a { nodes n1, n1 }\ncluster b { nodes zz }\ncluster c { nodes zz }",
        RULE));
  }

  @Test
  void theClusterOfAnImportedFileComesFirst() {
    MemorySources sources = new MemorySources()
        .with("nodes.topo", NODES + "cluster a { nodes n1 }\n")
        .with("main.topo", "import \"nodes.topo\"\ncluster b { nodes n1 }\n");
    List<Finding> findings = new Analyzer(sources, new ParseCache(), MemorySources.ROOT,
        new Checker(Rules.all(), Config.DEFAULT)).analyze(MemorySources.uri("main.topo"),
            "import \"nodes.topo\"\ncluster b { nodes n1 }\n", Cancellation.NONE).findings();
    assertEquals(List.of("cluster 'b' lists host 'n1', already a node of cluster 'a': a machine joins one cluster,"
        + " whose scheduler counts all of it"),
        findings.stream().filter(f -> f.rule().id().equals(RULE)).map(Finding::message).toList());
  }
}
