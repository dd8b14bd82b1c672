package dev.topo.ide;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The topology files around a document, for completing import paths: the editor layer reads
 * no disk, so the server, which indexes the workspace and may list a folder, answers for it.
 */
public interface TopologyFiles {
  /** Folders an import path is not offered into, nor are they listed: tools' and editors' own. */
  Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target", ".idea", ".vscode");

  /** No files known, no workspace: completion offers no paths. */
  TopologyFiles NONE = new TopologyFiles() {
    @Override
    public Collection<URI> known() {
      return List.of();
    }

    @Override
    public Optional<URI> root(URI document) {
      return Optional.empty();
    }

    @Override
    public Collection<URI> listed(URI folder) {
      return List.of();
    }
  };

  /**
   * The documents the server knows: the workspace's as indexed, and the open ones (those
   * that are not topology files are left out by the caller).
   */
  Collection<URI> known();

  /** The workspace folder that holds a document, if it is in one. */
  Optional<URI> root(URI document);

  /**
   * The topology files in a folder now, and for each of its subfolders that holds some, one
   * of them (so that a file created since the workspace was indexed is offered too); no
   * deeper, and never into {@link #SKIPPED_FOLDERS}. Called only for folders inside the
   * workspace, or below the document's folder when there is none.
   */
  Collection<URI> listed(URI folder);
}
