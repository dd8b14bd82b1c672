package dev.topo.model;

import java.net.URI;
import java.util.List;

/**
 * What one topology file says, built from its text alone: its imports, its top-level
 * declarations (hosts and clusters), the problems met while building it, and its
 * suppression comments. It knows nothing of other files, so it can be cached per text.
 */
public record FileModel(
    URI uri,
    String text,
    LineMap lines,
    List<Import> imports,
    List<Entity> declarations,
    List<Problem> problems,
    List<Suppression> suppressions) {}
