package dev.topo.check.edit;

import dev.topo.model.Span;
import java.net.URI;

/** Replaces a stretch of a source text (empty for an insertion) with new text. */
public record SourceEdit(Span span, String newText) {
  public static SourceEdit insert(URI source, int at, String text) {
    return new SourceEdit(new Span(source, at, at), text);
  }

  public static SourceEdit delete(Span span) {
    return new SourceEdit(span, "");
  }
}
