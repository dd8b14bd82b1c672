package dev.topo.diagram;

import dev.topo.check.Severity;
import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Mark;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the text faces of a diagram (Mermaid, DOT) say the same way: short identifiers for the
 * boxes, the lines of a box with its findings badge, its tooltip, the notes about the whole
 * drawing and the severity colours. Each face only escapes and arranges them in its syntax.
 */
final class DiagramText {
  private DiagramText() {}

  /** A severity's colours: the frame (and text of a badge) and the fill behind a box that has it. */
  record Colours(String stroke, String fill) {}

  /** The palette of the SVG face's light theme, so that every picture of a program agrees. */
  static Colours colours(Severity severity) {
    return switch (severity) {
      case ERROR -> new Colours("#d1242f", "#ffebe9");
      case WARNING -> new Colours("#9a6700", "#fff8c5");
      case INFO -> new Colours("#0969da", "#ddf4ff");
    };
  }

  /**
   * {@code n0}, {@code n1}... for every box, parents first in program order: identifiers that
   * every syntax accepts as they are, whatever the box is called, and stable for the same text.
   */
  static Map<String, String> shortIds(Diagram diagram) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (Box box : diagram.allBoxes()) {
      ids.put(box.id(), "n" + ids.size());
    }
    return ids;
  }

  /** The title, the facts and, when the box has findings, the badge. */
  static List<String> lines(Box box) {
    List<String> lines = new ArrayList<>(Layout.lines(box));
    badge(box).ifPresent(lines::add);
    return lines;
  }

  /** {@code ⚠ 1 error, 2 warnings}: how many findings lie on the box, by severity, most serious first. */
  static Optional<String> badge(Box box) {
    if (box.findings().isEmpty()) {
      return Optional.empty();
    }
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    box.findings().forEach(m -> counts.merge(m.severity(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((severity, n) -> parts.add(n + " " + severity.word() + (n == 1 ? "" : "s")));
    return Optional.of("⚠ " + String.join(", ", parts));
  }

  /** The title, then one line per finding: {@code error container-os-mismatch: the message}. */
  static List<String> tooltip(Box box) {
    List<String> lines = new ArrayList<>();
    lines.add(box.title());
    for (Mark mark : box.findings()) {
      lines.add(mark.severity().word() + " " + mark.rule() + ": " + mark.message());
    }
    return lines;
  }

  /** What the drawing must say about itself (see {@link Diagram#notes()}), marked as a warning. */
  static List<String> notes(Diagram diagram) {
    return diagram.notes().stream().map(n -> "⚠ " + n.text()).toList();
  }
}
