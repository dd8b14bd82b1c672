package dev.topo;

import java.nio.file.Path;

/** Where the repository's files are during tests (surefire passes the path). */
public final class TestFiles {
  private TestFiles() {}

  public static Path repo() {
    return Path.of(System.getProperty("topo.repo", "..")).toAbsolutePath().normalize();
  }

  public static Path samples() {
    return repo().resolve("samples");
  }
}
