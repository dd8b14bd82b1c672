package dev.topo.diagram;

import dev.topo.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the tests of the Mermaid and DOT faces share: the samples, a program with nasty text, and decoders. */
final class TextFaces {
  /**
   * Names that are keywords of Mermaid or DOT, and a release with every character either
   * language reads as syntax: quotes, HTML, entity codes, a Mermaid directive, brackets,
   * backslashes, arrows; findings on a node and on a subgraph (its container asks for more cpu
   * than it has, and runs another OS); a host called {@code style} (Mermaid's pre-parser rewrites lines that
   * say "style" and hold a ':' and a '#', so a colon there must be escaped too).
   */
  static final String NASTY = """
      host style {
        os linux "ubuntu \\"22\\" <b>x</b> & &amp; #quot; #35; `tick` %%{init: {\\"theme\\": \\"dark\\"}}%% [a] {b} (c) |d| \\\\ :#1; --> end"
        cpu 8
        memory 16GiB
        runtime docker "24.0"
        container end {
          os windows
          image "registry.example.com/a:1.0"
          cpu 12
          memory 1GiB
        }
      }
      host subgraph {
        os linux "classDef:\\"x\\"; style:#y;"
        cpu 1
        memory 1GiB
        runtime docker "24.0"
      }
      cluster graph {
        nodes subgraph, style
        pod node {
          select os "linux"
          container classDef {
            os linux
            image "registry.example.com/b:1.0"
            cpu 1
            memory 1GiB
          }
        }
      }
      """;

  /** The release of {@code host style} as the model reads it (the language's escapes undone). */
  static final String NASTY_RELEASE =
      "ubuntu \"22\" <b>x</b> & &amp; #quot; #35; `tick` %%{init: {\"theme\": \"dark\"}}%% [a] {b} (c) |d| \\ :#1; --> end";

  private static final Pattern ENTITY = Pattern.compile("#(\\d+);");

  private TextFaces() {}

  /** Every sample under samples/, as a path relative to it, in a stable order. */
  static Stream<String> samples() {
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      return walk.filter(p -> p.toString().endsWith(".topo")).sorted()
          .map(p -> TestFiles.samples().relativize(p).toString().replace('\\', '/')).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sample's diagram, laid out as the command line draws it. */
  static Diagram diagram(String sample) {
    return Diagrams.laidOut(Diagrams.sample(sample));
  }

  /** The lines a Mermaid label shows, as Mermaid decodes it: {@code <br/>} breaks, {@code #NN;} a character. */
  static List<String> mermaidLines(String quoted) {
    String inside = quoted.substring(1, quoted.length() - 1);
    return Stream.of(inside.split("<br/>", -1))
        .map(line -> ENTITY.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
            Character.toString(Integer.parseInt(m.group(1))))))
        .toList();
  }

  /** The lines a DOT string shows, as Graphviz reads its escapes: {@code \n} and {@code \l} end a line. */
  static List<String> dotLines(String quoted) {
    String inside = quoted.substring(1, quoted.length() - 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < inside.length(); i++) {
      char c = inside.charAt(i);
      if (c == '\\') {
        char next = inside.charAt(++i);
        text.append(next == 'n' || next == 'l' ? '\n' : next);
      } else {
        text.append(c);
      }
    }
    String lines = text.toString();
    return List.of((lines.endsWith("\n") ? lines.substring(0, lines.length() - 1) : lines).split("\n", -1));
  }

  /** The lines each box should show, by its short id. */
  static Map<String, List<String>> expectedLines(Diagram diagram) {
    Map<String, String> ids = DiagramText.shortIds(diagram);
    return diagram.allBoxes().stream()
        .collect(java.util.stream.Collectors.toMap(b -> ids.get(b.id()), DiagramText::lines));
  }
}
