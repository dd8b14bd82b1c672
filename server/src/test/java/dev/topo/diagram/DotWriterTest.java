package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.diagram.Diagram.Mark;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DotWriterTest {
  @ParameterizedTest
  @MethodSource("dev.topo.diagram.TextFaces#samples")
  void everyBoxIsANodeOrAClusterOnceInsideItsParentWithItsLinesAndFindings(String sample) {
    check(TextFaces.diagram(sample));
  }

  @Test
  void nastyNamesAndTextComeBackAsWritten() {
    Diagram diagram = Diagrams.laidOut(TextFaces.NASTY);
    assertTrue(TextFaces.expectedLines(diagram).get("n0").get(1).contains(TextFaces.NASTY_RELEASE));
    check(diagram);
  }

  private static void check(Diagram diagram) {
    Graph graph = Graph.read(DotWriter.of(diagram));
    Map<String, String> ids = DiagramText.shortIds(diagram);
    for (Box box : diagram.allBoxes()) {
      String id = ids.get(box.id());
      String parent = parentOf(diagram, box).map(p -> "cluster_" + ids.get(p.id())).orElse("");
      Map<String, String> attributes;
      List<String> lines;
      if (box.children().isEmpty()) {
        attributes = graph.nodes.get(id);
        assertNotNull(attributes, box.id() + " is a node");
        assertEquals(parent, graph.parents.get(id), box.id() + " lies in its parent's cluster");
        assertFalse(graph.clusters.containsKey("cluster_" + id));
      } else {
        attributes = graph.clusters.get("cluster_" + id);
        assertNotNull(attributes, box.id() + " is a cluster");
        assertEquals(parent, graph.parents.get("cluster_" + id), box.id() + " lies in its parent's cluster");
        assertTrue(attributes.get("label").endsWith("\\l\""), "a cluster's lines are left-justified");
      }
      lines = TextFaces.dotLines(attributes.get("label"));
      assertEquals(DiagramText.lines(box), lines, box.id());
      String colour = box.worst().map(s -> DiagramText.colours(s).stroke()).orElse("#59636e");
      assertEquals("\"" + colour + "\"", attributes.get("color"), box.id() + " is coloured by its worst finding");
      List<String> tooltip = TextFaces.dotLines(attributes.get("tooltip"));
      assertEquals(box.title(), tooltip.get(0));
      assertEquals(box.findings().stream().map(Mark::message).toList(),
          tooltip.subList(1, tooltip.size()).stream().map(l -> l.substring(l.indexOf(": ") + 2)).toList(),
          box.id() + ": the tooltip has the messages");
    }
    assertEquals(diagram.allBoxes().size(), graph.nodes.size() - graph.anchors() + graph.clusters.size(),
        "nothing but the boxes and the anchors");
    List<String> edges = new ArrayList<>();
    for (Edge edge : diagram.edges()) {
      String from = ids.get(edge.from());
      String to = ids.get(edge.to());
      edges.add(from + " -> " + to);
      Map<String, String> attributes = graph.edges.get(from + " -> " + to);
      assertEquals(edge.kind() == Edge.Kind.NODE ? "solid" : "dashed", attributes.get("style"), edge.toString());
      checkEnd(graph, from, attributes.get("ltail"), edge);
      checkEnd(graph, to, attributes.get("lhead"), edge);
    }
    assertEquals(edges, List.copyOf(graph.edges.keySet()), "every edge once, in order");
  }

  /** An edge to a cluster runs to the cluster's anchor and is clipped at its frame; an edge to a node, to the node. */
  private static void checkEnd(Graph graph, String end, String clip, Edge edge) {
    if (graph.clusters.containsKey("cluster_" + end)) {
      assertEquals("cluster_" + end, clip, edge.toString());
      assertEquals("cluster_" + end, graph.parents.get(end), "the anchor lies in its cluster");
      assertEquals("point", graph.nodes.get(end).get("shape"));
    } else {
      assertEquals(null, clip, edge.toString());
    }
  }

  private static java.util.Optional<Box> parentOf(Diagram diagram, Box box) {
    return diagram.allBoxes().stream().filter(b -> b.children().contains(box)).findFirst();
  }

  @Test
  void aPartialDiagramSaysSoInTheGraphsLabel() {
    String dot = DotWriter.of(TextFaces.diagram("rules/syntax.topo"));
    Graph graph = Graph.read(dot);
    assertTrue(TextFaces.dotLines(graph.root.get("label")).get(0).contains("syntax errors"), dot);
    assertTrue(dot.indexOf("\n  label=") > dot.lastIndexOf("subgraph"), "after the clusters, so that none inherits it");
    assertFalse(Graph.read(DotWriter.of(TextFaces.diagram("shop.topo"))).root.containsKey("label"));
  }

  /**
   * The graph read back statement by statement, as the writer writes it; a statement of any
   * other shape fails the test.
   */
  private static final class Graph {
    private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=(" + STRING + "|[\\w.]+)");
    private static final Pattern DEFAULTS = Pattern.compile("(graph|node|edge) \\[(.*)];");
    private static final Pattern CLUSTER = Pattern.compile("subgraph (cluster_\\w+) \\{");
    private static final Pattern NODE = Pattern.compile("(\\w+) \\[(.*)];");
    private static final Pattern EDGE = Pattern.compile("(\\w+ -> \\w+) \\[(.*)];");
    private static final Pattern ASSIGNMENTS = Pattern.compile("(\\w+=(" + STRING + "|[\\w.]+); ?)+");

    final Map<String, String> root = new HashMap<>();
    final Map<String, Map<String, String>> clusters = new HashMap<>();
    final Map<String, Map<String, String>> nodes = new HashMap<>();
    final Map<String, String> parents = new HashMap<>();
    final Map<String, Map<String, String>> edges = new java.util.LinkedHashMap<>();

    static Graph read(String text) {
      Graph graph = new Graph();
      List<String> lines = text.lines().toList();
      assertEquals("digraph topo {", lines.get(0));
      assertEquals("}", lines.get(lines.size() - 1));
      Deque<String> open = new ArrayDeque<>();
      for (String line : lines.subList(1, lines.size() - 1)) {
        String statement = line.strip();
        if (statement.equals("}")) {
          open.pop();
        }
        assertEquals("  ".repeat(open.size() + 1) + statement, line, "indented by depth");
        String parent = open.isEmpty() ? "" : open.peek();
        Matcher m;
        if ((m = DEFAULTS.matcher(statement)).matches()) {
          assertTrue(open.isEmpty(), line);
        } else if ((m = CLUSTER.matcher(statement)).matches()) {
          assertFalse(graph.clusters.containsKey(m.group(1)), "declared once: " + line);
          graph.clusters.put(m.group(1), new HashMap<>());
          graph.parents.put(m.group(1), parent);
          open.push(m.group(1));
        } else if ((m = EDGE.matcher(statement)).matches()) {
          assertTrue(open.isEmpty(), line);
          assertEquals(null, graph.edges.put(m.group(1), attributes(m.group(2))), "drawn once: " + line);
        } else if ((m = NODE.matcher(statement)).matches()) {
          assertFalse(graph.nodes.containsKey(m.group(1)), "declared once: " + line);
          graph.nodes.put(m.group(1), attributes(m.group(2)));
          graph.parents.put(m.group(1), parent);
        } else if (ASSIGNMENTS.matcher(statement).matches()) {
          (open.isEmpty() ? graph.root : graph.clusters.get(parent)).putAll(attributes(statement));
        } else if (!statement.equals("}")) {
          fail("a statement the writer does not write: " + line);
        }
      }
      assertTrue(open.isEmpty(), "every cluster is closed");
      return graph;
    }

    private static Map<String, String> attributes(String list) {
      Map<String, String> attributes = new HashMap<>();
      Matcher m = ATTRIBUTE.matcher(list);
      while (m.find()) {
        assertEquals(null, attributes.put(m.group(1), m.group(2)), "said once: " + m.group(1) + " in " + list);
      }
      return attributes;
    }

    long anchors() {
      return nodes.values().stream().filter(a -> "point".equals(a.get("shape"))).count();
    }
  }
}
