package dev.topo.lsp;

import dev.topo.ide.Definition;
import dev.topo.ide.Snapshot;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Go to definition ({@link Definition}) in the protocol: links, which carry the whole block as
 * the target and the name as the place to select, when the client supports them; else the
 * name's location.
 */
public final class DefinitionFeature {
  private DefinitionFeature() {}

  public static Either<List<? extends Location>, List<? extends LocationLink>> definition(
      Session session, Snapshot snapshot, Position position) {
    OptionalInt offset = Locations.offset(snapshot, position);
    Optional<Definition.Result> found = offset.isEmpty() ? Optional.empty()
        : Definition.at(snapshot, offset.getAsInt(), new SessionWorkspace(session));
    if (found.isEmpty()) {
      return Either.forLeft(List.of());
    }
    Definition.Result d = found.get();
    if (linkSupport(session.clientCapabilities())) {
      return Either.forRight(List.of(new LocationLink(d.name().source().toString(), Locations.range(snapshot, d.whole()),
          Locations.range(snapshot, d.name()), Positions.range(snapshot.lines(), d.origin()))));
    }
    return Either.forLeft(List.of(Locations.location(snapshot, d.name())));
  }

  static boolean linkSupport(ClientCapabilities client) {
    var text = client.getTextDocument();
    return text != null && text.getDefinition() != null && Boolean.TRUE.equals(text.getDefinition().getLinkSupport());
  }
}
