package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.Span;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import dev.topo.workspace.References;
import dev.topo.workspace.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Find references. A host or VM is referenced by the {@code nodes} entries that resolve to it,
 * in every file of the workspace (each seen as the root of its own program); a library by the
 * {@code requires} of the modules of its block that it satisfies; a {@code requires} that no
 * library satisfies is mentioned by the requires of its block that name the same library.
 * Other blocks have no references: only their declaration is listed, when asked for.
 */
public final class FindReferences {
  private FindReferences() {}

  /** The places that name what the cursor names, the declaration first when it is included. */
  public static List<Place> at(Snapshot snapshot, int offset, boolean includeDeclaration, Workspace workspace,
      Cancellation cancel) {
    Optional<Target> target = Locator.at(snapshot.file(), offset);
    if (target.isEmpty()) {
      return List.of();
    }
    Program program = snapshot.analysis().program();
    List<Place> found = new ArrayList<>();
    Optional<Entity> entity = References.entity(program, target.get());
    if (entity.isPresent()) {
      if (includeDeclaration) {
        found.add(place(snapshot, program.span(entity.get().name())));
      }
      for (WorkspaceSearch.Found ref : new WorkspaceSearch(workspace, snapshot, cancel).nodeReferences(entity.get())) {
        found.add(new Place(ref.file().span(ref.name()), ref.file().lines()));
      }
      return found;
    }
    // Libraries and requires are named only inside their block: the program is enough.
    for (DocumentHighlights.Highlight mention : DocumentHighlights.mentions(program, target.get())) {
      if (includeDeclaration || mention.role() == DocumentHighlights.Role.REFERENCE) {
        found.add(place(snapshot, mention.span()));
      }
    }
    return found;
  }

  private static Place place(Snapshot snapshot, Span span) {
    return new Place(span, snapshot.lines(span.source()));
  }
}
