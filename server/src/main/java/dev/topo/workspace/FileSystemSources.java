package dev.topo.workspace;

import dev.topo.syntax.TopologySyntax;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads documents from the disk. Bytes that are not UTF-8 become replacement characters
 * rather than failures, so a damaged file still gets findings.
 */
public final class FileSystemSources implements SourceProvider {
  /**
   * Bytes read at most: enough for any text the parser accepts (four bytes a character at
   * worst), so that a huge file costs no more than saying it is too large.
   */
  private static final int MAX_BYTES = TopologySyntax.MAX_TEXT_LENGTH * 4 + 4;

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

  @Override
  public URI canonical(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      return uri.normalize();
    }
    try {
      Path path = Path.of(uri);
      return (Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize()).toUri();
    } catch (IOException | RuntimeException e) {
      return uri.normalize();
    }
  }
}
