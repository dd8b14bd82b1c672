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

  /** The text of every sample, in a stable order, and a generated program of 2,000 lines. */
  public static java.util.List<String> sampleTextsAndAGeneratedProgram() throws java.io.IOException {
    java.util.List<String> texts = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(samples())) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".topo")).sorted().toList()) {
        texts.add(java.nio.file.Files.readString(p));
      }
    }
    texts.add(new dev.topo.tools.TopologyGenerator(5).single(2_000));
    return texts;
  }
}
