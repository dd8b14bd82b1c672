package dev.topo.lsp;

import dev.topo.ide.DocumentLinks;
import dev.topo.ide.Parsed;
import java.util.List;
import org.eclipse.lsp4j.DocumentLink;

/** Links on import paths ({@link DocumentLinks}) in the protocol. */
public final class DocumentLinkFeature {
  private DocumentLinkFeature() {}

  public static List<DocumentLink> links(Session session, Parsed snapshot) {
    return DocumentLinks.of(snapshot, new SessionWorkspace(session)).stream().map(link -> {
      DocumentLink converted = new DocumentLink(Positions.range(snapshot.lines(), link.span()), link.target().toString());
      converted.setTooltip(link.tooltip());
      return converted;
    }).toList();
  }
}
