package dev.topo.ide;

import dev.topo.model.Import;
import dev.topo.model.Span;
import dev.topo.workspace.ProgramLoader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Links on import paths (the whole string, quotes included, as the model spans it) to the
 * file they name. Only imports that resolve get one: a file that exists and, when the
 * document has a workspace root, lies inside it; exactly the imports the program follows.
 * A broken import has its diagnostic instead of a link to nowhere.
 */
public final class DocumentLinks {
  private DocumentLinks() {}

  /** An import's path, the file it names, and what the editor says on it. */
  public record Link(Span span, URI target, String tooltip) {}

  public static List<Link> of(Parsed snapshot, Workspace workspace) {
    URI from = snapshot.file().uri();
    ProgramLoader loader = workspace.loader(from);
    List<Link> links = new ArrayList<>();
    for (Import anImport : snapshot.file().imports()) {
      loader.target(from, anImport)
          .ifPresent(target -> links.add(new Link(anImport.pathSpan(), target, "Open " + anImport.path())));
    }
    return links;
  }
}
