package dev.topo.workspace;

import dev.topo.model.Limits;
import dev.topo.yaml.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads documents from the disk. Bytes that are not UTF-8 become replacement characters
 * rather than failures, so a damaged file still gets findings.
 */
public final class FileSystemSources implements SourceProvider {
  /**
   * Bytes read at most: enough for any text the parser accepts (four bytes a character at
   * worst), so that a huge file costs no more than saying it is too large.
   */
  public static final int MAX_BYTES = Limits.MAX_FILE_BYTES;

  @Override
  public Optional<String> read(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(uri);
      if (!Files.isRegularFile(path)) {
        return Optional.empty();
      }
      try (InputStream in = Files.newInputStream(path)) {
        String text = new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        // Editors hide a byte-order mark; without it, columns match what the user sees.
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The real path: links, {@code .}, {@code ..} and doubled slashes resolved, escapes such as
   * {@code %2e%2e} decoded first. A path that does not exist is the real path of its nearest
   * existing folder and the rest, so that {@code link/missing.topo} is where the link leads.
   */
  @Override
  public URI canonical(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      return uri.normalize();
    }
    try {
      return realPath(Path.of(uri)).toUri();
    } catch (RuntimeException e) {
      return uri.normalize();
    }
  }

  /**
   * The real path of a path, existing or not (see {@link #canonical}). The deepest part that
   * exists is resolved as the system resolves it, {@code ..} after a link included.
   */
  public static Path realPath(Path path) {
    Path absolute = path.toAbsolutePath();
    for (Path existing = absolute; existing != null; existing = existing.getParent()) {
      try {
        Path real = existing.toRealPath();
        return existing == absolute ? real : real.resolve(existing.relativize(absolute)).normalize();
      } catch (IOException e) {
        // not there (or not readable): try its folder
      }
    }
    return absolute.normalize();
  }

  /** Folders larger than this are not read as one cluster: their siblings are left out, not read by the thousand. */
  static final int MAX_SIBLINGS = 1_000;

  @Override
  public List<URI> yamlSiblings(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      return List.of();
    }
    try {
      Path self = Path.of(uri);
      Path folder = self.getParent();
      if (folder == null) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(folder)) {
        List<Path> yaml = files.filter(p -> !p.getFileName().equals(self.getFileName()) && Manifests.isYaml(p.toUri())
            && Files.isRegularFile(p)).limit(MAX_SIBLINGS + 1L).sorted().toList();
        return yaml.size() > MAX_SIBLINGS ? List.of() : yaml.stream().map(Path::toUri).toList();
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
