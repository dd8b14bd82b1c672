package dev.topo.diagram;

import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One host or cluster of a diagram and what it touches: the top-level boxes that an edge
 * joins to it (a cluster's nodes, the clusters a host serves), one step away and no further,
 * with the edges among them. Applied before layout, so that the picture is laid out for
 * what it shows.
 */
public final class Focus {
  private Focus() {}

  /** The focused diagram, or empty when no top-level box has that name. */
  public static Optional<Diagram> on(Diagram diagram, String name) {
    Optional<Box> focused = diagram.boxes().stream().filter(b -> b.name().equals(name)).findFirst();
    if (focused.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Box> topOf = new HashMap<>();
    for (Box top : diagram.boxes()) {
      top.forEachInTree(b -> topOf.put(b.id(), top));
    }
    Set<Box> kept = new HashSet<>(Set.of(focused.get()));
    for (Edge edge : diagram.edges()) {
      Box from = topOf.get(edge.from());
      Box to = topOf.get(edge.to());
      if (from == focused.get() || to == focused.get()) {
        kept.add(from);
        kept.add(to);
      }
    }
    List<Box> boxes = diagram.boxes().stream().filter(kept::contains).toList();
    List<Edge> edges = diagram.edges().stream()
        .filter(e -> kept.contains(topOf.get(e.from())) && kept.contains(topOf.get(e.to()))).toList();
    return Optional.of(new Diagram(boxes, edges, 0, 0, diagram.partial(), diagram.unplaced(), diagram.folded()));
  }
}
