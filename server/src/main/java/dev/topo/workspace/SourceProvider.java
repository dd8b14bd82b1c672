package dev.topo.workspace;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where analysis gets texts from: the disk for the CLI, open buffers and then the disk for
 * the language server, a map in tests. Analysis itself does no I/O; this is its only door.
 */
public interface SourceProvider {
  /** The text of the document, or empty when there is none (or it cannot be read). */
  Optional<String> read(URI uri);

  /**
   * The location with symbolic links and {@code ..} resolved, so that the workspace boundary
   * is checked on real paths, not spellings. The default only normalises the URI.
   */
  default URI canonical(URI uri) {
    return uri.normalize();
  }

  /**
   * The other YAML documents in the folder of this one, in name order: a folder of Kubernetes
   * manifests is one cluster, as {@code kubectl apply -f FOLDER} makes it. None by default.
   */
  default List<URI> yamlSiblings(URI uri) {
    return List.of();
  }
}
