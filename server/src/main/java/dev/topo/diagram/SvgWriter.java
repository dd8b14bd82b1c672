package dev.topo.diagram;

import static dev.topo.diagram.Markup.escape;
import static dev.topo.diagram.Markup.number;

import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.diagram.Diagram.Note;
import dev.topo.diagram.Diagram.Mark;
import dev.topo.diagram.Diagram.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A laid-out {@link Diagram} as SVG, drawn where {@link Layout} placed it: a {@code <g
 * class="topo-box">} per box, nested as the boxes are, with its source in {@code data-}
 * attributes, its findings in {@code <title>} tooltips and a badge, and the edges above
 * them. The classes and attributes are a contract with the editor's webview (see
 * docs/diagram.md). Colours come only from classes and the custom properties of
 * {@link SvgStyle}, never from {@code style=} attributes, which a webview's content
 * security policy blocks. The same diagram always gives the same bytes.
 */
public final class SvgWriter {
  /** From the top of a text line to its baseline, for {@link SvgStyle#FONT_SIZE} in a {@link Layout#LINE_HEIGHT} line. */
  private static final double BASELINE = 12;
  private static final String ARROW = "topo-arrow";

  private final StringBuilder out = new StringBuilder();

  private SvgWriter() {}

  /** A file of its own: with its stylesheet, light by default and dark under {@code prefers-color-scheme: dark}. */
  public static String standalone(Diagram diagram) {
    return new SvgWriter().write(diagram, true);
  }

  /** For a page that brings its own stylesheet (the editor's webview): no {@code <style>}. */
  public static String embeddable(Diagram diagram) {
    return new SvgWriter().write(diagram, false);
  }

  /** The stylesheet of {@link #standalone}, for a page that shows {@link #embeddable} and wants the same look. */
  public static String stylesheet() {
    return SvgStyle.css();
  }

  private String write(Diagram diagram, boolean withStyle) {
    List<Note> notes = diagram.notes();
    double notesTop = diagram.boxes().isEmpty() ? Layout.PADDING : diagram.height();
    double width = Math.max(diagram.width(),
        notes.stream().mapToDouble(n -> n.text().length() * Layout.CHAR_WIDTH + 2 * Layout.PADDING).max().orElse(0));
    double height = notes.isEmpty() ? diagram.height() : notesTop + notes.size() * Layout.LINE_HEIGHT + Layout.PADDING;
    String w = number(Math.ceil(width));
    String h = number(Math.ceil(height));
    line(0, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topo-diagram\" viewBox=\"0 0 " + w + " " + h
        + "\" width=\"" + w + "\" height=\"" + h + "\">");
    if (withStyle) {
      line(1, "<style>");
      out.append(SvgStyle.css().indent(4));
      line(1, "</style>");
    }
    line(1, "<defs>");
    line(2, "<marker id=\"" + ARROW + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
        + " markerHeight=\"7\" orient=\"auto\"><path class=\"topo-arrowhead\" d=\"M0 0L10 5L0 10z\"/></marker>");
    line(1, "</defs>");
    diagram.boxes().forEach(b -> box(b, 1));
    edges(diagram.edges());
    for (int i = 0; i < notes.size(); i++) {
      line(1, "<text class=\"topo-" + notes.get(i).kind() + "\" x=\"" + number(Layout.PADDING) + "\" y=\""
          + number(notesTop + i * Layout.LINE_HEIGHT + BASELINE) + "\">" + escape(notes.get(i).text()) + "</text>");
    }
    line(0, "</svg>");
    return out.toString();
  }

  private void box(Box box, int depth) {
    String severity = box.worst().map(s -> " severity-" + s.word()).orElse("");
    Diagram.Source source = box.source();
    line(depth, "<g class=\"topo-box kind-" + box.kind().keyword() + severity + "\""
        + attribute("data-id", box.id()) + attribute("data-uri", source.uri().toString())
        + attribute("data-line", source.line()) + attribute("data-character", source.character())
        + attribute("data-end-line", source.endLine()) + attribute("data-end-character", source.endCharacter()) + ">");
    String findings = findings(box.findings());
    line(depth + 1, "<title>" + escape(findings.isEmpty() ? box.title() : box.title() + "\n" + findings) + "</title>");
    line(depth + 1, "<rect class=\"topo-frame\"" + attribute("x", box.x()) + attribute("y", box.y())
        + attribute("width", box.width()) + attribute("height", box.height()) + " rx=\"4\"/>");
    List<String> lines = Layout.lines(box);
    for (int i = 0; i < lines.size(); i++) {
      line(depth + 1, "<text class=\"" + (i == 0 ? "topo-title" : "topo-fact") + "\""
          + attribute("x", box.x() + Layout.PADDING)
          + attribute("y", box.y() + Layout.PADDING + i * Layout.LINE_HEIGHT + BASELINE) + ">"
          + escape(lines.get(i)) + "</text>");
    }
    if (!box.findings().isEmpty()) {
      badge(box, findings, depth + 1);
    }
    box.children().forEach(c -> box(c, depth + 1));
    line(depth, "</g>");
  }

  /**
   * The count of findings on the frame's top-right corner, above the end of the title line
   * (whose glyphs start lower), and the findings as its tooltip.
   */
  private void badge(Box box, String findings, int depth) {
    String count = String.valueOf(box.findings().size());
    double radius = 5 + 2 * count.length();
    double cx = box.x() + box.width() - 4;
    double cy = box.y() + 4;
    line(depth, "<g class=\"topo-badge\"><title>" + escape(findings) + "</title><circle" + attribute("cx", cx)
        + attribute("cy", cy) + attribute("r", radius) + "/><text" + attribute("x", cx) + attribute("y", cy + 3.5)
        + " text-anchor=\"middle\">" + count + "</text></g>");
  }

  /** One line a finding, most serious first: {@code error container-os-mismatch: ...}. */
  private static String findings(List<Mark> marks) {
    return marks.stream().map(m -> m.severity().word() + " " + m.rule() + ": " + m.message())
        .collect(Collectors.joining("\n"));
  }

  /** Above the boxes, so that an edge into a nested box stays visible; an edge not routed is left out. */
  private void edges(List<Edge> edges) {
    List<Edge> routed = edges.stream().filter(e -> e.route().size() >= 2).toList();
    if (routed.isEmpty()) {
      return;
    }
    line(1, "<g class=\"topo-edges\">");
    for (Edge edge : routed) {
      String kind = edge.kind() == Edge.Kind.NODE ? "edge-node" : "edge-may-run-on";
      line(2, "<path class=\"topo-edge " + kind + "\"" + attribute("data-id", edge.id())
          + attribute("data-from", edge.from()) + attribute("data-to", edge.to()) + attribute("d", path(edge.route()))
          + " fill=\"none\" marker-end=\"url(#" + ARROW + ")\"/>");
    }
    line(1, "</g>");
  }

  private static String path(List<Point> route) {
    StringBuilder d = new StringBuilder();
    for (Point p : route) {
      d.append(d.length() == 0 ? "M" : " L").append(number(p.x())).append(' ').append(number(p.y()));
    }
    return d.toString();
  }

  private static String attribute(String name, String value) {
    return " " + name + "=\"" + escape(value) + "\"";
  }

  private static String attribute(String name, double value) {
    return " " + name + "=\"" + number(value) + "\"";
  }

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }
}
