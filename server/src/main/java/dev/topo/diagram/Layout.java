package dev.topo.diagram;

import dev.topo.check.Cancellation;
import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.diagram.Diagram.Point;
import dev.topo.model.EntityKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.BoxLayouterOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a {@link Diagram} with Eclipse ELK: every box a node, nested as the boxes are. The
 * top level and the inside of clusters are laid out in one pass of the layered algorithm
 * ({@code INCLUDE_CHILDREN}), so that an edge from a pod inside a cluster to a host outside
 * it is routed like any other. What lies inside a host, VM, pod or container has no edges and
 * is packed apart by ELK's box algorithm ({@code SEPARATE_CHILDREN}): laying out the whole
 * hierarchy in one layered pass took 30 s at the 10k-line design, this takes a tenth of a
 * second. An edge to a box inside a packed one (a cluster's node that is a VM) is routed to
 * the outermost packed box around it.
 *
 * <p>Text is not measured: a box is as wide as its longest line at a fixed width per
 * character, which every face then draws in a font no wider.
 */
public final class Layout {
  static final double CHAR_WIDTH = 7;
  static final double LINE_HEIGHT = 16;
  static final double PADDING = 8;
  static final double SPACING = 20;

  static {
    // Without a registered provider, ELK knows no algorithm by id (plain Java has no Eclipse extension registry).
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private final Map<String, ElkNode> nodes = new HashMap<>();
  /** For each box, the node that edges to it are laid out to: itself, or the packed box around it. */
  private final Map<String, ElkNode> anchors = new HashMap<>();

  private Layout() {}

  /** The diagram with every box and edge placed, and the drawing's size. */
  public static Diagram of(Diagram diagram) {
    return of(diagram, Cancellation.NONE);
  }

  /**
   * The same, given up when its result is no longer wanted: ELK asks its progress monitor
   * between the graphs it lays out, so a cancelled layout stops at the next one.
   *
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public static Diagram of(Diagram diagram, Cancellation cancel) {
    return new Layout().place(diagram, cancel);
  }

  private Diagram place(Diagram diagram, Cancellation cancel) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
    diagram.boxes().forEach(b -> node(root, b, null));
    Map<ElkEdge, Edge> edges = new HashMap<>();
    for (Edge edge : diagram.edges()) {
      ElkNode from = anchors.get(edge.from());
      ElkNode to = anchors.get(edge.to());
      if (from != null && to != null && from != to) {
        edges.put(ElkGraphUtil.createSimpleEdge(from, to), edge);
      }
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor() {
      @Override
      public boolean isCanceled() {
        return cancel.isCancelled();
      }
    });
    cancel.check();

    List<Box> boxes = diagram.boxes().stream().map(b -> placed(b, 0, 0)).toList();
    List<Edge> routed = new ArrayList<>();
    Map<Edge, ElkEdge> byEdge = new HashMap<>();
    edges.forEach((elk, edge) -> byEdge.put(edge, elk));
    for (Edge edge : diagram.edges()) {
      ElkEdge elk = byEdge.get(edge);
      routed.add(elk == null ? edge : new Edge(edge.id(), edge.from(), edge.to(), edge.kind(), route(elk)));
    }
    return new Diagram(boxes, routed, root.getWidth(), root.getHeight(), diagram.partial(), diagram.unplaced(),
        diagram.folded());
  }

  /** @param packedIn the outermost packed box this one lies in, or null */
  private void node(ElkNode parent, Box box, ElkNode packedIn) {
    ElkNode node = ElkGraphUtil.createNode(parent);
    nodes.put(box.id(), node);
    anchors.put(box.id(), packedIn != null ? packedIn : node);
    List<String> lines = lines(box);
    double textWidth = lines.stream().mapToInt(String::length).max().orElse(0) * CHAR_WIDTH + 2 * PADDING;
    double textHeight = lines.size() * LINE_HEIGHT + 2 * PADDING;
    if (box.children().isEmpty()) {
      node.setDimensions(textWidth, textHeight);
      return;
    }
    // A box with boxes inside: its text above them, and at least as wide as its text.
    node.setProperty(CoreOptions.PADDING, new ElkPadding(textHeight, PADDING, PADDING, PADDING));
    node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
    node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(textWidth, textHeight));
    if (box.kind() == EntityKind.CLUSTER) {
      box.children().forEach(child -> node(node, child, packedIn));
      return;
    }
    node.setProperty(CoreOptions.ALGORITHM, BoxLayouterOptions.ALGORITHM_ID);
    node.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.SEPARATE_CHILDREN);
    node.setProperty(CoreOptions.SPACING_NODE_NODE, SPACING);
    ElkNode anchor = packedIn != null ? packedIn : node;
    box.children().forEach(child -> node(node, child, anchor));
  }

  /** What a box shows: its title and its facts. */
  static List<String> lines(Box box) {
    List<String> lines = new ArrayList<>();
    lines.add(box.title());
    lines.addAll(box.facts());
    return lines;
  }

  /** ELK places a node relative to its parent; the diagram's coordinates are absolute. */
  private Box placed(Box box, double parentX, double parentY) {
    ElkNode node = nodes.get(box.id());
    double x = parentX + node.getX();
    double y = parentY + node.getY();
    List<Box> children = box.children().stream().map(c -> placed(c, x, y)).toList();
    return box.placed(x, y, node.getWidth(), node.getHeight(), children);
  }

  /** An edge's points are relative to the node that contains the edge. */
  private static List<Point> route(ElkEdge edge) {
    double dx = 0;
    double dy = 0;
    for (ElkNode n = edge.getContainingNode(); n != null && n.getParent() != null; n = n.getParent()) {
      dx += n.getX();
      dy += n.getY();
    }
    List<Point> points = new ArrayList<>();
    for (ElkEdgeSection section : edge.getSections()) {
      points.add(new Point(dx + section.getStartX(), dy + section.getStartY()));
      for (ElkBendPoint bend : section.getBendPoints()) {
        points.add(new Point(dx + bend.getX(), dy + bend.getY()));
      }
      points.add(new Point(dx + section.getEndX(), dy + section.getEndY()));
    }
    return points;
  }
}
