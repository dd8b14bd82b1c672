package dev.topo.lsp;

import dev.topo.ide.Place;
import dev.topo.ide.Snapshot;
import dev.topo.model.LineMap;
import dev.topo.model.Span;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Target;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Shared steps of the navigation features: what the cursor is on, and model places as locations. */
final class Locations {
  private Locations() {}

  /** What stands at a position of the snapshot's document (a position past the end is clamped). */
  static Optional<Target> target(Snapshot snapshot, Position position) {
    if (position == null) {
      return Optional.empty();
    }
    return Locator.at(snapshot.file(), Positions.offset(snapshot.lines(), position));
  }

  /** The offset of a position of the snapshot's document (clamped to the text); none for a request without one. */
  static OptionalInt offset(Snapshot snapshot, Position position) {
    return position == null ? OptionalInt.empty() : OptionalInt.of(Positions.offset(snapshot.lines(), position));
  }

  /** A span of any file of the snapshot's program. */
  static Range range(Snapshot snapshot, Span span) {
    return Positions.range(snapshot.lines(span.source()), span);
  }

  static Location location(Snapshot snapshot, Span span) {
    return new Location(span.source().toString(), range(snapshot, span));
  }

  static Location location(LineMap lines, Span span) {
    return new Location(span.source().toString(), Positions.range(lines, span));
  }

  /** A place in any file of the workspace. */
  static Location location(Place place) {
    return location(place.lines(), place.span());
  }
}
