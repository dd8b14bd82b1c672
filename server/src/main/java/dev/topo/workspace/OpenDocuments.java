package dev.topo.workspace;

import dev.topo.yaml.Manifests;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents open in the editor, whose buffers (not the disk) are the truth; any other
 * document is read through the fallback. Safe to use from several threads.
 */
public final class OpenDocuments implements SourceProvider {
  private final ConcurrentHashMap<URI, TextDocument> open = new ConcurrentHashMap<>();
  private final SourceProvider fallback;

  public OpenDocuments(SourceProvider fallback) {
    this.fallback = fallback;
  }

  public void open(TextDocument document) {
    open.put(key(document.uri()), document);
  }

  /** Replaces an open document with its edited version. */
  public void update(TextDocument document) {
    open.put(key(document.uri()), document);
  }

  public void close(URI uri) {
    open.remove(key(uri));
  }

  public Optional<TextDocument> get(URI uri) {
    return Optional.ofNullable(open.get(key(uri)));
  }

  public Collection<TextDocument> all() {
    return open.values();
  }

  @Override
  public Optional<String> read(URI uri) {
    TextDocument document = open.get(key(uri));
    return document != null ? Optional.of(document.text()) : fallback.read(uri);
  }

  @Override
  public URI canonical(URI uri) {
    return fallback.canonical(uri);
  }

  /** The fallback's siblings, and open documents of the folder not yet saved there. */
  @Override
  public List<URI> yamlSiblings(URI uri) {
    URI self = key(uri);
    URI folder = self.resolve(".");
    TreeSet<URI> siblings = new TreeSet<>(fallback.yamlSiblings(uri).stream().map(OpenDocuments::key).toList());
    open.keySet().stream().filter(u -> !u.equals(self) && u.resolve(".").equals(folder) && Manifests.isYaml(u))
        .forEach(siblings::add);
    return List.copyOf(siblings);
  }

  /** URIs compare by their normalised form ("file:///a/./b" is "file:///a/b"). */
  private static URI key(URI uri) {
    return uri.normalize();
  }
}
