package dev.topo.lsp;

import dev.topo.ide.DocumentHighlights;
import dev.topo.ide.Snapshot;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Position;

/** Document highlight ({@link DocumentHighlights}) in the protocol: the declaration is written, references read. */
public final class DocumentHighlightFeature {
  private DocumentHighlightFeature() {}

  public static List<DocumentHighlight> highlights(Snapshot snapshot, Position position) {
    OptionalInt offset = Locations.offset(snapshot, position);
    if (offset.isEmpty()) {
      return List.of();
    }
    return DocumentHighlights.at(snapshot, offset.getAsInt()).stream()
        .map(h -> new DocumentHighlight(Positions.range(snapshot.lines(), h.span()), kind(h.role())))
        .toList();
  }

  static DocumentHighlightKind kind(DocumentHighlights.Role role) {
    return switch (role) {
      case DECLARATION -> DocumentHighlightKind.Write;
      case REFERENCE -> DocumentHighlightKind.Read;
    };
  }
}
