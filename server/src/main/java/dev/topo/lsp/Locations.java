package dev.topo.lsp;

import dev.topo.ide.Place;
import dev.topo.ide.Snapshot;
import dev.topo.model.Span;
import java.util.OptionalInt;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Shared steps of the navigation features: the cursor as an offset, and places as locations. */
final class Locations {
  private Locations() {}

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

  /** A place in any file of the workspace. */
  static Location location(Place place) {
    return new Location(place.span().source().toString(), Positions.range(place.lines(), place.span()));
  }
}
