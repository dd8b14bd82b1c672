package dev.topo.ide;

import dev.topo.workspace.ParseCache;
import dev.topo.workspace.ProgramLoader;
import dev.topo.workspace.SourceProvider;
import java.net.URI;
import java.util.Collection;

/**
 * The workspace around a snapshot, for the features that look beyond its program (find
 * references, rename, workspace symbols, where an import leads): the files to search, where
 * their texts come from, and the parse cache their models come from. The server implements
 * it over its session; the texts of files that are not open are read by the provider, never
 * by a feature.
 */
public interface Workspace {
  /** The files to search besides the snapshot's program: the open documents and the workspace index. */
  Collection<URI> files();

  /** The texts of documents: the open buffers first, then the disk. */
  SourceProvider sources();

  ParseCache cache();

  /**
   * The folder a document's imports may not leave: the workspace root that holds it, else its
   * own folder (null, for tests only, is no boundary).
   */
  URI rootOf(URI document);

  /** Loads the programs rooted at a document, and resolves its imports, as analysis does. */
  default ProgramLoader loader(URI document) {
    return new ProgramLoader(sources(), cache(), rootOf(document));
  }
}
