package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.diagram.Diagram.Box;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FocusTest {
  private static final String TEXT = """
      host a { os linux  cpu 4  memory 8GiB  label zone "z1" }
      host b { os linux  cpu 4  memory 8GiB  label zone "z2" }
      host c { os linux  cpu 4  memory 8GiB }
      cluster one { nodes a, b
        pod web { select zone "z2"  container web { os linux  cpu 1  memory 1GiB } }
      }
      cluster two { nodes c }
      """;

  @Test
  void aClusterKeepsItsNodesAndNothingElse() {
    Diagram focused = Focus.on(Diagrams.unlaid(TEXT), "one").orElseThrow();
    assertEquals(List.of("host:a", "host:b", "cluster:one"), focused.boxes().stream().map(Box::id).toList());
    assertTrue(focused.edges().stream().allMatch(e -> !e.to().equals("host:c")), focused.edges().toString());
    assertTrue(focused.edges().stream().anyMatch(e -> e.from().equals("cluster:one/pod:web") && e.to().equals("host:b")),
        "the pod's edges stay");
  }

  @Test
  void aHostKeepsTheClustersItServesAndOnlyTheEdgesAmongWhatIsKept() {
    Diagram focused = Focus.on(Diagrams.unlaid(TEXT), "a").orElseThrow();
    assertEquals(List.of("host:a", "cluster:one"), focused.boxes().stream().map(Box::id).toList());
    Set<String> edges = focused.edges().stream().map(e -> e.from() + " -> " + e.to()).collect(Collectors.toSet());
    assertEquals(Set.of("cluster:one -> host:a"), edges, "the edges to b are gone with b");
    assertTrue(Layout.of(focused).width() > 0);
  }

  @Test
  void anUnknownNameFocusesOnNothing() {
    assertTrue(Focus.on(Diagrams.unlaid(TEXT), "nowhere").isEmpty());
    assertTrue(Focus.on(Diagrams.unlaid(TEXT), "web").isEmpty(), "only hosts and clusters are focused on");
  }
}
