package dev.topo.lsp;

import dev.topo.model.FileModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds and parses the workspace's .topo files in the background, so that workspace
 * symbols, references and rename know files that are not open. Folders that hold no
 * topology (.git, node_modules, target) are skipped.
 */
final class WorkspaceIndexer {
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target", ".idea", ".vscode");

  private WorkspaceIndexer() {}

  static List<URI> find(List<URI> roots) {
    List<URI> found = new ArrayList<>();
    for (URI root : roots) {
      if (!"file".equals(root.getScheme())) {
        continue;
      }
      Path folder = Path.of(root);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try {
        // A folder opened through a link is walked where it leads (the walk follows no other
        // link, so a link inside leads nowhere), and its files are named as the client names it.
        Path start = folder.toRealPath();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(start) && SKIPPED.contains(String.valueOf(dir.getFileName()))
                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && file.toString().endsWith(".topo")) {
              found.add(folder.resolve(start.relativize(file)).toUri());
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException | UncheckedIOException e) {
        // An unreadable folder leaves the files found so far.
      }
    }
    return found;
  }

  /** Parses each file into the session's cache, reporting how far it got after each. */
  static void index(Session session, List<URI> files, Consumer<Integer> progress) {
    int done = 0;
    for (URI uri : files) {
      session.workspaceFiles().add(uri);
      session.documents().read(uri).ifPresent(text -> {
        FileModel ignored = session.cache().get(uri, text);
      });
      progress.accept(++done);
    }
  }
}
