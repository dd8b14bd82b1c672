package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.diagram.Diagram.Point;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutTest {
  /** Coordinates are doubles; a hair of rounding is not an overlap. */
  private static final double EPSILON = 0.01;

  @ParameterizedTest
  @ValueSource(strings = {"shop.topo", "rules/container-os-mismatch.topo"})
  void siblingsDoNotOverlapAndChildrenLieInsideTheirParent(String sample) {
    Diagram diagram = Diagrams.laidOut(Diagrams.sample(sample));
    assertTrue(diagram.width() > 0 && diagram.height() > 0);
    checkLevel(diagram.boxes(), 0, 0, diagram.width(), diagram.height(), "the drawing");
  }

  private static void checkLevel(List<Box> siblings, double x, double y, double width, double height, String parent) {
    for (int i = 0; i < siblings.size(); i++) {
      Box box = siblings.get(i);
      assertTrue(box.width() > 0 && box.height() > 0, box.id() + " has a size");
      assertTrue(box.x() >= x - EPSILON && box.y() >= y - EPSILON && box.x() + box.width() <= x + width + EPSILON
          && box.y() + box.height() <= y + height + EPSILON, box.id() + " lies inside " + parent);
      for (int j = i + 1; j < siblings.size(); j++) {
        Box other = siblings.get(j);
        if (overlap(box, other)) {
          fail(box.id() + " overlaps " + other.id() + ": " + rect(box) + " and " + rect(other));
        }
      }
      checkLevel(box.children(), box.x(), box.y(), box.width(), box.height(), box.id());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop.topo"})
  void aBoxIsWideEnoughForItsTextAndLeavesRoomAboveItsChildren(String sample) {
    for (Box box : Diagrams.laidOut(Diagrams.sample(sample)).allBoxes()) {
      int longest = Layout.lines(box).stream().mapToInt(String::length).max().orElseThrow();
      assertTrue(box.width() >= longest * Layout.CHAR_WIDTH, box.id() + " is " + box.width() + " wide");
      double textBottom = box.y() + Layout.lines(box).size() * Layout.LINE_HEIGHT;
      for (Box child : box.children()) {
        assertTrue(child.y() >= textBottom, child.id() + " starts below the text of " + box.id());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop.topo"})
  void everyEdgeIsRoutedWithinTheDrawing(String sample) {
    Diagram diagram = Diagrams.laidOut(Diagrams.sample(sample));
    assertFalse(diagram.edges().isEmpty());
    for (Edge edge : diagram.edges()) {
      assertTrue(edge.route().size() >= 2, edge.id() + " has a route");
      for (Point p : edge.route()) {
        assertTrue(p.x() >= -EPSILON && p.y() >= -EPSILON && p.x() <= diagram.width() + EPSILON
            && p.y() <= diagram.height() + EPSILON, edge + " runs outside the drawing");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop.topo"})
  void layingOutKeepsWhatTheBoxesSay(String sample) {
    Diagram unlaid = Diagrams.unlaid(Diagrams.sample(sample));
    Diagram laid = Layout.of(unlaid);
    assertEquals(unlaid.allBoxes().stream().map(b -> b.id() + b.facts() + b.findings()).toList(),
        laid.allBoxes().stream().map(b -> b.id() + b.facts() + b.findings()).toList());
    assertEquals(unlaid.edges().stream().map(e -> e.from() + e.to()).toList(),
        laid.edges().stream().map(e -> e.from() + e.to()).toList());
  }

  @org.junit.jupiter.api.Test
  void anEdgeToAVmInsideAHostIsRoutedToTheHost() {
    Diagram diagram = Diagrams.laidOut("""
        host h { os linux  cpu 8  memory 16GiB
          vm worker { os linux  cpu 2  memory 4GiB  container c { os linux } }
        }
        cluster k { nodes worker }
        """);
    Edge edge = diagram.edges().get(0);
    assertEquals("host:h/vm:worker", edge.to());
    Point end = edge.route().get(edge.route().size() - 1);
    Box host = DiagramBuilderTest.box(diagram, "host:h");
    assertTrue(Math.abs(end.x() - host.x()) < 1 || Math.abs(end.x() - (host.x() + host.width())) < 1
        || Math.abs(end.y() - host.y()) < 1 || Math.abs(end.y() - (host.y() + host.height())) < 1,
        "the edge ends on the host's frame: " + end + " " + rect(host));
  }

  @org.junit.jupiter.api.Test
  void aLayoutNoLongerWantedIsGivenUp() {
    Diagram unlaid = Diagrams.unlaid(Diagrams.sample("shop.topo"));
    int[] asked = {0};
    org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
        () -> Layout.of(unlaid, () -> ++asked[0] > 1));
    assertTrue(asked[0] >= 2, "ELK asked while it worked, not only at the end: " + asked[0]);
  }

  private static boolean overlap(Box a, Box b) {
    return a.x() < b.x() + b.width() - EPSILON && b.x() < a.x() + a.width() - EPSILON
        && a.y() < b.y() + b.height() - EPSILON && b.y() < a.y() + a.height() - EPSILON;
  }

  private static String rect(Box b) {
    return "(" + b.x() + ", " + b.y() + ", " + b.width() + " x " + b.height() + ")";
  }
}
