package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.model.Entity;
import dev.topo.model.Name;
import dev.topo.model.Span;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import dev.topo.workspace.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Position;

/**
 * Document highlight: in this document, the declaration of what the cursor names (Write: it
 * gives the name) and its references (Read). The same entities as find references, without
 * leaving the document, so it needs no workspace search.
 */
public final class DocumentHighlightFeature {
  private DocumentHighlightFeature() {}

  public static List<DocumentHighlight> highlights(Snapshot snapshot, Position position) {
    Optional<Target> target = Locations.target(snapshot, position);
    if (target.isEmpty()) {
      return List.of();
    }
    Program program = snapshot.analysis().program();
    List<DocumentHighlight> found = new ArrayList<>();
    Optional<Entity> entity = References.entity(program, target.get());
    if (entity.isPresent()) {
      add(snapshot, found, entity.get().name().span(), DocumentHighlightKind.Write);
      for (Name ref : References.nodeReferences(program, entity.get())) {
        add(snapshot, found, ref.span(), DocumentHighlightKind.Read);
      }
      return found;
    }
    Optional<References.Provided> library = References.library(program, target.get());
    if (library.isPresent()) {
      add(snapshot, found, library.get().library().name().span(), DocumentHighlightKind.Write);
      for (Name requirement : References.requirements(library.get())) {
        add(snapshot, found, requirement.span(), DocumentHighlightKind.Read);
      }
    } else if (target.get() instanceof Target.RequirementName r) {
      program.parent(r.module()).ifPresent(owner -> References.requiring(owner, r.requirement().library().text())
          .forEach(name -> add(snapshot, found, name.span(), DocumentHighlightKind.Read)));
    }
    return found;
  }

  /** Adds a highlight if the place is in this document (a declaration may be in an import). */
  private static void add(Snapshot snapshot, List<DocumentHighlight> found, Span span, DocumentHighlightKind kind) {
    if (References.inDocument(span, snapshot.file().uri())) {
      found.add(new DocumentHighlight(Positions.range(snapshot.lines(), span), kind));
    }
  }
}
