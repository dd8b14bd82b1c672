package dev.topo.workspace;

import dev.topo.yaml.Manifests;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Documents held in memory, for tests: {@code file:///ws/NAME}. */
public final class MemorySources implements SourceProvider {
  public static final URI ROOT = URI.create("file:///ws/");
  private final Map<URI, String> texts = new HashMap<>();

  public MemorySources with(String path, String text) {
    texts.put(uri(path), text);
    return this;
  }

  public static URI uri(String path) {
    return ROOT.resolve(path);
  }

  /** Every document held, in no particular order. */
  public List<URI> uris() {
    return List.copyOf(texts.keySet());
  }

  @Override
  public List<URI> yamlSiblings(URI uri) {
    URI self = uri.normalize();
    return texts.keySet().stream().filter(u -> !u.equals(self) && u.resolve(".").equals(self.resolve("."))
        && Manifests.isYaml(u)).sorted().toList();
  }

  @Override
  public Optional<String> read(URI uri) {
    return Optional.ofNullable(texts.get(uri.normalize()));
  }
}
