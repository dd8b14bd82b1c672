package dev.topo.diagram;

import dev.topo.TestFiles;
import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Diagrams of samples and snippets for the tests: checked, built, and laid out or not. */
final class Diagrams {
  private Diagrams() {}

  static Analyzer.Analysis analysis(String text) {
    MemorySources sources = new MemorySources().with("main.topo", text);
    return new Analyzer(sources, new ParseCache(), MemorySources.ROOT, new Checker(Rules.all(), Config.DEFAULT))
        .analyze(MemorySources.uri("main.topo"), text, Cancellation.NONE);
  }

  static Diagram unlaid(String text) {
    Analyzer.Analysis analysis = analysis(text);
    return DiagramBuilder.build(analysis.program(), analysis.findings());
  }

  static Diagram laidOut(String text) {
    return Layout.of(unlaid(text));
  }

  static String sample(String path) {
    try {
      return Files.readString(TestFiles.samples().resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
