package dev.topo.workspace;

import dev.topo.model.FileModel;
import dev.topo.syntax.TopologySyntax;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File models by document, reused while the text is unchanged: an import that many programs
 * share is parsed once. Safe to use from several threads.
 */
public final class ParseCache {
  private final ConcurrentHashMap<URI, FileModel> models = new ConcurrentHashMap<>();

  public FileModel get(URI uri, String text) {
    FileModel cached = models.get(uri);
    if (cached != null && cached.text().equals(text)) {
      return cached;
    }
    FileModel fresh = TopologySyntax.parse(uri, text);
    models.put(uri, fresh);
    return fresh;
  }

  public void forget(URI uri) {
    models.remove(uri);
  }
}
