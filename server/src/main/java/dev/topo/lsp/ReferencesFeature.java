package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.FindReferences;
import dev.topo.ide.Snapshot;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/** Find references ({@link FindReferences}) in the protocol. */
public final class ReferencesFeature {
  private ReferencesFeature() {}

  public static List<Location> references(Session session, Snapshot snapshot, Position position,
      boolean includeDeclaration, Cancellation cancel) {
    OptionalInt offset = Locations.offset(snapshot, position);
    if (offset.isEmpty()) {
      return List.of();
    }
    return FindReferences.at(snapshot, offset.getAsInt(), includeDeclaration, new SessionWorkspace(session), cancel)
        .stream().map(Locations::location).toList();
  }
}
