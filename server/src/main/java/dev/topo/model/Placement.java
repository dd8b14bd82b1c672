package dev.topo.model;

/**
 * Where one version of a file puts each of its blocks: what makes the {@link Extent} of an
 * element of that version a {@link Span} of its text. An element must be placed by the
 * version it came from: the origin it holds is checked against the one this version has at
 * its ordinal, so that an element of another version fails instead of landing in a plausible
 * wrong place.
 */
public final class Placement {
  /** For models whose elements hold spans of their text (YAML's, tests'): places each as it is. */
  public static final Placement ABSOLUTE = new Placement(new Origin[0], new int[0]);

  private final Origin[] origins;
  private final int[] starts;

  /** @param starts where each origin's block starts in the text, by ordinal; both arrays are kept, not copied */
  Placement(Origin[] origins, int[] starts) {
    this.origins = origins;
    this.starts = starts;
  }

  /** Where an element of this version is in its file's text. */
  public Span span(Extent extent) {
    if (extent instanceof Span span) {
      return span;
    }
    LocalSpan local = (LocalSpan) extent;
    int base = start(local.origin());
    return new Span(local.source(), base + local.start(), base + local.end());
  }

  /** Where an element of this version starts in its file's text. */
  public int start(Extent extent) {
    return extent instanceof LocalSpan local ? start(local.origin()) + local.start() : ((Span) extent).start();
  }

  /** Where an element of this version ends in its file's text. */
  public int end(Extent extent) {
    return extent instanceof LocalSpan local ? start(local.origin()) + local.end() : ((Span) extent).end();
  }

  /** Where a block of this version starts. */
  public int start(Origin origin) {
    int i = origin.ordinal();
    if (i >= origins.length || origins[i] != origin) {
      throw new IllegalArgumentException("not an element of this version: " + origin);
    }
    return starts[i];
  }
}
