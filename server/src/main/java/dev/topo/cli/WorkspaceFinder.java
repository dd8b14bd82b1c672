package dev.topo.cli;

import dev.topo.check.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace of a path given to {@code topo check}: the root its imports may not leave and
 * the configuration that applies to it. The root is {@code --root} when given; otherwise the
 * nearest folder at or above the path that holds {@code .topo.json} or {@code .git}; otherwise
 * the current directory when the path is below it, else the path's own folder. The
 * configuration is {@code --config} when given, else {@code .topo.json} in that root, if any.
 * So a file gets the same findings whichever directory the check is run from.
 *
 * <p>It asks the file system, so it lives here and not in the core; the current directory is
 * a parameter so that tests can choose it.
 */
final class WorkspaceFinder {
  /** Marks a repository's top, with {@code .topo.json}; a file rather than a folder in a git worktree or submodule. */
  private static final String GIT = ".git";

  /** Where a path's imports may go, and its configuration file when it has one. */
  record Workspace(Path root, Optional<Path> config) {}

  private final Path workingDirectory;
  private final Path explicitRoot;
  private final Path explicitConfig;

  /**
   * @param workingDirectory the current directory, absolute
   * @param explicitRoot {@code --root} made absolute, or null
   * @param explicitConfig {@code --config} made absolute, or null
   */
  WorkspaceFinder(Path workingDirectory, Path explicitRoot, Path explicitConfig) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.explicitRoot = explicitRoot;
    this.explicitConfig = explicitConfig;
  }

  /** The workspace of a file or directory given as an absolute path. */
  Workspace find(Path checked) {
    Path root = explicitRoot != null ? explicitRoot : discoverRoot(checked.toAbsolutePath().normalize());
    Optional<Path> config = explicitConfig != null ? Optional.of(explicitConfig)
        : Optional.of(root.resolve(Config.FILE_NAME)).filter(Files::isRegularFile);
    return new Workspace(root, config);
  }

  /**
   * The workspace of a file found below a directory given, whose workspace is {@code enclosing}:
   * a folder between them that holds {@code .topo.json} or {@code .git} is a project of its own,
   * so its configuration applies however far above it the check was started.
   */
  Workspace find(Path file, Workspace enclosing) {
    if (explicitRoot != null || explicitConfig != null) {
      return enclosing;
    }
    for (Path folder = file.getParent(); folder != null && folder.startsWith(enclosing.root())
        && !folder.equals(enclosing.root()); folder = folder.getParent()) {
      if (isMarked(folder)) {
        return find(folder);
      }
    }
    return enclosing;
  }

  private Path discoverRoot(Path checked) {
    Path own = Files.isDirectory(checked) ? checked : checked.getParent();
    for (Path folder = own; folder != null; folder = folder.getParent()) {
      if (isMarked(folder)) {
        return folder;
      }
    }
    return checked.startsWith(workingDirectory) ? workingDirectory : own;
  }

  private static boolean isMarked(Path folder) {
    return Files.isRegularFile(folder.resolve(Config.FILE_NAME)) || Files.exists(folder.resolve(GIT));
  }
}
