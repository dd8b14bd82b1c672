package dev.topo.workspace;

import dev.topo.model.FileModel;
import dev.topo.syntax.IncrementalParse;
import dev.topo.syntax.TopologySyntax;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File models by document, reused while the text is unchanged: an import that many programs
 * share is parsed once, and an edit re-parses only the block it touches when it can. Safe to
 * use from several threads.
 */
public final class ParseCache {
  private final ConcurrentHashMap<URI, FileModel> models = new ConcurrentHashMap<>();

  public FileModel get(URI uri, String text) {
    FileModel cached = models.get(uri);
    if (cached != null && cached.text().equals(text)) {
      return cached;
    }
    // An edit inside one block of a document already parsed re-parses only that block.
    FileModel fresh = cached == null ? TopologySyntax.parse(uri, text)
        : IncrementalParse.reparse(cached, text).orElseGet(() -> TopologySyntax.parse(uri, text));
    models.put(uri, fresh);
    return fresh;
  }

  public void forget(URI uri) {
    models.remove(uri);
  }
}
