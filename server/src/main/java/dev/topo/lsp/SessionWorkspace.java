package dev.topo.lsp;

import dev.topo.ide.Workspace;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.SourceProvider;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The session's documents, index, cache and roots, as the editor features see the workspace.
 *
 * @param withExcluded whether files the configuration excludes are searched: references and
 *     rename must reach them, workspace symbols leave them out as {@code topo check} does
 */
record SessionWorkspace(Session session, boolean withExcluded) implements Workspace {
  SessionWorkspace(Session session) {
    this(session, true);
  }

  @Override
  public Collection<URI> files() {
    Set<URI> files = new LinkedHashSet<>();
    for (TextDocument open : session.documents().all()) {
      files.add(open.uri());
    }
    files.addAll(session.workspaceFiles());
    if (!withExcluded) {
      files.removeIf(session::excluded);
    }
    return files;
  }

  @Override
  public SourceProvider sources() {
    return session.documents();
  }

  @Override
  public ParseCache cache() {
    return session.cache();
  }

  @Override
  public URI rootOf(URI document) {
    return session.boundaryOf(document);
  }
}
