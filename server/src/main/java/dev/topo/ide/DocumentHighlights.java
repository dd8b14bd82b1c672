package dev.topo.ide;

import dev.topo.model.Entity;
import dev.topo.model.Name;
import dev.topo.model.Span;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import dev.topo.workspace.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Document highlight: in this document, the declaration of what the cursor names and its
 * references. The same entities as find references, without leaving the document, so it
 * needs no workspace search.
 */
public final class DocumentHighlights {
  private DocumentHighlights() {}

  /** Whether a name is the declaration (which gives the name) or a reference (which reads it). */
  public enum Role { DECLARATION, REFERENCE }

  public record Highlight(Span span, Role role) {}

  public static List<Highlight> at(Snapshot snapshot, int offset) {
    return Locator.at(snapshot.file(), offset)
        .map(target -> mentions(snapshot.analysis().program(), target))
        .orElse(List.of())
        .stream()
        .filter(h -> References.inDocument(h.span(), snapshot.file().uri())) // a declaration may be in an import
        .toList();
  }

  /**
   * What a target names, and where the program's root file names it: a host or VM and its node
   * references; a library and the requires it satisfies; a requires nothing satisfies and the
   * requires of its block that name the same library; any other block, itself alone.
   */
  static List<Highlight> mentions(Program program, Target target) {
    List<Highlight> found = new ArrayList<>();
    Optional<Entity> entity = References.entity(program, target);
    Optional<References.Provided> library = References.library(program, target);
    if (entity.isPresent()) {
      found.add(new Highlight(program.span(entity.get().name()), Role.DECLARATION));
      references(program, References.nodeReferences(program, entity.get()), found);
    } else if (library.isPresent()) {
      found.add(new Highlight(program.span(library.get().library().name()), Role.DECLARATION));
      references(program, References.requirements(library.get()), found);
    } else if (target instanceof Target.RequirementName r) {
      program.parent(r.module())
          .ifPresent(owner -> references(program, References.requiring(owner, r.requirement().library().text()), found));
    }
    return found;
  }

  private static void references(Program program, List<Name> names, List<Highlight> found) {
    names.forEach(name -> found.add(new Highlight(program.span(name), Role.REFERENCE)));
  }
}
