package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Severity;
import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.model.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DiagramBuilderTest {
  private static final Set<EntityKind> DRAWN = Set.of(EntityKind.HOST, EntityKind.VM, EntityKind.CONTAINER,
      EntityKind.CLUSTER, EntityKind.POD, EntityKind.MODULE);

  @Test
  void everyEntityOfTheShopHasExactlyOneBoxNestedAsTheEntitiesAre() {
    String text = Diagrams.sample("shop.topo");
    Diagram diagram = Diagrams.unlaid(text);
    List<Box> all = diagram.allBoxes();
    assertEquals(all.size(), all.stream().map(Box::id).distinct().count(), "ids are unique");
    var program = Diagrams.analysis(text).program();
    for (EntityKind kind : DRAWN) {
      List<String> entities = program.entities(kind).stream().map(e -> e.name().text()).sorted().toList();
      List<String> boxes = all.stream().filter(b -> b.kind() == kind).map(Box::name).sorted().toList();
      assertEquals(entities, boxes, kind.keyword());
    }
    assertTrue(all.stream().anyMatch(b -> b.kind() == EntityKind.POD), "the sample has pods");
    Box winHost = box(diagram, "host:win-01");
    assertEquals(Set.of("host:win-01/vm:accounting", "host:win-01/vm:reports"),
        winHost.children().stream().map(Box::id).collect(Collectors.toSet()));
    assertEquals(EntityKind.MODULE, box(diagram, "host:win-01/vm:accounting/module:ledger").kind());
    assertFalse(diagram.partial());
  }

  @Test
  void aClusterHasAnEdgeToEachOfItsNodesAndEachPodToTheNodesItMayRunOn() {
    Diagram diagram = Diagrams.unlaid(Diagrams.sample("shop.topo"));
    Set<String> nodeEdges = diagram.edges().stream().filter(e -> e.kind() == Edge.Kind.NODE)
        .map(e -> e.from() + " -> " + e.to()).collect(Collectors.toSet());
    assertEquals(Set.of("cluster:shop -> host:edge-01", "cluster:shop -> host:edge-02", "cluster:shop -> host:arm-01",
        "cluster:shop -> host:win-node-01"), nodeEdges);
    Set<String> ids = diagram.allBoxes().stream().map(Box::id).collect(Collectors.toSet());
    for (Edge edge : diagram.edges()) {
      assertTrue(ids.contains(edge.from()) && ids.contains(edge.to()), edge.toString());
    }
    List<Edge> runsOn = diagram.edges().stream().filter(e -> e.kind() == Edge.Kind.MAY_RUN_ON).toList();
    assertFalse(runsOn.isEmpty(), "the Windows pod's selector narrows it to one node");
    assertTrue(runsOn.stream().allMatch(e -> e.from().startsWith("cluster:shop/pod:")), runsOn.toString());
  }

  @Test
  void aPodThatSelectsAnOsRunsOnlyOnTheNodesOfThatOs() {
    Diagram diagram = Diagrams.unlaid(Diagrams.sample("rules/container-os-mismatch.topo"));
    Set<String> shop = diagram.edges().stream().filter(e -> e.from().equals("cluster:mixed/pod:shop"))
        .map(Edge::to).collect(Collectors.toSet());
    assertEquals(Set.of("host:win-02"), shop);
  }

  @Test
  void aPodHasEdgesOnlyWhereItsSelectorsNarrowItsNodesToAFewAndSaysWhereItMayRunInWords() {
    StringBuilder text = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < DiagramBuilder.MAX_RUN_ON_PER_POD + 3; i++) {
      text.append("host n").append(i).append(" { os linux  label zone \"").append(i < 2 ? "small" : "big").append("\" }\n");
      names.add("n" + i);
    }
    text.append("cluster c { nodes ").append(String.join(", ", names)).append("\n")
        .append("  pod anywhere { container a { os linux } }\n")
        .append("  pod few { select zone \"small\"  container f { os linux } }\n")
        .append("  pod many { select zone \"big\"  container m { os linux } }\n}\n");
    Diagram diagram = Diagrams.unlaid(text.toString());
    Set<String> runOn = diagram.edges().stream().filter(e -> e.kind() == Edge.Kind.MAY_RUN_ON)
        .map(e -> e.from() + " -> " + e.to()).collect(Collectors.toSet());
    assertEquals(Set.of("cluster:c/pod:few -> host:n0", "cluster:c/pod:few -> host:n1"), runOn);
    int all = DiagramBuilder.MAX_RUN_ON_PER_POD + 3;
    assertEquals(List.of("may run on any of " + all + " nodes"), box(diagram, "cluster:c/pod:anywhere").facts());
    assertEquals(List.of("may run on 2 of " + all + " nodes"), box(diagram, "cluster:c/pod:few").facts());
    assertEquals(List.of("may run on " + (all - 2) + " of " + all + " nodes"), box(diagram, "cluster:c/pod:many").facts());
  }

  @Test
  void aFindingIsCountedOnTheInnermostBoxThatHoldsIt() {
    Diagram diagram = Diagrams.unlaid(Diagrams.sample("rules/container-os-mismatch.topo"));
    Box web = box(diagram, "host:win-01/container:web");
    assertTrue(web.findings().size() >= 1, web.toString());
    assertEquals(Severity.ERROR, web.worst().orElseThrow());
    assertTrue(web.findings().stream().anyMatch(m -> m.rule().equals("container-os-mismatch")), web.findings().toString());
    Box host = box(diagram, "host:win-01");
    assertEquals(0, host.findings().size(), "the finding is the container's, not its host's");
    assertTrue(host.worst().isEmpty());
    assertEquals(Severity.ERROR, box(diagram, "cluster:mixed/pod:reports/container:reports").worst().orElseThrow());
    assertEquals(0, box(diagram, "cluster:mixed/pod:api/container:api").findings().size());
  }

  @Test
  void theFactsAreWhatAnArchitectReadsFirst() {
    Diagram diagram = Diagrams.unlaid(Diagrams.sample("shop.topo"));
    assertEquals(List.of("linux ubuntu 22.04", "amd64", "cpu 2/16 · memory 2/64 GiB"), box(diagram, "host:edge-01").facts());
    List<String> ingress = box(diagram, "host:edge-01/container:ingress").facts();
    assertEquals(List.of("linux", "registry.example.com/shop/ingress:2.4.1", "cpu 2 · memory 2 GiB"), ingress);
    assertTrue(box(diagram, "cluster:shop").facts().get(0).startsWith("requests cpu "), box(diagram, "cluster:shop").facts().toString());
    assertTrue(diagram.allBoxes().stream().filter(b -> b.kind() == EntityKind.POD)
        .anyMatch(b -> b.facts().stream().anyMatch(f -> f.startsWith("replicas "))), "some pod of the shop says its replicas");
  }

  @Test
  void aFileWithSyntaxErrorsStillDrawsWhatParsedAndSaysSo() {
    String text = """
        host good {
          os linux "ubuntu 22.04"
          container web { os linux }
        }
        host broken {
          os linux "ubuntu 22.04" ((
          cpu
        }
        cluster c { nodes good
        """;
    Diagram diagram = Diagrams.unlaid(text);
    assertTrue(diagram.partial());
    assertTrue(diagram.allBoxes().stream().anyMatch(b -> b.id().equals("host:good/container:web")), diagram.toString());
    assertTrue(Layout.of(diagram).width() > 0);
  }

  @Test
  void twoBoxesOfTheSameNameStillHaveIdsOfTheirOwn() {
    Diagram diagram = Diagrams.unlaid("host a { os linux }\nhost a { os linux }\n");
    assertEquals(List.of("host:a", "host:a#2"), diagram.boxes().stream().map(Box::id).toList());
    assertTrue(diagram.boxes().get(1).findings().size() >= 1, "the duplicate name is reported on the second");
  }

  static Box box(Diagram diagram, String id) {
    Map<String, Box> byId = diagram.allBoxes().stream().collect(Collectors.toMap(Box::id, Function.identity()));
    assertTrue(byId.containsKey(id), () -> id + " not in " + byId.keySet());
    return byId.get(id);
  }
}
