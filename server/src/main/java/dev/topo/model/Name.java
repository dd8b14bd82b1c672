package dev.topo.model;

/** A name as written: a declaration's name, a reference, an OS family, a library... */
public record Name(String text, Span span) implements Located {
  @Override
  public String toString() {
    return text;
  }
}
