package dev.topo.model;

import java.util.Arrays;
import java.util.List;

/**
 * Where one version of a file puts each of its blocks: what makes the {@link Extent} of an
 * element of that version a {@link Span} of its text. An element must be placed by the
 * version it came from: the origin it holds is checked against the one this version has at
 * its ordinal, so that an element of another version fails instead of landing in a plausible
 * wrong place.
 */
public final class Placement {
  /** For models whose elements hold spans of their text (YAML's, tests'): places each as it is. */
  public static final Placement ABSOLUTE = new Placement(0, new Origin[0], new int[0]);

  /** The ordinal of {@code origins[0]}: a block parsed again alone has the one it has in its file. */
  private final int first;
  private final Origin[] origins;
  private final int[] starts;

  private Placement(int first, Origin[] origins, int[] starts) {
    this.first = first;
    this.origins = origins;
    this.starts = starts;
  }

  /**
   * The blocks of a parse, of consecutive ordinals: {@code starts[i]} is where the block of
   * {@code origins.get(i)} starts ({@code starts} may be longer; its first {@code origins.size()} are copied).
   */
  public static Placement of(List<Origin> origins, int[] starts) {
    return new Placement(origins.isEmpty() ? 0 : origins.get(0).ordinal(), origins.toArray(new Origin[0]),
        Arrays.copyOf(starts, origins.size()));
  }

  /**
   * This placement after an edit: the block of {@code origin}'s ordinal parsed again (or null
   * for none) and every block that started at or after {@code from} moved by {@code delta}.
   */
  public Placement edited(Origin origin, int from, int delta) {
    Origin[] newOrigins = origin == null ? origins : origins.clone();
    if (origin != null) {
      newOrigins[origin.ordinal() - first] = origin;
    }
    int[] newStarts = starts.clone();
    for (int i = 0; i < newStarts.length; i++) {
      if (newStarts[i] >= from) {
        newStarts[i] += delta;
      }
    }
    return new Placement(first, newOrigins, newStarts);
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

  /** Where a block of this version starts. */
  private int start(Origin origin) {
    int i = origin.ordinal() - first;
    if (i < 0 || i >= origins.length || origins[i] != origin) {
      throw new IllegalArgumentException("not an element of this version: " + origin);
    }
    return starts[i];
  }
}
