package dev.topo.model;

import java.net.URI;

/**
 * One parse of one top-level block: what the {@link LocalSpan}s of its elements count from.
 * Equal only to itself, so that two blocks of the same text stay two (their elements are keys
 * of maps of parents and platforms); a block parsed again after an edit gets a new one.
 *
 * @see Placement
 */
public final class Origin {
  private final URI source;
  private final int ordinal;

  /** @param ordinal the block's place among its file's top-level declarations */
  public Origin(URI source, int ordinal) {
    this.source = source;
    this.ordinal = ordinal;
  }

  public URI source() {
    return source;
  }

  public int ordinal() {
    return ordinal;
  }

  @Override
  public String toString() {
    return "block " + ordinal + " of " + source;
  }
}
