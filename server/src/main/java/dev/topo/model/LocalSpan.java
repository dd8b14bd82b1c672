package dev.topo.model;

import java.net.URI;

/**
 * A stretch of a top-level block's text, as offsets from the block's start: where an element
 * inside a block is, whatever the block's place in the file ({@link Placement} gives that).
 * {@code end} is exclusive.
 */
public record LocalSpan(Origin origin, int start, int end) implements Extent {
  public LocalSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  @Override
  public URI source() {
    return origin.source();
  }
}
