package dev.topo.lsp;

import dev.topo.ide.TopologyFiles;
import dev.topo.workspace.TextDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The topology files the session knows (the workspace's index, the open documents) and
 * those on the disk now, for the completion of import paths: the editor layer reads no disk.
 */
final class SessionTopologyFiles implements TopologyFiles {
  /** At most this many entries of a folder are read, so that a huge folder cannot stall a keystroke. */
  private static final int MOST_ENTRIES = 1000;

  private final Session session;

  SessionTopologyFiles(Session session) {
    this.session = session;
  }

  @Override
  public Collection<URI> known() {
    List<URI> known = new ArrayList<>(session.workspaceFiles());
    session.documents().all().stream().map(TextDocument::uri).forEach(known::add);
    return known;
  }

  @Override
  public Optional<URI> root(URI document) {
    return Optional.ofNullable(session.rootOf(document));
  }

  /** The .topo files of a folder, and the first one of each subfolder, without walking deeper. */
  @Override
  public Collection<URI> listed(URI folder) {
    Path path;
    try {
      path = Path.of(folder);
    } catch (RuntimeException e) {
      return List.of(); // a URI that names no folder here
    }
    List<URI> found = new ArrayList<>();
    for (Path p : list(path)) {
      if (Files.isDirectory(p) && !SKIPPED_FOLDERS.contains(p.getFileName().toString())) {
        list(p).stream().filter(SessionTopologyFiles::isTopologyFile).findFirst().ifPresent(f -> found.add(f.toUri()));
      } else if (isTopologyFile(p)) {
        found.add(p.toUri());
      }
    }
    return found;
  }

  private static boolean isTopologyFile(Path p) {
    return p.toString().endsWith(".topo") && Files.isRegularFile(p);
  }

  private static List<Path> list(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(Path::normalize).limit(MOST_ENTRIES).collect(Collectors.toList());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
