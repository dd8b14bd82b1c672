package dev.topo.model;

import java.net.URI;

/**
 * Where a model element is: a {@link Span} of its file's text, or a {@link LocalSpan} within
 * a top-level block, which the version of the file the element came from places ({@link
 * Placement}). Elements inside blocks hold local ones, so that an edit moves the blocks after
 * it by one number each instead of rebuilding everything they hold.
 */
public sealed interface Extent permits Span, LocalSpan {
  URI source();
}
