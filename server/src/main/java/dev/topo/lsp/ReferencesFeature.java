package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.Name;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import dev.topo.workspace.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * Find references. A host or VM is referenced by the {@code nodes} entries that resolve to it,
 * in every file of the workspace (each seen as the root of its own program); a library by the
 * {@code requires} of the modules of its block that it satisfies. Other blocks have no
 * references: only their declaration is listed, when asked for.
 */
public final class ReferencesFeature {
  private ReferencesFeature() {}

  public static List<Location> references(Session session, Snapshot snapshot, Position position,
      boolean includeDeclaration, Cancellation cancel) {
    Optional<Target> target = Locations.target(snapshot, position);
    if (target.isEmpty()) {
      return List.of();
    }
    Program program = snapshot.analysis().program();
    List<Location> found = new ArrayList<>();
    Optional<Entity> entity = References.entity(program, target.get());
    if (entity.isPresent()) {
      Entity declaration = entity.get();
      if (includeDeclaration) {
        found.add(Locations.location(snapshot, declaration.name().span()));
      }
      for (WorkspaceSearch.Found ref : new WorkspaceSearch(session, snapshot, cancel).nodeReferences(declaration)) {
        found.add(Locations.location(ref.file().lines(), ref.name().span()));
      }
      return found;
    }
    Optional<References.Provided> library = References.library(program, target.get());
    if (library.isPresent()) {
      if (includeDeclaration) {
        found.add(Locations.location(snapshot, library.get().library().name().span()));
      }
      for (Name requirement : References.requirements(library.get())) {
        found.add(Locations.location(snapshot, requirement.span()));
      }
      return found;
    }
    if (target.get() instanceof Target.RequirementName r) {
      // No library satisfies it: the requires of the same block that name it are its only mentions.
      program.parent(r.module()).ifPresent(owner -> References.requiring(owner, r.requirement().library().text())
          .forEach(name -> found.add(Locations.location(snapshot, name.span()))));
    }
    return found;
  }
}
