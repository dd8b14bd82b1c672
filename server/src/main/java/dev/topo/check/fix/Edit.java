package dev.topo.check.fix;

import dev.topo.model.Span;

/** Replace a stretch of a document (empty for an insertion) with new text. */
public record Edit(Span span, String newText) {
  public static Edit insert(java.net.URI source, int at, String text) {
    return new Edit(new Span(source, at, at), text);
  }

  public static Edit delete(Span span) {
    return new Edit(span, "");
  }
}
