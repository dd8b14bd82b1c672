package dev.topo.ide;

import dev.topo.ide.Completion.Item;
import dev.topo.ide.Completion.Kind;
import dev.topo.model.Span;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completion inside {@code import "..."}: the next segment of a path relative to the
 * document, among the workspace's topology files (indexed, open, or on the disk now) and the
 * folders that lead to them. Only the segment being typed is replaced.
 */
final class ImportPaths {
  private ImportPaths() {}

  static List<Item> at(URI document, CursorContext context, int offset, TopologyFiles files) {
    if (!FilePaths.isFile(document)) {
      return List.of();
    }
    String typed = context.prefix();
    int slash = typed.lastIndexOf('/');
    String folderPart = typed.substring(0, slash + 1);
    Span segment = new Span(document, context.replaceStart() + slash + 1, offset);
    String self = FilePaths.normalize(document.getPath());
    String here = FilePaths.folderOf(self);
    String folder = FilePaths.normalize(folderPart.startsWith("/") ? folderPart : here + folderPart);
    if (!folder.endsWith("/")) {
      folder += "/"; // the root
    }

    Set<String> known = new TreeSet<>();
    files.known().forEach(uri -> addTopologyFile(uri, known));
    // The disk is read only inside the workspace (or, with none, below this file's folder):
    // a path typed as "/" must not walk the machine.
    Optional<URI> root = files.root(document);
    String limit = root.filter(FilePaths::isFile).map(r -> FilePaths.normalize(r.getPath() + "/")).orElse(here);
    boolean inside = folder.startsWith(limit);
    if (inside) {
      folderUri(document, folder).ifPresent(uri -> files.listed(uri).forEach(file -> addTopologyFile(file, known)));
    }
    known.remove(self);

    Set<String> fileNames = new TreeSet<>();
    Set<String> folders = new TreeSet<>();
    boolean outside = false;
    for (String file : known) {
      if (!file.startsWith(folder)) {
        outside = true;
        continue;
      }
      String[] rel = file.substring(folder.length()).split("/");
      if (rel.length == 1) {
        fileNames.add(rel[0]);
      } else if (!TopologyFiles.SKIPPED_FOLDERS.contains(rel[0])) {
        folders.add(rel[0]);
      }
    }
    List<Item> items = new ArrayList<>();
    for (String name : fileNames) {
      items.add(item(name, Kind.FILE, segment).withDetail(folderPart + name).withSortText("0" + name));
    }
    for (String name : folders) {
      // After a folder is inserted, its contents are the next thing to choose.
      items.add(item(name + "/", Kind.FOLDER, segment).withSortText("1" + name).suggestingAgain());
    }
    if (outside && root.isPresent() && inside && !folder.equals(limit)) {
      items.add(item("../", Kind.FOLDER, segment).withSortText("2").suggestingAgain());
    }
    return items;
  }

  private static Item item(String label, Kind kind, Span segment) {
    return Item.of(label, kind, segment, label, false);
  }

  /** Keeps the normalized path of a topology file on the disk. */
  private static void addTopologyFile(URI uri, Set<String> known) {
    if (FilePaths.isFile(uri) && uri.getPath().endsWith(".topo")) {
      known.add(FilePaths.normalize(uri.getPath()));
    }
  }

  /** The URI of a folder on the same machine as the document; none for a path that names no folder. */
  private static Optional<URI> folderUri(URI document, String folder) {
    try {
      return Optional.of(new URI("file", document.getAuthority(), folder, null, null));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
