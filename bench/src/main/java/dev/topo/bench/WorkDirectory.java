package dev.topo.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's temporary directory, deleted with everything in it when the JVM exits: each run
 * writes designs of up to a hundred thousand lines, and left behind they filled /tmp by the
 * gigabyte.
 */
final class WorkDirectory {
  private WorkDirectory() {}

  static Path create(String prefix) throws IOException {
    Path directory = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
    return directory;
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      System.err.println("[bench] could not delete " + directory + ": " + e.getMessage());
    }
  }
}
