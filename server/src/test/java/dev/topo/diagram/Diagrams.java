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
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Diagrams of samples and snippets for the tests: checked, built, and laid out or not. */
final class Diagrams {
  private Diagrams() {}

  static Analyzer.Analysis analysis(String text) {
    return analysis("main.topo", text);
  }

  /** The text analysed as the document at {@code path} under {@code file:///ws/}, the same on every machine. */
  static Analyzer.Analysis analysis(String path, String text) {
    MemorySources sources = new MemorySources().with(path, text);
    return new Analyzer(sources, new ParseCache(), MemorySources.ROOT, new Checker(Rules.all(), Config.DEFAULT))
        .analyze(MemorySources.uri(path), text, Cancellation.NONE);
  }

  static Diagram unlaid(String text) {
    Analyzer.Analysis analysis = analysis(text);
    return DiagramBuilder.build(analysis.program(), analysis.findings());
  }

  static Diagram laidOut(String text) {
    return Layout.of(unlaid(text));
  }

  /** A sample laid out as {@code file:///ws/samples/PATH}: its pictures in the docs do not depend on the checkout. */
  static Diagram laidOutSample(String path) {
    Analyzer.Analysis analysis = analysis("samples/" + path, sample(path));
    return Layout.of(DiagramBuilder.build(analysis.program(), analysis.findings()));
  }

  /** Every sample's path under samples/, with forward slashes, in a stable order. */
  static List<String> samplePaths() {
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      return walk.filter(p -> p.toString().endsWith(".topo"))
          .map(p -> TestFiles.samples().relativize(p).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sample(String path) {
    try {
      return Files.readString(TestFiles.samples().resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
