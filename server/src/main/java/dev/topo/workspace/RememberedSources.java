package dev.topo.workspace;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider that asks its source about each document once and remembers the answer: a run
 * that checks every file of an import chain as the root of its own program reads each file
 * from the disk once, not once per program that contains it. It sees the disk as it was when
 * it first looked, so it lives for one run.
 */
public final class RememberedSources implements SourceProvider {
  private final SourceProvider source;
  private final Map<URI, Optional<String>> texts = new ConcurrentHashMap<>();
  private final Map<URI, URI> canonical = new ConcurrentHashMap<>();
  private final Map<URI, List<URI>> siblings = new ConcurrentHashMap<>();

  public RememberedSources(SourceProvider source) {
    this.source = source;
  }

  @Override
  public Optional<String> read(URI uri) {
    return texts.computeIfAbsent(uri, source::read);
  }

  @Override
  public URI canonical(URI uri) {
    return canonical.computeIfAbsent(uri, source::canonical);
  }

  @Override
  public List<URI> yamlSiblings(URI uri) {
    return siblings.computeIfAbsent(uri, source::yamlSiblings);
  }
}
