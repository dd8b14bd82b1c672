package dev.topo.diagram;

import dev.topo.check.Severity;
import dev.topo.model.EntityKind;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A program drawn as nested boxes and the edges between them: the one graph every face
 * (SVG, Mermaid, DOT, JSON, the editor's webview) renders. {@link DiagramBuilder} makes it
 * from a program and its findings with no geometry; {@link Layout} places it. Coordinates are
 * absolute, from the top-left corner of the drawing, in the units of the text estimates
 * (about a pixel).
 *
 * @param boxes the top-level boxes (hosts and clusters), in program order
 * @param edges references between boxes, at any depth
 * @param width the size of the whole drawing (0 before layout)
 * @param height the size of the whole drawing (0 before layout)
 * @param partial whether a file of the program has syntax errors, so that what is drawn is
 *     only what parsed
 * @param unplaced findings that lie on no box (an import error, a syntax error between blocks)
 * @param folded how many boxes a large diagram drew inside their parents instead (see {@link Fold})
 */
public record Diagram(List<Box> boxes, List<Edge> edges, double width, double height, boolean partial, int unplaced,
    int folded) {
  public Diagram {
    boxes = List.copyOf(boxes);
    edges = List.copyOf(edges);
  }

  /**
   * One entity of the program.
   *
   * @param id unique in the diagram, stable for the same text: the path of kinds and names
   * @param span the entity's whole block
   * @param source the same block as lines and columns, to reveal it in an editor
   * @param facts what an architect reads first, one short line each (OS, arch, capacity...)
   * @param findings the findings that lie on this box and not on one of its children, most serious first
   */
  public record Box(String id, EntityKind kind, String name, Span span, Source source, List<String> facts,
      List<Mark> findings, double x, double y, double width, double height, List<Box> children) {
    public Box {
      facts = List.copyOf(facts);
      findings = List.copyOf(findings);
      children = List.copyOf(children);
    }

    /** The most serious finding's severity: the box's colour. */
    public Optional<Severity> worst() {
      return findings.stream().map(Mark::severity).findFirst();
    }

    /** The title line: {@code host edge-01}. */
    public String title() {
      return kind.keyword() + " " + name;
    }

    Box placed(double newX, double newY, double newWidth, double newHeight, List<Box> placedChildren) {
      return new Box(id, kind, name, span, source, facts, findings, newX, newY, newWidth, newHeight, placedChildren);
    }

    /** This box and every box inside it, parents first. */
    public void forEachInTree(Consumer<Box> action) {
      action.accept(this);
      children.forEach(c -> c.forEachInTree(action));
    }
  }

  /**
   * A reference from one box to another, by their ids.
   *
   * @param route where the edge runs once laid out, from source to target (empty before)
   */
  public record Edge(String id, String from, String to, Kind kind, List<Point> route) {
    public Edge {
      route = List.copyOf(route);
    }

    /** What the reference says. */
    public enum Kind {
      /** A cluster lists the host or VM among its {@code nodes}. */
      NODE,
      /** A pod may be scheduled on the node (its selectors match it). */
      MAY_RUN_ON
    }
  }

  public record Point(double x, double y) {}

  /** A finding as a box shows it: its colour, its rule and its message (the tooltip). */
  public record Mark(Severity severity, String rule, String message) {}

  /**
   * Where an entity is written: its document and 0-based lines and UTF-16 columns, as LSP
   * ranges count them.
   */
  public record Source(java.net.URI uri, int line, int character, int endLine, int endCharacter) {}

  /**
   * A line the drawing says about itself, under it.
   *
   * @param kind what the line is about ({@code partial}, {@code empty}, {@code unplaced}, {@code folded}),
   *     for a face to style it
   */
  public record Note(String kind, String text) {}

  /** What every face must say about the drawing: that it is partial, empty, leaves findings out or folds boxes. */
  public List<Note> notes() {
    List<Note> notes = new ArrayList<>();
    if (partial) {
      notes.add(new Note("partial", "Partial: a file has syntax errors, and only what parsed is drawn."));
    }
    if (boxes.isEmpty()) {
      notes.add(new Note("empty", "Nothing to draw: no host or cluster."));
    }
    if (unplaced > 0) {
      notes.add(new Note("unplaced",
          unplaced == 1 ? "1 finding lies on no box and is not drawn." : unplaced + " findings lie on no box and are not drawn."));
    }
    if (folded > 0) {
      notes.add(new Note("folded", "A large design: " + folded
          + " containers and modules are folded into their parents; focus on one host or cluster to see it in full."));
    }
    return notes;
  }

  /** Every box, parents before children, in program order. */
  public List<Box> allBoxes() {
    List<Box> all = new ArrayList<>();
    boxes.forEach(b -> b.forEachInTree(all::add));
    return all;
  }
}
