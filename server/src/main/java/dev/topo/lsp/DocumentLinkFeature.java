package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.model.Import;
import dev.topo.workspace.ProgramLoader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentLink;

/**
 * Links on import paths (the whole string, quotes included, as the model spans it) to the
 * file they name. Only imports that resolve get one: a file that exists and, when the
 * document has a workspace root, lies inside it; exactly the imports the program follows.
 * A broken import has its diagnostic instead of a link to nowhere.
 */
public final class DocumentLinkFeature {
  private DocumentLinkFeature() {}

  public static List<DocumentLink> links(Session session, Snapshot snapshot) {
    URI from = snapshot.file().uri();
    ProgramLoader loader = new ProgramLoader(session.documents(), session.cache(), session.rootOf(from));
    List<DocumentLink> links = new ArrayList<>();
    for (Import anImport : snapshot.file().imports()) {
      loader.target(from, anImport).ifPresent(target -> {
        DocumentLink link = new DocumentLink(Positions.range(snapshot.lines(), anImport.pathSpan()), target.toString());
        link.setTooltip("Open " + anImport.path());
        links.add(link);
      });
    }
    return links;
  }
}
