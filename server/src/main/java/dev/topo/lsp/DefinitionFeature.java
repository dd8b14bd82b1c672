package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.model.Entity;
import dev.topo.model.Span;
import dev.topo.workspace.ProgramLoader;
import dev.topo.workspace.References;
import dev.topo.workspace.Target;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Go to definition: a node reference goes to its host or VM (perhaps in an imported file),
 * an import path to the start of the imported file, a {@code requires} to the {@code library}
 * of the module's enclosing block that satisfies it, and a declaration to itself (editors then
 * offer references). Answers with links, which carry the whole block as the target and the
 * name as the place to select, when the client supports them.
 */
public final class DefinitionFeature {
  private DefinitionFeature() {}

  /** Where a definition points: the whole of it, and the part to select (its name). */
  private record Destination(URI uri, Range whole, Range name) {}

  public static Either<List<? extends Location>, List<? extends LocationLink>> definition(
      Session session, Snapshot snapshot, Position position) {
    Optional<Target> target = Locations.target(snapshot, position);
    Optional<Destination> destination = target.flatMap(t -> destination(session, snapshot, t));
    if (destination.isEmpty()) {
      return Either.forLeft(List.of());
    }
    Destination d = destination.get();
    if (linkSupport(session.clientCapabilities())) {
      Range origin = Positions.range(snapshot.lines(), target.get().span());
      return Either.forRight(List.of(new LocationLink(d.uri.toString(), d.whole, d.name, origin)));
    }
    return Either.forLeft(List.of(new Location(d.uri.toString(), d.name)));
  }

  private static Optional<Destination> destination(Session session, Snapshot snapshot, Target target) {
    if (target instanceof Target.ImportPath path) {
      URI from = snapshot.file().uri();
      Range start = new Range(new Position(0, 0), new Position(0, 0));
      return new ProgramLoader(session.documents(), session.cache(), session.rootOf(from))
          .target(from, path.anImport())
          .map(uri -> new Destination(uri, start, start));
    }
    Optional<Entity> entity = References.entity(snapshot.analysis().program(), target);
    if (entity.isPresent()) {
      return Optional.of(destination(snapshot, entity.get().span(), entity.get().name().span()));
    }
    return References.library(snapshot.analysis().program(), target)
        .map(p -> destination(snapshot, p.library().span(), p.library().name().span()));
  }

  private static Destination destination(Snapshot snapshot, Span whole, Span name) {
    var lines = snapshot.lines(whole.source());
    return new Destination(whole.source(), Positions.range(lines, whole), Positions.range(lines, name));
  }

  static boolean linkSupport(ClientCapabilities client) {
    var text = client.getTextDocument();
    return text != null && text.getDefinition() != null && Boolean.TRUE.equals(text.getDefinition().getLinkSupport());
  }
}
