package dev.topo.model;

import java.net.URI;
import java.util.List;

/**
 * What one topology file says, built from its text alone: its imports, its top-level
 * declarations (hosts and clusters), the problems met while building it, and its
 * suppression comments. It knows nothing of other files, so it can be cached per text.
 *
 * @param placement where this version puts its blocks, for the elements inside them ({@link Extent})
 */
public record FileModel(
    URI uri,
    String text,
    LineMap lines,
    List<Import> imports,
    List<Entity> declarations,
    List<Problem> problems,
    List<Suppression> suppressions,
    Placement placement) {

  /** A model whose elements hold spans of its text: a YAML file's, a test's. */
  public FileModel(URI uri, String text, LineMap lines, List<Import> imports, List<Entity> declarations,
      List<Problem> problems, List<Suppression> suppressions) {
    this(uri, text, lines, imports, declarations, problems, suppressions, Placement.ABSOLUTE);
  }

  /** Where an element of this version of the file is in its text. */
  public Span span(Located element) {
    return placement.span(element.span());
  }
}
