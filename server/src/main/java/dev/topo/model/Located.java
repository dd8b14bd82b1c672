package dev.topo.model;

/** A model element that came from a place in a source text. */
public interface Located {
  Extent span();
}
