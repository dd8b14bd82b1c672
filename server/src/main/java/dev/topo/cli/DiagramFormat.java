package dev.topo.cli;

import dev.topo.diagram.Diagram;
import dev.topo.diagram.DiagramJson;
import dev.topo.diagram.DotWriter;
import dev.topo.diagram.MermaidWriter;
import dev.topo.diagram.SvgWriter;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The forms {@code topo diagram} writes, each from the same laid-out diagram. */
enum DiagramFormat {
  SVG("svg", true, SvgWriter::standalone),
  MERMAID("mermaid", false, MermaidWriter::of),
  DOT("dot", false, DotWriter::of),
  JSON("json", true, d -> DiagramJson.of(d).toString() + "\n");

  private final String word;
  /** Whether the format carries coordinates; Mermaid and Graphviz lay out themselves. */
  private final boolean laidOut;
  private final Function<Diagram, String> renderer;

  DiagramFormat(String word, boolean laidOut, Function<Diagram, String> renderer) {
    this.word = word;
    this.laidOut = laidOut;
    this.renderer = renderer;
  }

  boolean laidOut() {
    return laidOut;
  }

  String render(Diagram diagram) {
    return renderer.apply(diagram);
  }

  static DiagramFormat of(String word) {
    return Arrays.stream(values()).filter(f -> f.word.equals(word)).findFirst().orElseThrow(() -> new Main.UserError(
        "--format takes " + Arrays.stream(values()).map(f -> f.word).collect(Collectors.joining(", ")) + ", not '" + word + "'"));
  }
}
