package dev.topo.diagram;

import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A diagram in Graphviz's DOT language, for those who have Graphviz. A box with children is a
 * {@code cluster} subgraph, a box without is a node; each is labelled with its title, facts
 * and findings badge, coloured by its worst finding, and carries the messages as its tooltip.
 * Graphviz lays the graph out itself, so the coordinates are not used.
 *
 * <p>Graphviz joins edges to nodes only. An edge to or from a cluster runs to an invisible
 * point inside it (the anchor, with the id the box would have as a node) and is clipped at the
 * cluster's frame by {@code compound=true} with {@code lhead}/{@code ltail}.
 */
public final class DotWriter {
  private static final String FONT = "fontname=\"sans-serif\", fontsize=11";
  private static final String FRAME = "#59636e";
  private static final String CLUSTER_FILL = "#f6f8fa";
  private static final String NODE_FILL = "#ffffff";

  private DotWriter() {}

  public static String of(Diagram diagram) {
    Map<String, String> ids = DiagramText.shortIds(diagram);
    Set<String> clusters = new HashSet<>();
    diagram.allBoxes().stream().filter(b -> !b.children().isEmpty()).forEach(b -> clusters.add(b.id()));
    Set<String> anchored = new HashSet<>();
    for (Edge edge : diagram.edges()) {
      anchored.add(edge.from());
      anchored.add(edge.to());
    }
    StringBuilder out = new StringBuilder("digraph topo {\n");
    // Set before the clusters, so that they inherit it; each sets its own colours and label.
    out.append("  graph [rankdir=LR, compound=true, labeljust=l, ").append(FONT).append("];\n");
    out.append("  node [shape=box, style=\"rounded,filled\", ").append(FONT).append("];\n");
    out.append("  edge [color=\"").append(FRAME).append("\", fontname=\"sans-serif\", fontsize=9];\n");
    diagram.boxes().forEach(box -> box(out, box, ids, anchored, "  "));
    for (Edge edge : diagram.edges()) {
      out.append("  ").append(ids.get(edge.from())).append(" -> ").append(ids.get(edge.to())).append(" [");
      if (clusters.contains(edge.from())) {
        out.append("ltail=cluster_").append(ids.get(edge.from())).append(", ");
      }
      if (clusters.contains(edge.to())) {
        out.append("lhead=cluster_").append(ids.get(edge.to())).append(", ");
      }
      out.append(edge.kind() == Edge.Kind.NODE ? "style=solid" : "style=dashed, label=\"may run on\"").append("];\n");
    }
    List<String> notes = DiagramText.notes(diagram);
    if (!notes.isEmpty()) {
      // Last, so that no cluster inherits it.
      out.append("  label=").append(centred(notes)).append(";\n  labelloc=t;\n");
    }
    return out.append("}\n").toString();
  }

  private static void box(StringBuilder out, Box box, Map<String, String> ids, Set<String> anchored, String indent) {
    String id = ids.get(box.id());
    List<String> colours = colours(box, box.children().isEmpty() ? NODE_FILL : CLUSTER_FILL);
    String tooltip = centred(DiagramText.tooltip(box));
    if (box.children().isEmpty()) {
      out.append(indent).append(id).append(" [label=").append(centred(DiagramText.lines(box)))
          .append(", tooltip=").append(tooltip).append(", ").append(String.join(", ", colours)).append("];\n");
      return;
    }
    String inner = indent + "  ";
    out.append(indent).append("subgraph cluster_").append(id).append(" {\n");
    // Every attribute, each time: a cluster inherits what its parent set and did not say again.
    out.append(inner).append("label=").append(leftJustified(DiagramText.lines(box))).append(";\n");
    out.append(inner).append("tooltip=").append(tooltip).append(";\n");
    out.append(inner).append("style=\"rounded,filled\"; ").append(String.join("; ", colours)).append(";\n");
    if (anchored.contains(box.id())) {
      out.append(inner).append(id).append(" [shape=point, style=invis, width=0.01, height=0.01, label=\"\"];\n");
    }
    box.children().forEach(child -> box(out, child, ids, anchored, inner));
    out.append(indent).append("}\n");
  }

  /** The frame and fill attributes: the worst finding's colours, or the plain ones. */
  private static List<String> colours(Box box, String plainFill) {
    return box.worst().map(DiagramText::colours)
        .map(c -> List.of("color=\"" + c.stroke() + "\"", "fillcolor=\"" + c.fill() + "\"", "penwidth=2"))
        .orElse(List.of("color=\"" + FRAME + "\"", "fillcolor=\"" + plainFill + "\"", "penwidth=1"));
  }

  /** A DOT string of the lines, one under the other, centred. */
  static String centred(List<String> lines) {
    return lines.stream().map(DotWriter::escape).collect(Collectors.joining("\\n", "\"", "\""));
  }

  /** A DOT string of the lines, one under the other, each left-justified: {@code \l} ends a line so. */
  static String leftJustified(List<String> lines) {
    return lines.stream().map(l -> escape(l) + "\\l").collect(Collectors.joining("", "\"", "\""));
  }

  /** A line as it goes between quotes: a backslash starts an escape in DOT ({@code \n}, {@code \N}...). */
  private static String escape(String line) {
    StringBuilder escaped = new StringBuilder();
    for (char c : line.toCharArray()) {
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '"' -> escaped.append("\\\"");
        case '\r', '\n', '\t' -> escaped.append(' ');
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
