package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.topo.check.Severity;
import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MermaidWriterTest {
  @ParameterizedTest
  @MethodSource("dev.topo.diagram.TextFaces#samples")
  void everyBoxIsDeclaredOnceInsideItsParentWithItsLines(String sample) {
    Diagram diagram = TextFaces.diagram(sample);
    Chart chart = Chart.read(MermaidWriter.of(diagram));
    Map<String, String> ids = DiagramText.shortIds(diagram);
    Map<String, List<String>> lines = TextFaces.expectedLines(diagram);
    checkLevel(diagram.boxes(), "", chart, ids, lines);
    Set<String> boxes = Set.copyOf(ids.values());
    Set<String> others = chart.labels.keySet().stream().filter(id -> !boxes.contains(id)).collect(Collectors.toSet());
    assertTrue(others.stream().allMatch(id -> id.endsWith("_facts") || id.equals("notes")), others.toString());
  }

  private static void checkLevel(List<Box> boxes, String parent, Chart chart, Map<String, String> ids,
      Map<String, List<String>> lines) {
    for (Box box : boxes) {
      String id = ids.get(box.id());
      assertEquals(1, chart.declarations.getOrDefault(id, 0), box.id() + " is declared once");
      assertEquals(parent, chart.parents.get(id), box.id() + " lies in its parent");
      List<String> expected = lines.get(id);
      String facts = id + "_facts";
      if (box.children().isEmpty()) {
        assertFalse(chart.subgraphs.contains(id), box.id() + " is a node");
        assertEquals(expected, TextFaces.mermaidLines(chart.labels.get(id)), box.id());
      } else {
        assertTrue(chart.subgraphs.contains(id), box.id() + " is a subgraph");
        assertEquals(expected.subList(0, 1), TextFaces.mermaidLines(chart.labels.get(id)), box.id() + " title");
        if (expected.size() > 1) {
          assertEquals(id, chart.parents.get(facts), "the facts of " + box.id() + " lie inside it");
          assertEquals(expected.subList(1, expected.size()), TextFaces.mermaidLines(chart.labels.get(facts)));
        } else {
          assertFalse(chart.labels.containsKey(facts), box.id() + " has no facts node: nothing to say but its title");
        }
        checkLevel(box.children(), id, chart, ids, lines);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.topo.diagram.TextFaces#samples")
  void everyEdgeIsDrawnOnceAsItsKindIs(String sample) {
    Diagram diagram = TextFaces.diagram(sample);
    Map<String, String> ids = DiagramText.shortIds(diagram);
    List<String> expected = diagram.edges().stream().map(e -> ids.get(e.from())
        + (e.kind() == Edge.Kind.NODE ? " --> " : " -.->|may run on| ") + ids.get(e.to())).toList();
    assertEquals(expected, Chart.read(MermaidWriter.of(diagram)).edges);
  }

  @ParameterizedTest
  @MethodSource("dev.topo.diagram.TextFaces#samples")
  void aBoxIsColouredByItsWorstFindingAndSaysHowManyItHas(String sample) {
    Diagram diagram = TextFaces.diagram(sample);
    Chart chart = Chart.read(MermaidWriter.of(diagram));
    Map<String, String> ids = DiagramText.shortIds(diagram);
    for (Severity severity : Severity.values()) {
      assertTrue(chart.classDefs.get(severity.word()).contains(DiagramText.colours(severity).stroke()), severity.word());
    }
    for (Box box : diagram.allBoxes()) {
      String id = ids.get(box.id());
      Optional<String> severity = box.worst().map(Severity::word);
      if (box.children().isEmpty()) {
        assertEquals(severity, chart.classOf(id), box.id());
        assertFalse(chart.styles.containsKey(id), box.id());
      } else {
        assertEquals(box.worst().map(s -> chart.classDefs.get(s.word())), Optional.ofNullable(chart.styles.get(id)),
            box.id() + " is styled as its worst finding's class");
      }
      String label = chart.labels.get(box.children().isEmpty() || chart.labels.get(id + "_facts") == null ? id
          : id + "_facts");
      assertEquals(!box.findings().isEmpty(), label.contains("⚠ " + box.findings().size()), box.id() + ": " + label);
    }
  }

  @Test
  void containerOsMismatchShowsItsThreeErrors() {
    Chart chart = Chart.read(MermaidWriter.of(TextFaces.diagram("rules/container-os-mismatch.topo")));
    assertEquals(3, chart.classes.get("error").size(), chart.classes.toString());
    assertTrue(chart.labels.values().stream().filter(l -> l.contains("⚠ 1 error")).count() == 3);
  }

  @Test
  void nastyNamesAndTextComeBackAsWritten() {
    Diagram diagram = Diagrams.laidOut(TextFaces.NASTY);
    String mermaid = MermaidWriter.of(diagram);
    Chart chart = Chart.read(mermaid);
    Map<String, List<String>> lines = TextFaces.expectedLines(diagram);
    assertTrue(lines.get("n0").get(1).contains(TextFaces.NASTY_RELEASE), lines.get("n0").toString());
    checkLevel(diagram.boxes(), "", chart, DiagramText.shortIds(diagram), lines);
    for (String line : mermaid.lines().toList()) {
      boolean rewritten = (line.contains("style") || line.contains("classDef")) && line.matches(".*:\\S*#.*;.*");
      assertFalse(rewritten && line.contains("[\""), "Mermaid's pre-parser would cut a ';' from: " + line);
      assertFalse(line.contains("%%"), "a directive or comment: " + line);
    }
  }

  @Test
  void aPartialDiagramAndFindingsOnNoBoxAreSaidInANote() {
    Chart partial = Chart.read(MermaidWriter.of(TextFaces.diagram("rules/syntax.topo")));
    assertTrue(TextFaces.mermaidLines(partial.labels.get("notes")).get(0).contains("syntax errors"));
    assertEquals(Optional.of("warning"), partial.classOf("notes"));
    Chart clean = Chart.read(MermaidWriter.of(TextFaces.diagram("shop.topo")));
    assertFalse(clean.labels.containsKey("notes"));
  }

  /**
   * The chart read back statement by statement, as the writer writes it; a statement of any
   * other shape fails the test, so that nothing slips into the chart unchecked.
   */
  private static final class Chart {
    private static final String LABEL = "(\"[^\"]*\")";
    private static final Pattern CLASS_DEF = Pattern.compile("classDef (\\w+) (\\S+)");
    private static final Pattern SUBGRAPH = Pattern.compile("subgraph (\\w+)\\[" + LABEL + "]");
    private static final Pattern NODE = Pattern.compile("(\\w+)\\[" + LABEL + "]");
    private static final Pattern EDGE = Pattern.compile("(\\w+) (-->|-\\.->\\|may run on\\|) (\\w+)");
    private static final Pattern CLASS = Pattern.compile("class ([\\w,]+) (\\w+)");
    private static final Pattern STYLE = Pattern.compile("style (\\w+) (\\S+)");

    final Map<String, String> classDefs = new HashMap<>();
    final Map<String, Integer> declarations = new HashMap<>();
    final Map<String, String> parents = new HashMap<>();
    final Map<String, String> labels = new LinkedHashMap<>();
    final Set<String> subgraphs = new java.util.HashSet<>();
    final List<String> edges = new ArrayList<>();
    final Map<String, List<String>> classes = new HashMap<>();
    final Map<String, String> styles = new HashMap<>();

    static Chart read(String text) {
      Chart chart = new Chart();
      List<String> lines = text.lines().toList();
      assertEquals("flowchart LR", lines.get(0));
      Deque<String> open = new ArrayDeque<>();
      for (String line : lines.subList(1, lines.size())) {
        String statement = line.strip();
        if (statement.equals("end")) {
          open.pop();
        }
        assertEquals("  ".repeat(open.size() + 1) + statement, line, "indented by depth");
        Matcher m;
        if ((m = CLASS_DEF.matcher(statement)).matches()) {
          chart.classDefs.put(m.group(1), m.group(2));
        } else if ((m = SUBGRAPH.matcher(statement)).matches()) {
          chart.declare(m.group(1), m.group(2), open);
          chart.subgraphs.add(m.group(1));
          open.push(m.group(1));
        } else if ((m = NODE.matcher(statement)).matches()) {
          chart.declare(m.group(1), m.group(2), open);
        } else if ((m = EDGE.matcher(statement)).matches()) {
          chart.edges.add(statement);
        } else if ((m = CLASS.matcher(statement)).matches()) {
          chart.classes.computeIfAbsent(m.group(2), c -> new ArrayList<>()).addAll(List.of(m.group(1).split(",")));
        } else if ((m = STYLE.matcher(statement)).matches()) {
          chart.styles.put(m.group(1), m.group(2));
        } else if (!statement.equals("end")) {
          fail("a statement the writer does not write: " + line);
        }
      }
      assertTrue(open.isEmpty(), "every subgraph ends");
      return chart;
    }

    private void declare(String id, String label, Deque<String> open) {
      declarations.merge(id, 1, Integer::sum);
      parents.put(id, open.isEmpty() ? "" : open.peek());
      labels.put(id, label);
    }

    Optional<String> classOf(String id) {
      List<String> of = classes.entrySet().stream().filter(e -> e.getValue().contains(id)).map(Map.Entry::getKey).toList();
      assertTrue(of.size() <= 1, id + " has one class at most: " + of);
      return of.stream().findFirst();
    }
  }
}
