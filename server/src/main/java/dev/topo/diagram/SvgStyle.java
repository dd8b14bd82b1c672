package dev.topo.diagram;

import dev.topo.check.Severity;
import dev.topo.model.EntityKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The look of the SVG: one stylesheet, every colour a custom property. A user's
 * {@code --topo-NAME} (set on the drawing or any element around it) wins; unset, the colour
 * is the default of the light scheme, or of the dark one under
 * {@code prefers-color-scheme: dark}, held in {@code --topo-default-NAME}.
 */
final class SvgStyle {
  /** Font size of the boxes' text: a monospace font's 0.6em advance is then 6.9, within {@link Layout#CHAR_WIDTH}. */
  static final double FONT_SIZE = 11.5;

  /** A themable colour and its defaults. */
  record Colour(String name, String light, String dark, String description) {
    String use() {
      return "var(--topo-" + name + ", var(--topo-default-" + name + "))";
    }
  }

  static final List<Colour> COLOURS = List.of(
      new Colour("background", "#ffffff", "#0d1117", "the drawing's background"),
      new Colour("text", "#1f2328", "#e6edf3", "titles"),
      new Colour("fact", "#59636e", "#9198a1", "fact lines and notes"),
      new Colour("frame", "#8c959f", "#6e7681", "the frame of a box without findings"),
      new Colour("edge", "#59636e", "#9198a1", "edges and their arrowheads"),
      new Colour("error", "#d1242f", "#f85149", "frame and badge of a box whose worst finding is an error"),
      new Colour("warning", "#9a6700", "#d29922", "frame and badge of a box whose worst finding is a warning"),
      new Colour("info", "#0969da", "#4493f8", "frame and badge of a box whose worst finding is an info"),
      new Colour("badge-text", "#ffffff", "#0d1117", "the count in a badge"),
      new Colour("host", "#f6f8fa", "#161b22", "a host's fill"),
      new Colour("vm", "#f3f0ff", "#1d1a2e", "a VM's fill"),
      new Colour("container", "#eef5ff", "#0e1c2f", "a container's fill"),
      new Colour("module", "#effaf2", "#10231a", "a module's fill"),
      new Colour("cluster", "#fdf6e3", "#231e10", "a cluster's fill"),
      new Colour("pod", "#fbeff7", "#261423", "a pod's fill"));

  private SvgStyle() {}

  static Colour colour(String name) {
    return COLOURS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  static Colour of(Severity severity) {
    return colour(severity.word());
  }

  /** The stylesheet of the standalone SVG, also for pages that embed the embeddable one. */
  static String css() {
    StringBuilder css = new StringBuilder();
    css.append(".topo-diagram {\n").append(defaults(false))
        .append("  background: ").append(colour("background").use()).append(";\n")
        .append("  font-family: var(--topo-font, ui-monospace, SFMono-Regular, Menlo, Consolas,"
            + " \"DejaVu Sans Mono\", \"Liberation Mono\", monospace);\n")
        .append("}\n")
        .append("@media (prefers-color-scheme: dark) {\n  .topo-diagram {\n").append(defaults(true).indent(2))
        .append("  }\n}\n");
    rule(css, ".topo-diagram text", "font-size: " + Markup.number(FONT_SIZE) + "px; fill: " + colour("text").use());
    rule(css, ".topo-title", "font-weight: 600");
    rule(css, ".topo-fact, .topo-partial, .topo-unplaced, .topo-empty, .topo-folded", "fill: " + colour("fact").use());
    rule(css, ".topo-partial, .topo-unplaced, .topo-empty, .topo-folded", "font-style: italic");
    rule(css, ".topo-frame", "stroke: " + colour("frame").use() + "; stroke-width: 1");
    for (EntityKind kind : EntityKind.values()) {
      rule(css, ".kind-" + kind.keyword() + " > .topo-frame", "fill: " + colour(kind.keyword()).use());
    }
    for (Severity severity : Severity.values()) {
      String use = of(severity).use();
      rule(css, ".severity-" + severity.word() + " > .topo-frame", "stroke: " + use + "; stroke-width: 2");
      rule(css, ".severity-" + severity.word() + " > .topo-badge > circle", "fill: " + use);
    }
    rule(css, ".topo-badge > text", "fill: " + colour("badge-text").use() + "; font-size: 10px; font-weight: 700");
    rule(css, ".topo-edge", "fill: none; stroke: " + colour("edge").use() + "; stroke-width: 1.2");
    rule(css, ".edge-may-run-on", "stroke-dasharray: 5 4");
    rule(css, ".topo-arrowhead", "fill: " + colour("edge").use());
    return css.toString();
  }

  private static String defaults(boolean dark) {
    return COLOURS.stream()
        .map(c -> "  --topo-default-" + c.name() + ": " + (dark ? c.dark() : c.light()) + ";\n")
        .collect(Collectors.joining());
  }

  private static void rule(StringBuilder css, String selector, String declarations) {
    css.append(selector).append(" { ").append(declarations).append("; }\n");
  }
}
