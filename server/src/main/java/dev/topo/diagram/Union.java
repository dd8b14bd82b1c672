package dev.topo.diagram;

import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.diagram.Diagram.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several programs on one picture, for a command line given several files: a declaration
 * that two programs share (a file both import) is drawn once; two different ones that happen
 * to have the same id keep ids of their own, as in one program.
 */
public final class Union {
  private Union() {}

  /** The unlaid diagrams as one unlaid diagram. */
  public static Diagram of(List<Diagram> diagrams) {
    if (diagrams.size() == 1) {
      return diagrams.get(0);
    }
    List<Box> boxes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    Set<Source> drawn = new HashSet<>();
    Set<String> ids = new HashSet<>();
    Set<String> edgeKeys = new HashSet<>();
    boolean partial = false;
    int unplaced = 0;
    int folded = 0;
    for (Diagram diagram : diagrams) {
      Map<String, String> renamed = new HashMap<>();
      for (Box box : diagram.boxes()) {
        if (drawn.add(box.source())) {
          boxes.add(withUniqueIds(box, ids, renamed));
        }
      }
      for (Edge edge : diagram.edges()) {
        String from = renamed.getOrDefault(edge.from(), edge.from());
        String to = renamed.getOrDefault(edge.to(), edge.to());
        if (edgeKeys.add(from + " " + to + " " + edge.kind())) {
          edges.add(new Edge("e" + edges.size(), from, to, edge.kind(), edge.route()));
        }
      }
      partial |= diagram.partial();
      unplaced += diagram.unplaced();
      folded += diagram.folded();
    }
    return new Diagram(boxes, edges, 0, 0, partial, unplaced, folded);
  }

  private static Box withUniqueIds(Box box, Set<String> ids, Map<String, String> renamed) {
    String id = box.id();
    for (int n = 2; !ids.add(id); n++) {
      id = box.id() + "#" + n;
    }
    renamed.put(box.id(), id);
    List<Box> children = box.children().stream().map(c -> withUniqueIds(c, ids, renamed)).toList();
    return new Box(id, box.kind(), box.name(), box.span(), box.source(), box.facts(), box.findings(), box.x(), box.y(),
        box.width(), box.height(), children);
  }
}
