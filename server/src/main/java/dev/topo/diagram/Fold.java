package dev.topo.diagram;

import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Mark;
import dev.topo.model.EntityKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a large diagram readable and quick: past {@link #DETAIL_LIMIT} boxes, containers and
 * modules are not drawn as boxes but counted in their parent's facts, and their findings are
 * carried up to it, so that the colours still show where something is wrong. Hosts, VMs,
 * clusters and pods (everything an edge can reach) stay. A focused diagram is usually small
 * enough to be drawn in full.
 */
public final class Fold {
  /** Beyond this many boxes a picture is a wall of boxes; the generated 10k-line design has about 1,600. */
  static final int DETAIL_LIMIT = 4_000;
  private static final Set<EntityKind> FOLDED = Set.of(EntityKind.CONTAINER, EntityKind.MODULE);

  private Fold() {}

  public static Diagram ifLarge(Diagram diagram) {
    return ifLarger(diagram, DETAIL_LIMIT);
  }

  static Diagram ifLarger(Diagram diagram, int limit) {
    if (diagram.allBoxes().size() <= limit) {
      return diagram;
    }
    int[] folded = {0};
    List<Box> boxes = diagram.boxes().stream().map(b -> fold(b, folded)).toList();
    return new Diagram(boxes, diagram.edges(), 0, 0, diagram.partial(), diagram.unplaced(), folded[0]);
  }

  private static Box fold(Box box, int[] folded) {
    List<Box> kept = new ArrayList<>();
    Map<EntityKind, Integer> counts = new LinkedHashMap<>();
    List<Mark> marks = new ArrayList<>(box.findings());
    for (Box child : box.children()) {
      if (FOLDED.contains(child.kind())) {
        child.forEachInTree(inner -> {
          counts.merge(inner.kind(), 1, Integer::sum);
          inner.findings().forEach(m -> marks.add(new Mark(m.severity(), m.rule(), inner.title() + ": " + m.message())));
          folded[0]++;
        });
      } else {
        kept.add(fold(child, folded));
      }
    }
    if (counts.isEmpty()) {
      return new Box(box.id(), box.kind(), box.name(), box.span(), box.source(), box.facts(), box.findings(), 0, 0, 0, 0,
          kept);
    }
    List<String> facts = new ArrayList<>(box.facts());
    List<String> parts = new ArrayList<>();
    counts.forEach((kind, n) -> parts.add(n + " " + kind.keyword() + (n == 1 ? "" : "s")));
    facts.add(String.join(DiagramBuilder.SEPARATOR, parts) + " (folded)");
    marks.sort(Comparator.comparing(Mark::severity));
    return new Box(box.id(), box.kind(), box.name(), box.span(), box.source(), facts, marks, 0, 0, 0, 0, kept);
  }
}
