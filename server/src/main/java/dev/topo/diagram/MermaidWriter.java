package dev.topo.diagram;

import dev.topo.check.Severity;
import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A diagram as a Mermaid flowchart, for Markdown: GitHub draws it in issues, pull requests and
 * job summaries. A box with children is a {@code subgraph}, a box without is a node; each is
 * labelled with its title, facts and findings badge, and coloured by its worst finding. Mermaid
 * lays the chart out itself, so the coordinates are not used. Only what GitHub's Mermaid draws
 * is written: quoted labels with {@code <br/>}, subgraphs, plain and dotted edges, {@code class}
 * for nodes and {@code style} for subgraphs (older Mermaid ignores classes on subgraphs).
 *
 * <p>Mermaid leaves room for one line of a subgraph's title only, so a subgraph is titled with
 * the box's title and its other lines go in a borderless node inside it, {@code n0_facts}.
 */
public final class MermaidWriter {
  private static final String INDENT = "  ";
  /** Dark text, as on the light fills of the severities, whatever the reader's theme. */
  private static final String TEXT_ON_FILL = "color:#1f2328";
  private static final String NO_FRAME = "fill:none,stroke:none";
  private static final String FACTS = "facts";

  private MermaidWriter() {}

  public static String of(Diagram diagram) {
    Map<String, String> ids = DiagramText.shortIds(diagram);
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (Severity severity : Severity.values()) {
      line(out, "classDef " + severity.word() + " " + style(severity));
    }
    line(out, "classDef " + FACTS + " " + NO_FRAME);
    diagram.boxes().forEach(box -> box(out, box, ids, INDENT));
    for (Edge edge : diagram.edges()) {
      String arrow = edge.kind() == Edge.Kind.NODE ? " --> " : " -.->|may run on| ";
      line(out, ids.get(edge.from()) + arrow + ids.get(edge.to()));
    }
    List<Box> all = diagram.allBoxes();
    for (Severity severity : Severity.values()) {
      classes(out, severity.word(), all.stream()
          .filter(b -> b.children().isEmpty() && b.worst().equals(Optional.of(severity))).map(b -> ids.get(b.id())));
    }
    classes(out, FACTS, all.stream().filter(b -> hasFacts(b) && b.worst().isEmpty()).map(b -> facts(ids, b)));
    for (Box box : all) {
      if (!box.children().isEmpty() && box.worst().isPresent()) {
        line(out, "style " + ids.get(box.id()) + " " + style(box.worst().get()));
        if (hasFacts(box)) {
          line(out, "style " + facts(ids, box) + " " + NO_FRAME + "," + TEXT_ON_FILL);
        }
      }
    }
    List<String> notes = DiagramText.notes(diagram);
    if (!notes.isEmpty()) {
      line(out, "notes[" + label(notes) + "]");
      line(out, "class notes " + Severity.WARNING.word());
    }
    return out.toString();
  }

  private static void box(StringBuilder out, Box box, Map<String, String> ids, String indent) {
    List<String> lines = DiagramText.lines(box);
    String id = ids.get(box.id());
    if (box.children().isEmpty()) {
      out.append(indent).append(id).append('[').append(label(lines)).append("]\n");
      return;
    }
    out.append(indent).append("subgraph ").append(id).append('[').append(label(lines.subList(0, 1))).append("]\n");
    if (hasFacts(box)) {
      out.append(indent).append(INDENT).append(facts(ids, box)).append('[')
          .append(label(lines.subList(1, lines.size()))).append("]\n");
    }
    box.children().forEach(child -> box(out, child, ids, indent + INDENT));
    out.append(indent).append("end\n");
  }

  /** Whether a subgraph has lines besides its title, which its facts node shows. */
  private static boolean hasFacts(Box box) {
    return !box.children().isEmpty() && DiagramText.lines(box).size() > 1;
  }

  private static String facts(Map<String, String> ids, Box box) {
    return ids.get(box.id()) + "_facts";
  }

  private static String style(Severity severity) {
    DiagramText.Colours colours = DiagramText.colours(severity);
    return "fill:" + colours.fill() + ",stroke:" + colours.stroke() + ",stroke-width:2px," + TEXT_ON_FILL;
  }

  private static void classes(StringBuilder out, String name, Stream<String> ids) {
    List<String> list = ids.toList();
    if (!list.isEmpty()) {
      line(out, "class " + String.join(",", list) + " " + name);
    }
  }

  private static void line(StringBuilder out, String statement) {
    out.append(INDENT).append(statement).append('\n');
  }

  /** Quoted lines joined by line breaks, every character that Mermaid would read as syntax escaped. */
  static String label(List<String> lines) {
    // Before parsing, Mermaid drops the last ';' of any line where "style" or "classDef" comes
    // before a ':' and a '#' (meant for `style a fill:#fff;`); that would cut short an escape
    // below. With no ':' left in such a line, the rule does not apply.
    boolean escapeColons = lines.stream().anyMatch(l -> l.contains("style") || l.contains("classDef"));
    StringBuilder label = new StringBuilder("\"");
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        label.append("<br/>");
      }
      for (char c : lines.get(i).toCharArray()) {
        switch (c) {
          case '\r', '\n', '\t' -> label.append(' ');
          // Entity codes, which Mermaid turns back into the characters when it draws the label:
          // quotes, HTML, entities, Markdown strings, and '%' since Mermaid takes `%%{...}%%`
          // anywhere in the text for a directive and cuts it out.
          case '#', '"', '&', '<', '>', '`', '%' -> label.append('#').append((int) c).append(';');
          case ':' -> label.append(escapeColons ? "#58;" : ":");
          default -> label.append(c);
        }
      }
    }
    return label.append('"').toString();
  }
}
