package dev.topo.model;

import java.net.URI;

/**
 * A stretch of one document's text, as offsets in UTF-16 code units (Java string indices,
 * which are also what LSP positions count). {@code end} is exclusive.
 */
public record Span(URI source, int start, int end) implements Extent {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  public boolean contains(Span other) {
    return source.equals(other.source) && start <= other.start && other.end <= end;
  }

  public boolean contains(int offset) {
    return start <= offset && offset <= end;
  }

  public Span to(Span last) {
    return new Span(source, start, Math.max(end, last.end));
  }

  public int length() {
    return end - start;
  }
}
