package dev.topo.yaml;

import dev.topo.model.Located;
import dev.topo.model.Placement;
import dev.topo.model.Span;

/** Where an element of a model read from YAML is: such models hold spans of their text, never relative ones. */
final class Absolute {
  private Absolute() {}

  static Span at(Located element) {
    return Placement.ABSOLUTE.span(element.span());
  }
}
